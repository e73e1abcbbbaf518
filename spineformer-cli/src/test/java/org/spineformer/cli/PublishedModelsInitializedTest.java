package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A published model built with its published mod files (what {@code model check MODEL --mod DIR} builds), initialized
 * as NEURON's {@code finitialize(v_init)}, against NEURON's structure dump after finitialize
 * ({@code shared/reference/models/MODEL/structure.json.gz}, copied in spineformer-model's test resources): per segment,
 * every RANGE variable of every density mechanism (parameters, STATEs, ASSIGNED currents and conductances) and the
 * ions' ena/nai/nao/ina ... Validation tier; needs, per model, the folder of its mod files:
 * {@code -Dspineformer.modDir.hay2011_l5pc=...}, {@code -Dspineformer.modDir.allen_scnn1a=...},
 * {@code -Dspineformer.modDir.migliore2018_ca1=...} (a model without its folder is skipped, by name).
 */
@Tag("validation")
class PublishedModelsInitializedTest {
    /**
     * Relative, per value. Both sides evaluate the same formulas in double and NEURON's dump prints 17 digits, so only
     * operation order and exp/pow implementations differ (ulps, amplified at most by a few rate ratios); a wrong
     * constant, unit, temperature (q10 at 6.3 against 34 degC) or a missed INITIAL is orders of magnitude larger.
     */
    private static final double RELATIVE = 1e-9;
    /** NEURON keeps dI/dv of each ion for its fixed step; the engine has no such variable to compare. */
    private static final String NOT_HELD = "_dv_";
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");
    private static final Path NEURON_DUMPS = Path.of("..", "spineformer-model", "src", "test", "resources",
            "reference", "models");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hay2011_l5pc", "allen_scnn1a", "migliore2018_ca1"})
    void everyMechanismValueAfterInitializationMatchesNeuron(String model) {
        String dir = System.getProperty("spineformer.modDir." + model, "");
        assumeTrue(!dir.isBlank(), model + " skipped: no -Dspineformer.modDir." + model + "=FOLDER given");
        AssembledCell cell = CellAssembler.assemble(BundledDescriptions.get(model)
                .withMorphologyDirectory(MORPHOLOGY_FILES.resolve(model)));
        StringWriter unused = new StringWriter();
        List<NmodlMechanism> compiled = new ArrayList<>();
        // the folders also hold files the model does not use (synapses, NaV's KINETIC): those need not compile
        ModFolder.compile(Path.of(dir), compiled, new PrintWriter(unused));
        Catalogue catalogue = NmodlMechanism.replacing(Catalogue.discover(), compiled, line -> { });
        LoweredCell lowered = ModelLowering.lower(cell, catalogue);
        Simulation sim = lowered.simulation(0.025);
        sim.initialize(cell.vInitMv());

        JsonNode neuron = neuronDump(model);
        assertThat(sim.state().celsius).isEqualTo(neuron.get("celsius").asDouble());
        Map<String, Double> worst = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int compared = 0;
        JsonNode sections = neuron.get("sections");
        for (int i = 0; i < sections.size(); i++) {
            JsonNode segments = sections.get(i).get("segments");
            for (int j = 0; j < segments.size(); j++) {
                String where = sections.get(i).get("name").asText() + "(" + segments.get(j).get("x").asDouble() + ")";
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
                            missing.add(mech.getKey() + "." + key);
                            continue;
                        }
                        compared++;
                        double theirs = value.getValue().asDouble();
                        double relative = ours.equals(theirs) ? 0
                                : Math.abs(ours - theirs) / Math.max(Math.abs(theirs), Double.MIN_NORMAL);
                        worst.merge(key, relative, Math::max);
                        if (!(relative <= RELATIVE)) {
                            mismatches.add(where + " " + key + ": ours " + ours + ", NEURON " + theirs
                                    + " (relative " + relative + ")");
                        }
                    }
                }
            }
        }
        System.out.println(model + ": " + compared + " values compared; largest relative difference to NEURON after"
                + " finitialize per variable: " + worst);
        assertThat(missing.stream().distinct().toList()).as(model + ": NEURON variables we do not hold").isEmpty();
        assertThat(mismatches).as(model + ": " + mismatches.size() + " values beyond " + RELATIVE + ", the first 30: "
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
            return ion.reversal[node];
        } else if (key.equals(name + "i")) {
            return ion.concentration[node];
        } else if (key.equals(name + "o")) {
            return ion.outside[node];
        } else if (key.equals("i" + name)) {
            return ion.current[node];
        }
        return null;
    }

    private static JsonNode neuronDump(String model) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(NEURON_DUMPS.resolve(model)
                .resolve("structure.json.gz")))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
