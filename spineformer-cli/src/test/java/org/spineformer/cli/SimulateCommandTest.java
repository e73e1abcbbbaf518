package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate}: a small cell from an SWC file, a protocol file and a folder of this test's own mod files; the
 * output files, their hashes and columns, spikes through a compiled point process, and the exit codes.
 */
class SimulateCommandTest {
    /** An exponentially decaying conductance opened by events: a point process with NET_RECEIVE. */
    private static final String DECAY_SYN = """
            NEURON { POINT_PROCESS decaysyn RANGE tau, e, i NONSPECIFIC_CURRENT i }
            PARAMETER { tau = 2 (ms) e = 0 (mV) }
            ASSIGNED { v (mV) i (nA) }
            STATE { g (uS) }
            INITIAL { g = 0 }
            BREAKPOINT { SOLVE state METHOD cnexp i = g*(v - e) }
            DERIVATIVE state { g' = -g/tau }
            NET_RECEIVE(weight (uS)) { g = g + weight }
            """;
    /** A mod file that cannot compile (C code), for a mechanism named {@code cfile}. */
    private static final String C_CODE = "NEURON { SUFFIX cfile }\nVERBATIM\n;\nENDVERBATIM\n";
    /** save_every 4 at dt 0.025 over 20 ms: 200 samples after t = 0. */
    private static final int ROWS = 201;

    /** Hay's cell1.asc: spineformer-morphology's test copy (see its PROVENANCE.md), read in place. */
    private static final Path HAY_MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc");

    @TempDir
    Path dir;
    private Path description;
    private Path morphology;
    private Path protocol;
    private Path mods;

    @BeforeEach
    void files() throws IOException {
        morphology = Files.writeString(dir.resolve("cell.swc"), """
                1 1 0 0 0 5 -1
                2 3 5 0 0 1 1
                3 3 105 0 0 1 2
                """);
        description = Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "swccell",
                 "morphology": {"file": "cell.swc"},
                 "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-3, "e": -65}}],
                 "celsius": 34, "v_init": -65}
                """);
        protocol = Files.writeString(dir.resolve("p.json"), """
                {"format": "spineformer-protocol/1", "tstop": 20, "save_every": 4,
                 "stimuli": [{"type": "IClamp", "at": {"section": "soma[0]", "x": 0.5}, "amp_nA": 0.2,
                              "delay_ms": 2, "dur_ms": 3},
                             {"type": "point_process", "name": "syn", "mechanism": "decaysyn",
                              "at": {"section": "dend[0]", "x": 0.5}, "parameters": {"tau": 1},
                              "spikes_ms": [8], "weight": 0.01, "delay_ms": 1}],
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}},
                            {"variable": "v", "at": {"section": "dend[0]", "x": 0.5}},
                            {"variable": "i", "stimulus": "syn", "column": "i_syn_nA"}]}
                """);
        mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("decaysyn.mod"), DECAY_SYN);
    }

    @Test
    void writesResultTracesNpzAndPlotWithTheHashOfEveryInput() throws IOException {
        Files.writeString(mods.resolve("cfile.mod"), C_CODE); // not used by the model: skipped
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("skipped " + mods.resolve("cfile.mod") + ": it does not compile (VERBATIM is "
                + "not supported: C code cannot run on the JVM), and the model does not use cfile");
        assertThat(r.out()).contains("0 somatic spikes");
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("soma_spike_times_ms")).isEmpty();
        assertThat(result.get("spike_site").asText()).isEqualTo("soma[0](0.5)");
        assertThat(result.get("v_init_mV").asDouble()).isEqualTo(-65);
        assertThat(result.get("celsius").asDouble()).isEqualTo(34);
        JsonNode inputs = result.get("provenance").get("inputs");
        assertThat(result.get("provenance").get("output").asText()).isEqualTo("simulate");
        assertThat(inputs.get("description").get("sha256").asText()).isEqualTo(sha256(description));
        assertThat(inputs.get("morphology").get("sha256").asText()).isEqualTo(sha256(morphology));
        assertThat(inputs.get("protocol").get("sha256").asText()).isEqualTo(sha256(protocol));
        assertThat(inputs.get("mod:" + mods.resolve("decaysyn.mod")).get("sha256").asText())
                .isEqualTo(sha256(mods.resolve("decaysyn.mod")));
        assertThat(inputs.has("mod:" + mods.resolve("cfile.mod"))).isFalse(); // not compiled, not an input

        List<String> header = new ArrayList<>();
        List<double[]> rows = readCsvGz(out.resolve("traces.csv.gz"), header);
        assertThat(header).containsExactly("t_ms", "v:soma[0](0.5)", "v:dend[0](0.5)", "i_syn_nA");
        assertThat(rows).hasSize(ROWS);
        assertThat(rows.get(ROWS - 1)[0]).isCloseTo(20, within(1e-9));
        // the event at 8 + 1 ms opens the synapse: no current before, an inward (negative) one after
        for (double[] row : rows) {
            if (row[0] < 9) {
                assertThat(row[3]).as("t %s", row[0]).isZero();
            } else {
                assertThat(row[3]).as("t %s", row[0]).isNegative();
            }
        }
        // the npz holds the same columns as float64 arrays with numpy's header
        try (ZipFile npz = new ZipFile(out.resolve("traces.npz").toFile())) {
            List<String> names = npz.stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly("t_ms.npy", "v:soma[0](0.5).npy", "v:dend[0](0.5).npy",
                    "i_syn_nA.npy");
            double[] v = readNpy(npz, "v:dend[0](0.5).npy");
            assertThat(v).hasSize(ROWS);
            for (int i = 0; i < ROWS; i++) {
                assertThat(v[i]).isEqualTo(rows.get(i)[2]);
            }
        }
        assertThat(Files.size(out.resolve("voltages.png"))).isPositive();
    }

    @Test
    void theSpikeThresholdOnTheCommandLine() throws IOException {
        // the 3 ms pulse lifts the passive soma to its highest v at the pulse's end, t = 5 ms, and the synaptic
        // event at 9 ms to another maximum soon after: both local maxima below 0 mV (no spike by default), above -60
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet", "--spike-threshold", "-60");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("spike_threshold_mV").asDouble()).isEqualTo(-60);
        assertThat(result.get("soma_spike_times_ms")).hasSize(2);
        assertThat(result.get("soma_spike_times_ms").get(0).asDouble()).isCloseTo(5, within(1e-9));
        assertThat(result.get("soma_spike_times_ms").get(1).asDouble()).isBetween(9.0, 11.0);
    }

    @Test
    void aModFileTheModelNeedsThatDoesNotCompileIsExitTwoAndNothingWritten() throws IOException {
        Files.writeString(mods.resolve("decaysyn.mod"), DECAY_SYN.replace("NEURON {", "VERBATIM\n;\nENDVERBATIM\n"
                + "NEURON {"));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(mods.resolve("decaysyn.mod") + ":1:1: VERBATIM is not supported")
                .contains("1 of 1 mod files in " + mods + " do not compile");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void badInputIsExitTwoNamingFileKeyAndValueBeforeAnything() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", dir.resolve("none.json").toString(),
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: --protocol " + dir.resolve("none.json") + ": no such file\n");
        r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--spike-threshold", "NaN",
                "--out", out.toString());
        assertThat(r.err()).isEqualTo("spineformer: --spike-threshold must be a finite voltage (mV), was NaN\n");
        r = run("simulate", "hay2011_l5pc", "--protocol", "bac", "--out", out.toString());
        assertThat(r.err()).isEqualTo("spineformer: --protocol bac: no such file, and not a bundled protocol of "
                + "hay2011_l5pc [bac_firing, bac_firing_celsius34, step_0p3, step_0p45, step_1p507]\n");
        Files.writeString(protocol, Files.readString(protocol).replace("\"amp_nA\": 0.2", "\"amp_nA\": \"0.2\""));
        r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod", mods.toString(),
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: " + protocol + ": /stimuli/0/amp_nA: must be a number, was "
                + "\"0.2\"\n");
        Files.writeString(protocol, Files.readString(protocol).replace("\"amp_nA\": \"0.2\"", "\"amp_nA\": 0.2"));
        r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: " + protocol + ": /stimuli/1/mechanism: unknown mechanism "
                + "'decaysyn' (not in the catalogue; a mod file's POINT_PROCESS is added with --mod DIR)\n");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aDescriptionsBundledModSetIsCompiledWithoutMod() throws IOException {
        // Ih is not built in: only the description's "bundled:hay2011" set provides it
        Files.writeString(description, Files.readString(description).replace("\"paint\"",
                "\"mod\": [\"bundled:hay2011\"], \"paint\"").replace("\"mechanism\": \"pas\"",
                "\"mechanism\": \"Ih\", \"parameters\": {\"gIhbar\": 1e-4}}, {\"region\": \"all\", "
                + "\"mechanism\": \"pas\""));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.exists(out.resolve("result.json"))).isTrue();
    }

    @Test
    void aMechanismNoFolderProvidesIsNamedWithTheWayToGiveIt() throws IOException {
        Files.writeString(description, Files.readString(description).replace("\"pas\"", "\"leak2\""));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: " + description + ": /paint/0: unknown mechanism 'leak2'")
                .endsWith("; give their mod files with --mod DIR\n");
        assertThat(Files.exists(out)).isFalse();
        // a bundled model's bundled protocol: Hay's epsp is not built in
        r = run("simulate", "hay2011_l5pc", "--protocol", "bac_firing", "--morphology-dir", HAY_MORPHOLOGY.toString(),
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spineformer: bundled:protocols/hay2011_l5pc/bac_firing.json: "
                + "/stimuli/1/mechanism: unknown mechanism 'epsp' (not in the catalogue; a mod file's POINT_PROCESS "
                + "is added with --mod DIR)\n");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anAllenFitAndItsMorphologyRunFromTheFileNamingThem() throws IOException {
        // a perisomatic fit of this test's own (the leak only): the recipe adds the two axon stubs
        Path fit = Files.writeString(dir.resolve("123_fit.json"), """
                {"passive": [{"ra": 100, "e_pas": -70, "cm": [{"section": "soma", "cm": 1}, {"section": "axon",
                   "cm": 1}, {"section": "dend", "cm": 2}]}],
                 "conditions": [{"celsius": 34, "v_init": -70, "erev": []}],
                 "genome": [{"section": "soma", "name": "g_pas", "value": 1e-4, "mechanism": ""},
                            {"section": "dend", "name": "g_pas", "value": 2e-4, "mechanism": ""},
                            {"section": "axon", "name": "g_pas", "value": 1e-3, "mechanism": ""}]}
                """);
        Path pair = Files.writeString(dir.resolve("allen.json"), """
                {"format": "spineformer-allen-fit/1", "fit": "123_fit.json", "morphology": "cell.swc"}""");
        Files.writeString(protocol, """
                {"format": "spineformer-protocol/1", "tstop": 5,
                 "record": [{"variable": "v", "at": {"section": "axon[1]", "x": 0.5}}]}""");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", pair.toString(), "--protocol", protocol.toString(), "--out", out.toString(),
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.get("v_init_mV").asDouble()).isEqualTo(-70);
        JsonNode inputs = result.get("provenance").get("inputs");
        assertThat(inputs.get("description").get("sha256").asText()).isEqualTo(sha256(pair));
        assertThat(inputs.get("allen_fit").get("sha256").asText()).isEqualTo(sha256(fit));
        assertThat(inputs.get("morphology").get("sha256").asText()).isEqualTo(sha256(morphology));

        // a mechanism no folder provides is named with the fit's entry
        Files.writeString(fit, Files.readString(fit).replace(
                "\"name\": \"g_pas\", \"value\": 1e-4, \"mechanism\": \"\"",
                "\"name\": \"gbar_NaX\", \"value\": 1e-4, \"mechanism\": \"NaX\""));
        r = run("simulate", pair.toString(), "--protocol", protocol.toString(), "--out", dir.resolve("out2")
                .toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: " + fit + ": /genome/0: unknown mechanism 'NaX'")
                .endsWith("; give their mod files with --mod DIR\n");
    }

    @Test
    void ionValuesAndMechanismFieldsAreRecordedWhereTheyAre() throws IOException {
        // a calcium leak of this test's own: ica = g (v - 120), computed each step with the step's old v
        Files.writeString(mods.resolve("caleak.mod"), """
                NEURON { SUFFIX caleak USEION ca WRITE ica RANGE g }
                PARAMETER { g = 1e-5 (S/cm2) }
                ASSIGNED { v (mV) ica (mA/cm2) }
                BREAKPOINT { ica = g*(v - 120) }
                """);
        Files.writeString(description, Files.readString(description).replace("\"paint\": [", "\"paint\": [{\"region\": "
                + "\"soma\", \"mechanism\": \"caleak\", \"parameters\": {\"g\": 2e-5}}, "));
        Files.writeString(protocol, Files.readString(protocol).replace("\"save_every\": 4", "\"save_every\": 1")
                .replace("\"record\": [", "\"record\": [{\"variable\": \"ica\", \"at\": {\"section\": \"soma[0]\", "
                        + "\"x\": 0.5}}, {\"variable\": \"g_caleak\", \"at\": {\"section\": \"soma[0]\", \"x\": 0.5}}, "
                        + "{\"variable\": \"cai\", \"at\": {\"section\": \"soma[0]\", \"x\": 0.5}}, "));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> header = new ArrayList<>();
        List<double[]> rows = readCsvGz(out.resolve("traces.csv.gz"), header);
        assertThat(header).startsWith("t_ms", "ica:soma[0](0.5)", "g_caleak:soma[0](0.5)", "cai:soma[0](0.5)",
                "v:soma[0](0.5)");
        for (int k = 1; k < rows.size(); k++) {
            double expected = 2e-5 * (rows.get(k - 1)[4] - 120);
            assertThat(rows.get(k)[1]).as("ica at %s ms", rows.get(k)[0]).isEqualTo(expected);
            assertThat(rows.get(k)[2]).isEqualTo(2e-5);
            assertThat(rows.get(k)[3]).isEqualTo(rows.get(0)[3]); // nothing writes cai
        }
    }

    @Test
    void aFolderHoldsOneRunsOutputsBundledInputsIncluded() throws IOException {
        Path cell = Files.writeString(dir.resolve("soma.json"), """
                {"format": "spineformer-cell-description/1", "name": "soma",
                 "morphology": {"sections": [{"name": "soma", "L": 10, "diam": 10}]},
                 "paint": [{"region": "all", "mechanism": "pas", "parameters": {}}], "celsius": 34, "v_init": -65}
                """);
        Path p = Files.writeString(dir.resolve("short.json"), """
                {"format": "spineformer-protocol/1", "tstop": 0.1,
                 "record": [{"variable": "v", "at": {"section": "soma", "x": 0.5}}]}
                """);
        Path out = dir.resolve("out");
        assertThat(run("simulate", cell.toString(), "--protocol", p.toString(), "--out", out.toString(), "--quiet")
                .exit()).isZero();
        // the same protocol on the bundled paper's cell, which also has a section soma: refused before running
        CliRun r = run("simulate", "ellwood2024", "--protocol", p.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("spineformer: --out " + out + " holds the outputs of 'simulate' on another "
                + "description (" + cell.toAbsolutePath() + " with SHA-256 " + sha256(cell) + ", not "
                + "bundled:ellwood2024.json); choose another --out");
    }

    @Test
    void aBlowUpStopsTheRunExitOneWritingNothing() throws IOException {
        // a current no membrane survives: v leaves the doubles within the first steps of the pulse
        Files.writeString(protocol, Files.readString(protocol).replace("\"amp_nA\": 0.2", "\"amp_nA\": 1e308"));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("spineformer: the simulation blew up: ");
        assertThat(Files.exists(out.resolve("result.json"))).isFalse();
        assertThat(Files.exists(out.resolve("traces.csv.gz"))).isFalse();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<double[]> readCsvGz(Path file, List<String> header) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            header.addAll(List.of(in.readLine().split(",")));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A 1-D little-endian float64 .npy entry, checking the header numpy writes (format 1.0). */
    private static double[] readNpy(ZipFile zip, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            bytes = in.readAllBytes();
        }
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[0] & 0xff).isEqualTo(0x93);
        assertThat(bytes[6]).isEqualTo((byte) 1);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero(); // numpy aligns the data to 64 bytes
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (" + ROWS + ",), }");
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            out[i] = data.getDouble();
        }
        return out;
    }
}
