package org.spineformer.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/**
 * A built cell as NEURON's structure dump (the schema of {@code shared/reference/models/<model>/structure.json.gz},
 * the subset the engine knows: sections with name, nseg, L, Ra, parent, parent_x; segments with x, diam, cm,
 * area_um2, ri_MOhm, distance_um from the description's distance origin, every density mechanism's parameters as
 * {@code name_mechanism}, and painted ion values under {@code <ion>_ion}), so the two can be diffed.
 */
public final class StructureDump {
    private StructureDump() {
    }

    /** Mechanism parameter values of one segment, keyed {@code name_mechanism}. */
    private interface Parameters {
        Map<String, Double> of(String mechanism, int section, int segment);
    }

    /** The dump of a lowered cell: every parameter of every density mechanism, as the simulation holds it. */
    public static ObjectNode toJson(LoweredCell lowered, Simulation sim) {
        return toJson(lowered, sim, false);
    }

    /**
     * The dump of a lowered, initialized cell: every field (parameters, STATEs, ASSIGNED) of every density mechanism,
     * as the simulation holds it, like NEURON's dump after {@code finitialize}.
     */
    public static ObjectNode everyField(LoweredCell lowered, Simulation sim) {
        return toJson(lowered, sim, true);
    }

    private static ObjectNode toJson(LoweredCell lowered, Simulation sim, boolean everyField) {
        return toJson(lowered.assembled(), sim.discretization(), (mech, i, j) -> {
            MechanismBlock block = sim.block(mech);
            int instance = sim.densityInstance(mech, i, j);
            Map<String, Double> values = new LinkedHashMap<>();
            for (FieldSpec f : block.mechanism().fields()) {
                if (everyField || f.role() == FieldRole.PARAMETER) {
                    values.put(f.name() + "_" + mech, block.get(f.name(), instance));
                }
            }
            return values;
        });
    }

    /**
     * The dump of a cell that is not lowered (its mechanisms need not be in the catalogue): geometry as the engine
     * discretizes it, and of each mechanism only the parameters the description paints (a default NEURON would
     * hold is not known without the mechanism).
     */
    public static ObjectNode paintedOnly(AssembledCell cell) {
        return toJson(cell, new Discretization(cell.morphology()), (mech, i, j) -> {
            Map<String, Double> values = new LinkedHashMap<>();
            cell.mechanisms().get(i).get(mech).forEach((name, v) -> {
                double value = v[Math.min(j, v.length - 1)];
                if (!Double.isNaN(value)) {
                    values.put(name + "_" + mech, value);
                }
            });
            return values;
        });
    }

    private static ObjectNode toJson(AssembledCell cell, Discretization disc, Parameters parameters) {
        Morphology m = cell.morphology();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("simulator", "Spineformer");
        root.put("model", cell.name());
        root.put("celsius", cell.celsius());
        root.put("v_init", cell.vInitMv());
        root.put("n_sections", m.size());
        int segments = 0;
        for (Section s : m.sections()) {
            segments += s.nseg();
        }
        root.put("n_segments", segments);
        root.put("distance_origin", "distance_um: path distance from " + m.section(cell.distanceOriginSection()).name()
                + "(" + cell.distanceOriginX() + ")");
        var sections = root.putArray("sections");
        for (int i = 0; i < m.size(); i++) {
            Section s = m.section(i);
            ObjectNode sec = sections.addObject();
            sec.put("name", s.name());
            sec.put("nseg", s.nseg());
            sec.put("L", s.lengthUm());
            sec.put("Ra", s.raOhmCm());
            if (s.parent() < 0) {
                sec.putNull("parent");
                sec.putNull("parent_x");
            } else {
                sec.put("parent", m.section(s.parent()).name());
                sec.put("parent_x", s.parentX());
            }
            var segs = sec.putArray("segments");
            for (int j = 0; j < s.nseg(); j++) {
                int node = disc.segmentNode(i, j);
                ObjectNode seg = segs.addObject();
                seg.put("x", s.segmentX(j));
                seg.put("diam", s.diamUm()[j]);
                seg.put("cm", s.cmUfPerCm2()[j]);
                seg.put("area_um2", disc.areaUm2(node));
                seg.put("ri_MOhm", disc.riMOhm(node));
                seg.put("distance_um", m.pathDistance(cell.distanceOriginSection(), cell.distanceOriginX(), i,
                        s.segmentX(j)));
                ObjectNode mechs = seg.putObject("mechanisms");
                for (Map.Entry<String, double[]> ion : cell.ions().get(i).entrySet()) {
                    if (!Double.isNaN(ion.getValue()[j])) {
                        String key = ionOf(ion.getKey()) + "_ion";
                        ObjectNode ionNode = mechs.has(key) ? (ObjectNode) mechs.get(key) : mechs.putObject(key);
                        ionNode.put(ion.getKey(), ion.getValue()[j]);
                    }
                }
                for (String mech : cell.mechanisms().get(i).keySet()) {
                    ObjectNode values = mechs.putObject(mech);
                    parameters.of(mech, i, j).forEach(values::put);
                }
            }
        }
        return root;
    }

    /** The ion of a NEURON ion variable: ena -> na, cai -> ca, ko -> k. */
    static String ionOf(String variable) {
        if (variable.startsWith("e")) {
            return variable.substring(1);
        }
        if (variable.endsWith("i") || variable.endsWith("o")) {
            return variable.substring(0, variable.length() - 1);
        }
        return variable;
    }

    /** Writes {@link #toJson(LoweredCell, Simulation)} to {@code out} (complete or not at all). */
    public static void write(LoweredCell lowered, Simulation sim, Path out) {
        write(toJson(lowered, sim), out);
    }

    /** Writes {@link #everyField} to {@code out} (complete or not at all). */
    public static void writeEveryField(LoweredCell lowered, Simulation sim, Path out) {
        write(everyField(lowered, sim), out);
    }

    /** Writes {@link #paintedOnly} to {@code out} (complete or not at all). */
    public static void writePaintedOnly(AssembledCell cell, Path out) {
        write(paintedOnly(cell), out);
    }

    /** Writes the dump next to {@code out}, then moves it there. */
    private static void write(ObjectNode root, Path out) {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), root);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
