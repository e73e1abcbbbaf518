package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NEURON script of {@code model export --neuron}, without NEURON (NeuronScriptValidationTest runs it). */
class NeuronScriptTest {
    /** The published morphology files: spineformer-morphology's test copies (its PROVENANCE.md). */
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");
    private static final Pattern SECTION = Pattern.compile("\n    sec = section\\(secs, \"([^\"]+)\", ");

    @TempDir
    Path dir;

    private static String small() {
        return NeuronScript.of(CellAssembler.assemble(DescriptionTestSupport.read(DescriptionTestSupport.twoSections("""
                [{"region": "all", "mechanism": "pas", "parameters": {"g": "gbase", "e": -70}},
                 {"region": "dendrites", "mechanism": "hh", "parameters": {"gnabar": "0.1 + 0.001 * distance"}}]
                """))));
    }

    @Test
    void aSmallCellHasItsTwoSectionsConnectedWithTheirValues() {
        String script = small();
        Matcher m = SECTION.matcher(script);
        assertThat(m.results().map(r -> r.group(1))).containsExactly("soma", "dend[0]");
        assertThat(script).contains("sec = section(secs, \"dend[0]\", 0, 1.0)")
                // dend: L 200, nseg 1 + 2*int(200/20) = 11 (DescriptionTestSupport), diameter 2
                .contains("sec.L = 200.0\n    discretize(sec, 11, ")
                .contains("per_segment(sec, \"diam\", 2.0)")
                .contains("per_segment(sec, \"g_pas\", 1.0E-4)")
                .contains("if not geometry_only:\n        sec.insert(\"hh\")")
                // gnabar at dend's first segment centre: soma(0.5) to soma(1) is 5 um, then 200/22 = 9.0909... um, so
                // 0.1 + 0.001 * 14.0909... = 0.114090909...; the first 15 digits (doubles round the last ones)
                .contains("per_segment(sec, \"gnabar_hh\", [0.114090909090909")
                .contains("DENSITY_MECHANISMS = [\"pas\", \"hh\"]")
                .contains("CELSIUS = 34.0").contains("V_INIT = -70.0");
    }

    @Test
    void aFixedReversalIsKeptByIonStyleWhereItIsPainted() {
        String script = NeuronScript.of(CellAssembler.assemble(DescriptionTestSupport.read(DescriptionTestSupport
                .twoSections("""
                [{"region": "all", "mechanism": "hh"},
                 {"region": "dendrites", "ions": {"ena": 55}, "fixed_reversal": true}]
                """))));
        // after the dendrite's painted ena, and only there
        assertThat(script).contains("        per_segment(sec, \"ena\", 55.0)\n        fix_reversal(sec, \"na_ion\")\n");
        assertThat(Pattern.compile("\n        fix_reversal\\(").matcher(script).results().count()).isEqualTo(1);
    }

    @Test
    void thePapersCellHasAllItsSectionsAndSpineSynapses() {
        String script = NeuronScript.of(CellAssembler.assemble(BundledDescriptions.get("ellwood2024")));
        // 13 dendritic and somatic sections + 1500 spines of neck and head (CellStructureTest, ModelCommandTest)
        assertThat(SECTION.matcher(script).results().count()).isEqualTo(3013);
        // AMPA and NMDA on every spine head
        assertThat(Pattern.compile("\n    synapse\\(").matcher(script).results().count()).isEqualTo(3000);
        // a threshold never reached is written as Python's infinity, not as Java's "Infinity"
        assertThat(script).contains("float(\"inf\")").doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void theExperimentSettingsTellTheReplayWhereToPulseAndDetect() {
        CellDescription paper = BundledDescriptions.get("ellwood2024");
        AssembledCell cell = CellAssembler.assemble(paper);
        // the paper's query at soma(0.5) with pulses of 4 nA for 1 ms (the stimulus's iclamp overrides them, as
        // replay --model reads the same file), spikes detected there; soma is the first section
        assertThat(NeuronScript.of(cell, paper.experiment()))
                .contains("\nREPLAY = {\"query\": (0, 0.5), \"amp_nA\": 4.0, \"dur_ms\": 1.0, \"spike_site\": (0, 0.5)}\n")
                .contains("clamp.delay, clamp.dur, clamp.amp = t, stim[\"dur\"], stim[\"amp\"]")
                .contains("\nSPINES = 1500\n").contains("parser.add_argument(\"--stimulus\"");
        // without them the script builds the cell, and --stimulus stops with an error naming the missing part
        assertThat(NeuronScript.of(cell)).contains("\nREPLAY = None\n")
                .contains("the description has no \\\"experiment\\\" part");
    }

    @Test
    void threeDPointsAreWrittenAsTheFloatsNeuronStores() {
        String script = NeuronScript.of(CellAssembler.assemble(BundledDescriptions.get("hay2011_l5pc")
                .withMorphologyDirectory(MORPHOLOGY_FILES.resolve("hay2011_l5pc"))));
        // 196 sections; all but the two axon stubs (L 30, diam 1, no 3-D points; its reference README) carry points
        assertThat(SECTION.matcher(script).results().count()).isEqualTo(196);
        assertThat(Pattern.compile("\n    points3d\\(sec, ").matcher(script).results().count()).isEqualTo(194);
        assertThat(Pattern.compile("\n    sec.L = 30.0\n").matcher(script).results().count()).isEqualTo(2);
        // cell1.asc's apical tree starts (43.94, 27.29, -50.25) diameter 10.80, then (43.42, 31.55, -50.13) 8.23
        // (line 2957 of the file), written as the nearest floats (numpy.float32 of each decimal, printed as double)
        assertThat(script).contains("""
                    sec = section(secs, "apic[0]", 0, 0.5)
                    points3d(sec, [
                        (43.939998626708984, 27.290000915527344, -50.25, 10.800000190734863),
                """).contains("(43.41999816894531, 31.549999237060547, -50.130001068115234, 8.229999542236328),");
    }

    @Test
    void aStimulusWithoutCelsiusReplaysAtTheDescriptionsTemperature() throws IOException, InterruptedException {
        // the paper's cell described at 20 degC: replay --model runs a stimulus without celsius at 20, one with it at
        // its own; the script's read_stimulus (run by python3 with a stand-in for the neuron module) does the same
        Path script = paperScriptWith("\"celsius\": 37,", "\"celsius\": 20,");
        assertThat(readBy(script, stimulus("without.json", ""), "celsius")).isEqualTo("20.0");
        assertThat(readBy(script, stimulus("with.json", "\"celsius\": 37, "), "celsius")).isEqualTo("37.0");
    }

    @Test
    void aStimulusWithoutIclampReplaysWithTheDescriptionsQueryPulses() throws IOException, InterruptedException {
        // the paper's cell described with pulses of 2 nA for 1.5 ms: replay --model gives a stimulus without iclamp
        // those; the script's read_stimulus does the same, and one with iclamp keeps its own
        Path script = paperScriptWith("\"amplitude_nA\": 4, \"duration_ms\": 1}",
                "\"amplitude_nA\": 2, \"duration_ms\": 1.5}");
        Path without = stimulus("without.json", ""), with = stimulus("with.json", "\"iclamp\": {\"amp_nA\": 4}, ");
        assertThat(readBy(script, without, "amp")).isEqualTo("2.0");
        assertThat(readBy(script, without, "dur")).isEqualTo("1.5");
        assertThat(readBy(script, with, "amp")).isEqualTo("4.0");
        assertThat(readBy(script, with, "dur")).isEqualTo("1.5");
    }

    /** The exported script of the paper's cell described with {@code from} replaced by {@code to}. */
    private Path paperScriptWith(String from, String to) throws IOException {
        String text = new String(BundledDescriptions.bytes("ellwood2024"), StandardCharsets.UTF_8).replace(from, to);
        assertThat(text).contains(to);
        CellDescription d = DescriptionReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "changed.json");
        Path script = dir.resolve("build_cell.py");
        Files.writeString(script, NeuronScript.of(CellAssembler.assemble(d), d.experiment()));
        return script;
    }

    /** A 5 ms stimulus file for the paper's 1500 spines with one pulse at 1 ms, and the JSON members {@code extra}. */
    private Path stimulus(String name, String extra) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"v_init\": -75, \"tstop\": 5, " + extra + "\"pre\": ["
                + String.join(",", Collections.nCopies(1500, "[]")) + "], \"post\": [1]}");
        return file;
    }

    /** The value of {@code key} the script's read_stimulus gives a stimulus file, as python3 prints it. */
    private static String readBy(Path script, Path stimulus, String key) throws IOException, InterruptedException {
        String code = String.join("\n",
                "import importlib.util, sys, types",
                "neuron = types.ModuleType('neuron'); neuron.h = None; sys.modules['neuron'] = neuron",
                "spec = importlib.util.spec_from_file_location('build_cell', sys.argv[1])",
                "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)",
                "print(float(m.read_stimulus(sys.argv[2])[sys.argv[3]]))");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", code, script.toString(), stimulus.toString(), key)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on the PATH: the script's stimulus reading is not checked");
            return null;
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theScriptCompilesAsPython() throws IOException, InterruptedException {
        Path file = dir.resolve("build_cell.py");
        Files.writeString(file, NeuronScript.of(CellAssembler.assemble(BundledDescriptions.get("ellwood2024"))));
        Process p;
        try {
            p = new ProcessBuilder("python3", "-m", "py_compile", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on the PATH: the py_compile check is skipped");
            return;
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
    }
}
