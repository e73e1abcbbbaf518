package org.spineformer.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each bundled description of a published model, built from the model's own morphology file (read as NEURON's
 * Import3d reads it, sections keeping their 3-D points), against NEURON's structure dump of the same model built
 * by its own code: the same sections in the same order, nseg, L, Ra, parents and connection points; every
 * segment's x, diameter, cm, area, ri and path distance; the inserted mechanisms, every painted parameter and
 * ena/ek. Our side is what {@code spineformer model check MODEL --structure FILE} writes
 * ({@link StructureDump#paintedOnly}: the models' mechanisms are not in the catalogue yet), so the dump's keys are
 * checked too.
 */
class PublishedModelsMatchNeuronTest {
    /**
     * Both sides compute the same formulas in doubles from the same single-precision 3-D points and decimal inputs
     * (geometry is NEURON's nrn_area_ri, bitwise in spineformer-morphology's tests; Hay's distributed values are
     * rounded to 10 decimals on both sides); what remains is a few ulps of summation order.
     */
    private static final double RELATIVE = 1e-9;
    /** Parameters that are equal at every segment with the mechanism within this are the mechanism's default. */
    private static final double UNIFORM = 0;
    /** The segment keys compared. */
    private static final String[] SEGMENT_KEYS = {"x", "diam", "cm", "area_um2", "ri_MOhm", "distance_um"};
    /**
     * The published morphology files: spineformer-morphology's test copies (see its PROVENANCE.md), read where they
     * are rather than copied again (tests run in the module's directory).
     */
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");

    private static final JsonNode NOTHING = new ObjectMapper().createObjectNode();

    @ParameterizedTest
    @ValueSource(strings = {"allen_scnn1a", "hay2011_l5pc", "migliore2018_ca1"})
    void theDescriptionOnItsMorphologyFileBuildsNeuronsCell(String model) {
        buildsNeuronsCell(model, BundledDescriptions.get(model)
                .withMorphologyDirectory(MORPHOLOGY_FILES.resolve(model)));
    }

    /**
     * The Allen model 472363762 read from its authors' fit.json and morphology file by {@link AllenFitReader}
     * builds the same cell as NEURON by the Allen recipe. The fit.json is not in this repository: the test reads
     * it from {@code -Dspineformer.sharedReference=.../shared/reference} and reports itself skipped without it.
     */
    @Test
    void theAllenFitOnItsMorphologyFileBuildsNeuronsCell() {
        String shared = System.getProperty("spineformer.sharedReference", "");
        assumeTrue(!shared.isBlank(), "472363762_fit.json skipped: no -Dspineformer.sharedReference=.../shared/"
                + "reference given");
        buildsNeuronsCell("allen_scnn1a", AllenFitReader.read(Path.of(shared, "models", "allen_scnn1a",
                "input_files", "472363762_fit.json"), MORPHOLOGY_FILES.resolve("allen_scnn1a")
                .resolve("Scnn1a_473845048_m.swc"), "472363762"));
    }

    private static void buildsNeuronsCell(String model, CellDescription description) {
        JsonNode neuron = neuronDump(model);
        AssembledCell cell = CellAssembler.assemble(description);
        JsonNode ours = StructureDump.paintedOnly(cell);

        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> worst = new TreeMap<>(); // key -> largest relative difference seen
        soft.assertThat(ours.get("n_sections").asInt()).as("sections").isEqualTo(neuron.get("n_sections").asInt());
        soft.assertThat(ours.get("n_segments").asInt()).as("segments").isEqualTo(neuron.get("n_segments").asInt());
        Map<String, Double> firstSeen = new HashMap<>(); // unpainted parameter -> NEURON's value where first seen
        int compared = 0;
        int sections = Math.min(ours.get("sections").size(), neuron.get("sections").size());
        for (int i = 0; i < sections; i++) {
            JsonNode s = neuron.get("sections").get(i), o = ours.get("sections").get(i);
            String name = s.get("name").asText();
            soft.assertThat(o.get("name").asText()).as("section %d", i).isEqualTo(name);
            soft.assertThat(o.get("nseg").asInt()).as(name + " nseg").isEqualTo(s.get("nseg").asInt());
            soft.assertThat(o.get("parent").asText()).as(name + " parent").isEqualTo(s.get("parent").asText());
            close(soft, worst, "L", name, "L", o, s);
            close(soft, worst, "Ra", name, "Ra", o, s);
            if (!s.get("parent").isNull()) {
                close(soft, worst, "parent_x", name, "parent_x", o, s);
            }
            if (o.get("nseg").asInt() != s.get("nseg").asInt()) {
                continue;
            }
            for (int j = 0; j < s.get("nseg").asInt(); j++) {
                JsonNode theirs = s.get("segments").get(j), mine = o.get("segments").get(j);
                String where = name + "(" + theirs.get("x").asDouble() + ")";
                for (String key : SEGMENT_KEYS) {
                    close(soft, worst, key, where, key, mine, theirs);
                    compared++;
                }
                compared += mechanisms(soft, worst, firstSeen, where, neuron, mine.get("mechanisms"),
                        theirs.get("mechanisms"));
            }
        }
        // every segment's keys, and at least one painted value per segment (all three models paint pas everywhere)
        soft.assertThat(compared).as("values compared")
                .isGreaterThanOrEqualTo((SEGMENT_KEYS.length + 1) * neuron.get("n_segments").asInt());
        System.out.println(description.name() + ": largest relative difference to NEURON per key: " + worst);
        soft.assertAll();
    }

    /** Inserted mechanisms, painted parameters and ena/ek of one segment; returns how many values were compared. */
    private static int mechanisms(SoftAssertions soft, Map<String, Double> worst, Map<String, Double> firstSeen,
                                  String where, JsonNode neuron, JsonNode mine, JsonNode theirs) {
        Set<String> ourNames = new TreeSet<>(), theirNames = new TreeSet<>();
        mine.fieldNames().forEachRemaining(k -> {
            if (!k.endsWith("_ion")) {
                ourNames.add(k);
            }
        });
        theirs.fieldNames().forEachRemaining(k -> {
            if (!k.endsWith("_ion")) {
                theirNames.add(k);
            }
        });
        soft.assertThat(ourNames).as(where + " mechanisms").isEqualTo(theirNames);
        int compared = 0;
        for (String mech : theirNames) {
            JsonNode values = mine.has(mech) ? mine.get(mech) : NOTHING;
            for (JsonNode p : neuron.get("mechanism_variables").get(mech).get("parameter")) {
                String full = p.asText();
                if (values.has(full)) {
                    close(soft, worst, "painted parameters", where + " " + mech, full, values, theirs.get(mech));
                    compared++;
                } else {
                    // not painted: NEURON must hold the same (default) value wherever it is unpainted
                    double theirValue = theirs.get(mech).get(full).asDouble();
                    Double first = firstSeen.putIfAbsent(full, theirValue);
                    soft.assertThat(first == null || Math.abs(first - theirValue) <= UNIFORM)
                            .as(where + " " + full + " = " + theirValue + " is not painted by the description, yet"
                                    + " differs from its value elsewhere (" + first + ")").isTrue();
                }
            }
        }
        for (String[] ion : new String[][] {{"na_ion", "ena"}, {"k_ion", "ek"}}) {
            boolean painted = mine.has(ion[0]) && mine.get(ion[0]).has(ion[1]);
            soft.assertThat(painted).as(where + " " + ion[1] + " painted where NEURON has " + ion[0])
                    .isEqualTo(theirs.has(ion[0]));
            if (painted && theirs.has(ion[0])) {
                close(soft, worst, "ena/ek", where, ion[1], mine.get(ion[0]), theirs.get(ion[0]));
                compared++;
            }
        }
        return compared;
    }

    /** Compares {@code key} of two JSON objects; the largest difference is kept under {@code group}. */
    private static void close(SoftAssertions soft, Map<String, Double> worst, String group, String where, String key,
                              JsonNode ours, JsonNode theirs) {
        soft.assertThat(ours.has(key)).as(where + " " + key + " in our dump").isTrue();
        if (!ours.has(key)) {
            return;
        }
        double o = ours.get(key).asDouble(), t = theirs.get(key).asDouble();
        double relative = Math.abs(o - t) / Math.max(Math.abs(t), Double.MIN_NORMAL);
        worst.merge(group, relative, Math::max);
        soft.assertThat(relative).as(where + " " + key + ": ours " + o + ", NEURON " + t).isLessThanOrEqualTo(RELATIVE);
    }

    private static JsonNode neuronDump(String model) {
        try (InputStream in = new GZIPInputStream(PublishedModelsMatchNeuronTest.class.getResourceAsStream(
                "/reference/models/" + model + "/structure.json.gz"))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
