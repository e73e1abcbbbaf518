package org.spineformer.model.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;

/**
 * An initialized simulation against NEURON's structure dump after {@code finitialize} (the schema of {@code model
 * check --structure}): per segment of each of NEURON's sections (found by name in ours, with the same nseg), every
 * RANGE variable of every density mechanism and the ions' values ({@code ena}, {@code nai}, {@code nao},
 * {@code ina}). Shared by the tests of spineformer-cell and spineformer-cli that check a model's initialization.
 *
 * @param compared   the values compared
 * @param worst      the largest relative difference per variable name
 * @param mismatches the values beyond the tolerance, where, ours and NEURON's
 * @param missing    NEURON's variables we do not hold, as {@code mechanism.variable}, each once
 */
public record InitializedValues(int compared, Map<String, Double> worst, List<String> mismatches,
                                List<String> missing) {
    /** NEURON keeps dI/dv of each ion for its fixed step; the engine has no such variable to compare. */
    private static final String NOT_HELD = "_dv_";

    /** Reads a gzipped structure dump. */
    public static JsonNode readDump(Path structureJsonGz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(structureJsonGz))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code sim}, initialized, with NEURON's {@code dump}; a value is a mismatch beyond {@code relative}. */
    public static InitializedValues compare(JsonNode dump, Simulation sim, double relative) {
        assertThat(sim.state().celsius).as("celsius").isEqualTo(dump.get("celsius").asDouble());
        Morphology m = sim.discretization().morphology();
        Map<String, Double> worst = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int compared = 0;
        for (JsonNode section : dump.get("sections")) {
            int i = m.indexOf(section.get("name").asText());
            JsonNode segments = section.get("segments");
            assertThat(m.section(i).nseg()).as(section.get("name").asText() + " nseg").isEqualTo(segments.size());
            for (int j = 0; j < segments.size(); j++) {
                String where = section.get("name").asText() + "(" + segments.get(j).get("x").asDouble() + ")";
                int node = sim.discretization().segmentNode(i, j);
                for (Iterator<Map.Entry<String, JsonNode>> it = segments.get(j).get("mechanisms").fields();
                     it.hasNext(); ) {
                    Map.Entry<String, JsonNode> mech = it.next();
                    for (Iterator<Map.Entry<String, JsonNode>> v = mech.getValue().fields(); v.hasNext(); ) {
                        Map.Entry<String, JsonNode> value = v.next();
                        String key = value.getKey();
                        if (key.endsWith(NOT_HELD)) {
                            continue;
                        }
                        Double ours = mech.getKey().endsWith("_ion")
                                ? ion(sim, mech.getKey().replace("_ion", ""), key, node)
                                : mechanism(sim, mech.getKey(), key, i, j);
                        if (ours == null) {
                            if (!missing.contains(mech.getKey() + "." + key)) {
                                missing.add(mech.getKey() + "." + key);
                            }
                            continue;
                        }
                        compared++;
                        double theirs = value.getValue().asDouble();
                        double difference = ours.equals(theirs) ? 0
                                : Math.abs(ours - theirs) / Math.max(Math.abs(theirs), Double.MIN_NORMAL);
                        worst.merge(key, difference, Math::max);
                        if (!(difference <= relative)) {
                            mismatches.add(where + " " + key + ": ours " + ours + ", NEURON " + theirs
                                    + " (relative " + difference + ")");
                        }
                    }
                }
            }
        }
        return new InitializedValues(compared, worst, mismatches, missing);
    }

    /** Asserts that we hold every variable of NEURON's and that none is beyond the tolerance (the first 30 named). */
    public void assertMatches(String what) {
        assertThat(missing).as(what + ": NEURON variables we do not hold").isEmpty();
        assertThat(mismatches).as(what + ": " + mismatches.size() + " values beyond the tolerance, the first 30: "
                + mismatches.subList(0, Math.min(30, mismatches.size()))).isEmpty();
    }

    /** A density mechanism's {@code name_mechanism} value at a segment; null when we do not hold the variable. */
    private static Double mechanism(Simulation sim, String mech, String key, int section, int segment) {
        if (!sim.has(mech) || !key.endsWith("_" + mech)) {
            return null;
        }
        MechanismBlock block = sim.block(mech);
        String field = key.substring(0, key.length() - mech.length() - 1);
        for (FieldSpec f : block.mechanism().fields()) {
            if (f.name().equals(field)) {
                return block.get(field, sim.densityInstance(mech, section, segment));
            }
        }
        return null;
    }

    /** An ion's value at a node: {@code ena}, {@code nai}, {@code nao}, {@code ina} for ion {@code na}. */
    private static Double ion(Simulation sim, String name, String key, int node) {
        Ion ion = sim.state().ion(name);
        if (key.equals("e" + name)) {
            return ion.reversal()[node];
        } else if (key.equals(name + "i")) {
            return ion.concentration[node];
        } else if (key.equals(name + "o")) {
            return ion.outside[node];
        } else if (key.equals("i" + name)) {
            return ion.current()[node];
        }
        return null;
    }
}
