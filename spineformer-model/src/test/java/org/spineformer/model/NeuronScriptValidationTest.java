package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.model.neuron.NeuronProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.model.neuron.NeuronProcess;
import org.spineformer.model.neuron.NeuronProcess.Result;

/**
 * The script of {@code model export --neuron} run by NEURON itself (validation tier: needs a Python with the
 * {@code neuron} module; skipped otherwise): NEURON's structure dump of the cell it builds against ours, section by
 * section and segment by segment.
 */
@Tag("validation")
class NeuronScriptValidationTest {
    /**
     * NEURON computes the geometry from the same single-precision 3-D points (or cylinders) and decimal values with the
     * same formulas in doubles (spineformer-morphology's geometry is NEURON's nrn_area_ri); what may remain is a few
     * ulps of summation order (measured: 1.5e-16 at most, in ri).
     */
    private static final double RELATIVE = 1e-9;
    private static final String[] SECTION_KEYS = {"L", "Ra"};
    private static final String[] SEGMENT_KEYS = {"x", "diam", "cm", "area_um2", "ri_MOhm", "distance_um"};
    /** The published morphology files: spineformer-morphology's test copies (its PROVENANCE.md). */
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");

    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findNeuron() {
        python = NeuronProcess.python();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ellwood2024", "hay2011_l5pc", "allen_scnn1a", "migliore2018_ca1"})
    void neuronBuildsTheSameGeometry(String model) throws IOException {
        AssembledCell cell = cell(model);
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(cell));
        Path dump = dir.resolve("neuron.json");
        Result r = run(List.of(python, script.toString(), "--geometry-only", "--structure-out", dump.toString()), dir);
        assertThat(r.exit()).as(r.output()).isZero();
        compare(model, new ObjectMapper().readTree(dump.toFile()), StructureDump.paintedOnly(cell));
    }

    @Test
    void withoutTheirModFilesThePapersMechanismsAreNamedAndNothingIsWritten() throws IOException {
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(cell("ellwood2024")));
        Path dump = dir.resolve("neuron.json");
        Result r = run(List.of(python, script.toString(), "--structure-out", dump.toString()), dir);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("cannot insert BahlEtAl_2012_ih, BahlEtAl_2012_kfast")
                .contains("AMPA_WITH_CA, NMDA: not known to NEURON").contains("--geometry-only");
        assertThat(Files.exists(dump)).isFalse();
    }

    @Test
    void withItsMechanismsNeuronHoldsEveryPaintedValue() throws IOException {
        // hh and pas are built into NEURON: the full script runs without any mod file
        AssembledCell cell = CellAssembler.assemble(DescriptionTestSupport.read(DescriptionTestSupport.twoSections("""
                [{"region": "all", "mechanism": "pas", "parameters": {"g": "gbase", "e": -70}},
                 {"region": "dendrites", "mechanism": "hh",
                  "parameters": {"gnabar": "0.1 + 0.001 * distance", "gl": 2e-4}},
                 {"region": "dendrites", "ions": {"ena": 60, "ek": -80}}]
                """)));
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(cell));
        Path dump = dir.resolve("neuron.json");
        Result r = run(List.of(python, script.toString(), "--structure-out", dump.toString()), dir);
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode neuron = new ObjectMapper().readTree(dump.toFile());
        JsonNode ours = StructureDump.paintedOnly(cell);
        compare("small", neuron, ours);
        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> worst = new TreeMap<>();
        int painted = 0;
        for (int i = 0; i < ours.get("sections").size(); i++) {
            JsonNode n = neuron.get("sections").get(i), o = ours.get("sections").get(i);
            for (int j = 0; j < o.get("nseg").asInt(); j++) {
                JsonNode nm = n.get("segments").get(j).get("mechanisms");
                String where = o.get("name").asText() + "(" + j + ")";
                for (var mech = o.get("segments").get(j).get("mechanisms").fields(); mech.hasNext(); ) {
                    var m = mech.next();
                    soft.assertThat(nm.has(m.getKey())).as(where + " " + m.getKey() + " in NEURON").isTrue();
                    for (var value = m.getValue().fieldNames(); value.hasNext() && nm.has(m.getKey()); ) {
                        close(soft, worst, where, value.next(), nm.get(m.getKey()), m.getValue());
                        painted++;
                    }
                }
            }
        }
        // soma: g, e of pas; dend (11 segments): g, e, gnabar, gl, ena, ek
        soft.assertThat(painted).as("painted values compared").isEqualTo(2 + 11 * 6);
        System.out.println("small (pas, hh, ena, ek): painted values, largest relative difference: " + worst);
        soft.assertAll();
    }

    @Test
    void aMechanismDirectoryOrLibraryThatCannotBeLoadedIsNamedAndNothingIsWritten() throws IOException {
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(cell("ellwood2024")));
        Path empty = Files.createDirectory(dir.resolve("not_compiled"));
        Path dump = dir.resolve("neuron.json");
        Result noLibrary = run(List.of(python, script.toString(), "--mechanisms", empty.toString(), "--geometry-only",
                "--structure-out", dump.toString()), dir);
        assertThat(noLibrary.exit()).isNotZero();
        assertThat(noLibrary.output()).contains(empty + ": no compiled mechanisms there (run nrnivmodl in it)");
        Result noFile = run(List.of(python, script.toString(), "--mod-lib", dir.resolve("none.so").toString(),
                "--structure-out", dump.toString()), dir);
        assertThat(noFile.exit()).isNotZero();
        assertThat(noFile.output()).contains(dir.resolve("none.so") + ": cannot load this mechanism library");
        assertThat(Files.exists(dump)).isFalse();
    }

    @Test
    void aGlobalParameterIsSetOnceAndTwoValuesOfItAreRefused() throws IOException {
        // hh's minf is GLOBAL in NEURON (as the paper's cadspine has depth, taur, cainf): not a segment's variable
        String uniform = """
                [{"region": "all", "mechanism": "hh", "parameters": {"minf": 0.25}}]
                """;
        String differing = """
                [{"region": "all", "mechanism": "hh", "parameters": {"minf": 0.25}},
                 {"region": "dendrites", "mechanism": "hh", "parameters": {"minf": 0.5}}]
                """;
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(CellAssembler.assemble(DescriptionTestSupport.read(
                DescriptionTestSupport.twoSections(uniform)))));
        Result once = run(List.of(python, script.toString()), dir);
        assertThat(once.exit()).as(once.output()).isZero();
        Files.writeString(script, NeuronScript.of(CellAssembler.assemble(DescriptionTestSupport.read(
                DescriptionTestSupport.twoSections(differing)))));
        Result twice = run(List.of(python, script.toString()), dir);
        assertThat(twice.exit()).isNotZero();
        assertThat(twice.output()).contains("minf_hh is GLOBAL in its mod file (one value for all sections), but the"
                + " cell has 0.25 and 0.5");
    }

    private static AssembledCell cell(String model) {
        CellDescription d = BundledDescriptions.get(model);
        return CellAssembler.assemble(model.equals("ellwood2024") ? d
                : d.withMorphologyDirectory(MORPHOLOGY_FILES.resolve(model)));
    }

    private static void compare(String model, JsonNode neuron, JsonNode ours) {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> worst = new TreeMap<>();
        soft.assertThat(neuron.get("n_sections").asInt()).as("sections").isEqualTo(ours.get("n_sections").asInt());
        soft.assertThat(neuron.get("n_segments").asInt()).as("segments").isEqualTo(ours.get("n_segments").asInt());
        int sections = Math.min(neuron.get("sections").size(), ours.get("sections").size());
        int segmentsCompared = 0;
        for (int i = 0; i < sections; i++) {
            JsonNode n = neuron.get("sections").get(i), o = ours.get("sections").get(i);
            String name = o.get("name").asText();
            soft.assertThat(n.get("name").asText()).as("section %d", i).isEqualTo(name);
            soft.assertThat(n.get("nseg").asInt()).as(name + " nseg").isEqualTo(o.get("nseg").asInt());
            soft.assertThat(n.get("parent").asText()).as(name + " parent").isEqualTo(o.get("parent").asText());
            for (String key : SECTION_KEYS) {
                close(soft, worst, name, key, n, o);
            }
            if (!o.get("parent").isNull()) {
                close(soft, worst, name, "parent_x", n, o);
            }
            if (n.get("nseg").asInt() != o.get("nseg").asInt()) {
                continue;
            }
            for (int j = 0; j < o.get("nseg").asInt(); j++) {
                JsonNode ns = n.get("segments").get(j), os = o.get("segments").get(j);
                String where = name + "(" + os.get("x").asDouble() + ")";
                for (String key : SEGMENT_KEYS) {
                    close(soft, worst, where, key, ns, os);
                }
                JsonNode pas = os.get("mechanisms").get("pas");
                soft.assertThat(ns.get("mechanisms").has("pas")).as(where + " pas").isEqualTo(pas != null);
                if (pas != null && ns.get("mechanisms").has("pas")) {
                    pas.fieldNames().forEachRemaining(k -> close(soft, worst, where, k, ns.get("mechanisms").get("pas"),
                            pas));
                }
                segmentsCompared++;
            }
        }
        soft.assertThat(segmentsCompared).as("segments compared").isEqualTo(ours.get("n_segments").asInt());
        System.out.println(model + ": NEURON's dump of the exported script, largest relative difference per key: "
                + worst);
        soft.assertAll();
    }

    private static void close(SoftAssertions soft, Map<String, Double> worst, String where, String key,
                              JsonNode neuron, JsonNode ours) {
        double n = neuron.get(key).asDouble(), o = ours.get(key).asDouble();
        double relative = Math.abs(n - o) / Math.max(Math.abs(o), Double.MIN_NORMAL);
        worst.merge(key, relative, Math::max);
        soft.assertThat(relative).as(where + " " + key + ": NEURON " + n + ", ours " + o).isLessThanOrEqualTo(RELATIVE);
    }
}
