package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.model.protocol.BundledProtocols;

/**
 * {@code bench --model MODEL --protocol P}: a small cell of this test's own (an SWC file, pas and this test's own
 * mod file spiking it) through a protocol file; bench.json's numbers and how they relate, NEURON's time given, run by
 * a command, or absent (no ratio), provenance, and bad input refused before any work.
 */
class BenchModelTest {
    /** The protocol's tstop: 50 ms. */
    private static final double SIMULATED_SECONDS = 0.05;
    /** bench.json's numbers are derived from each other in double precision. */
    private static final double DERIVED = 1e-9;
    /**
     * A spike generator with fixed kinetics: above vth an inward conductance opens (0.2 ms) and inactivates (1 ms)
     * while an outward one opens (2 ms); on a 1 nA step the small cell fires every ~10 ms (measured with simulate).
     */
    private static final String FIRE = """
            NEURON { SUFFIX fire RANGE gin, gout, vth NONSPECIFIC_CURRENT i }
            PARAMETER { gin = 0.5 (S/cm2) gout = 0.5 (S/cm2) vth = -40 (mV) ein = 50 (mV) eout = -90 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) }
            STATE { m h n }
            INITIAL { m = 0 h = 1 n = 0 }
            BREAKPOINT { SOLVE states METHOD cnexp i = gin*m*h*(v - ein) + gout*n*(v - eout) }
            DERIVATIVE states {
                LOCAL above, below
                above = v > vth  below = v < vth
                m' = (above - m)/0.2  h' = (below - h)/1  n' = (above - n)/2
            }
            """;

    /**
     * A gate whose rate TABLE DEPENDs on an ASSIGNED variable the file sets every step: it could differ between
     * trials in lanes mid-run, so its block refuses lanes when it is made.
     */
    private static final String TABLE_ON_ASSIGNED = """
            NEURON { SUFFIX tabshift NONSPECIFIC_CURRENT i RANGE shift }
            PARAMETER { g = 1e-4 (S/cm2) }
            ASSIGNED { v (mV) i (mA/cm2) shift (mV) }
            BREAKPOINT {
                shift = 0.5*t
                i = g*gate(v)*(v + 80)
            }
            FUNCTION gate(v (mV)) {
                TABLE DEPEND shift FROM -100 TO 50 WITH 150
                gate = 1/(1 + exp(-(v + 50 - shift)/4))
            }
            """;

    @TempDir
    Path dir;
    private Path description;
    private Path protocol;
    private Path mods;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("cell.swc"), """
                1 1 0 0 0 5 -1
                2 3 5 0 0 1 1
                3 3 105 0 0 1 2
                """);
        description = Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "benchcell",
                 "morphology": {"file": "cell.swc"},
                 "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-3, "e": -65}}],
                 "celsius": 34, "v_init": -65}
                """);
        protocol = Files.writeString(dir.resolve("p.json"), """
                {"format": "spineformer-protocol/1", "tstop": 50,
                 "stimuli": [{"type": "IClamp", "at": {"section": "soma[0]", "x": 0.5}, "amp_nA": 1,
                              "delay_ms": 5, "dur_ms": 40}],
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}}]}
                """);
        mods = Files.createDirectories(dir.resolve("mods"));
    }

    @Test
    void writesTheMedianTheRatioToNeuronAndTheProvenanceOfEveryInput() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("bench", "--model", description.toString(), "--protocol", protocol.toString(), "--repeat",
                "3", "--warmup", "0", "--neuron-seconds", "2", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("model").asText()).isEqualTo("benchcell");
        assertThat(json.get("simulated_seconds").asDouble()).isEqualTo(SIMULATED_SECONDS);
        JsonNode wall = json.get("wall_seconds");
        assertThat(wall).hasSize(3);
        double median = BenchCommand.median(new double[] {wall.get(0).asDouble(), wall.get(1).asDouble(),
                wall.get(2).asDouble()});
        double perSimSecond = json.get("seconds_per_simulated_second_median").asDouble();
        assertThat(perSimSecond).isCloseTo(median / SIMULATED_SECONDS, within(DERIVED));
        JsonNode cpu = json.get("cpu_seconds");
        assertThat(cpu).hasSize(3);
        assertThat(json.get("cpu_seconds_per_simulated_second_median").asDouble()).isCloseTo(BenchCommand.median(
                new double[] {cpu.get(0).asDouble(), cpu.get(1).asDouble(), cpu.get(2).asDouble()})
                / SIMULATED_SECONDS, within(DERIVED));
        assertThat(json.get("neuron_seconds").asDouble()).isEqualTo(2);
        assertThat(json.get("neuron_seconds_source").asText()).contains("--neuron-seconds");
        assertThat(json.get("speedup_vs_neuron").asDouble())
                .isCloseTo(2 / SIMULATED_SECONDS / perSimSecond, within(DERIVED));
        assertThat(json.get("cores").asInt()).isPositive();
        JsonNode provenance = json.get("provenance");
        assertThat(provenance.get("output").asText()).isEqualTo("bench --model " + description + " --protocol "
                + protocol);
        assertThat(provenance.get("inputs").get("description").get("sha256").asText()).isEqualTo(sha256(description));
        assertThat(provenance.get("inputs").get("protocol").get("sha256").asText()).isEqualTo(sha256(protocol));
        assertThat(r.out()).contains("machine: ").contains("x NEURON's speed");
    }

    @Test
    void aCompiledMechanismSpikesAndNeuronIsTimedBeforeEveryRun() throws IOException {
        Path withFire = withSomaMechanism("fire", FIRE);
        Path log = dir.resolve("neuron-runs");
        String command = "echo run >> '" + log + "'; echo 4";
        Path out = dir.resolve("out");
        CliRun r = run("bench", "--model", withFire.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--repeat", "2", "--warmup", "1", "--neuron-command", command, "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(log)).as("one NEURON run per timed run, none for the warm-up").hasSize(2);
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("soma_spikes").asInt()).as("the step makes the compiled channel fire").isPositive();
        assertThat(json.get("neuron_wall_seconds")).hasSize(2);
        assertThat(json.get("speedup_vs_neuron").asDouble()).isCloseTo(
                4 / SIMULATED_SECONDS / json.get("seconds_per_simulated_second_median").asDouble(), within(DERIVED));
        assertThat(json.get("provenance").get("inputs").has("mod:" + mods.resolve("fire.mod"))).isTrue();
        assertThat(r.out()).contains("NEURON 4.00 s, then");
    }

    @Test
    void withLanesEachRunIsCopiesOfTheProtocolTimedPerTrial() throws IOException {
        Path withFire = withSomaMechanism("fire", FIRE);
        Path alone = dir.resolve("alone");
        CliRun one = run("bench", "--model", withFire.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--repeat", "1", "--warmup", "0", "--out", alone.toString());
        assertThat(one.exit()).as(one.err()).isZero();
        Path out = dir.resolve("lanes");
        CliRun r = run("bench", "--model", withFire.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--lanes", "3", "--repeat", "2", "--warmup", "0", "--neuron-seconds", "2", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("each run 3 copies of the protocol in lanes (the medians per trial)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        JsonNode oneJson = new ObjectMapper().readTree(alone.resolve("bench.json").toFile());
        assertThat(oneJson.get("lanes").asInt()).isEqualTo(1);
        assertThat(json.get("lanes").asInt()).isEqualTo(3);
        assertThat(json.get("soma_spikes").asInt()).as("the compiled channel fires in lanes as alone").isPositive()
                .isEqualTo(oneJson.get("soma_spikes").asInt());
        JsonNode wall = json.get("wall_seconds");
        assertThat(wall).hasSize(2);
        double perSimSecond = json.get("seconds_per_simulated_second_median").asDouble();
        assertThat(perSimSecond).isCloseTo(BenchCommand.median(new double[] {wall.get(0).asDouble(),
                wall.get(1).asDouble()}) / SIMULATED_SECONDS, within(DERIVED));
        assertThat(json.get("speedup_vs_neuron").asDouble())
                .isCloseTo(2 / SIMULATED_SECONDS / perSimSecond, within(DERIVED));
    }

    @Test
    void lanesAreRefusedBeforeAnyRunForAMechanismThatCannotRunThem() throws IOException {
        Path withTable = withSomaMechanism("tabshift", TABLE_ON_ASSIGNED);
        Path out = dir.resolve("out");
        CliRun refused = run("bench", "--model", withTable.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--lanes", "2", "--out", out.toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("--lanes 2: ").contains("tabshift.mod")
                .contains("the TABLE of gate DEPENDs on shift").contains("trials in lanes not supported")
                .contains("without --lanes");
        assertThat(refused.out()).as("refused before any timed run").doesNotContain("run 1:");
        assertThat(out.resolve("bench.json")).doesNotExist();
        CliRun oneLane = run("bench", "--model", withTable.toString(), "--protocol", protocol.toString(), "--mod",
                mods.toString(), "--repeat", "1", "--warmup", "0", "--out", out.toString());
        assertThat(oneLane.exit()).as(oneLane.err()).isZero();
    }

    @Test
    void neuronsCpuSecondsGiveTheRatioPerCore() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("bench", "--model", description.toString(), "--protocol", protocol.toString(), "--repeat",
                "3", "--warmup", "0", "--neuron-command", "echo NEURON says; echo '4 3'", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("neuron_seconds").asDouble()).as("the first number: wall seconds").isEqualTo(4);
        assertThat(json.get("neuron_cpu_seconds")).hasSize(3);
        assertThat(json.get("neuron_cpu_seconds").get(2).asDouble()).isEqualTo(3);
        assertThat(json.get("neuron_cpu_seconds_per_simulated_second").asDouble()).isCloseTo(3 / SIMULATED_SECONDS,
                within(DERIVED));
        assertThat(json.get("cpu_speedup_vs_neuron").asDouble()).isCloseTo(
                3 / SIMULATED_SECONDS / json.get("cpu_seconds_per_simulated_second_median").asDouble(),
                within(DERIVED));
        assertThat(r.out()).contains("NEURON 4.00 s (3.00 s CPU), then").contains("x NEURON's speed per core");

        CliRun wallOnly = run("bench", "--model", description.toString(), "--protocol", protocol.toString(),
                "--repeat", "1", "--warmup", "0", "--neuron-command", "echo 4", "--out", dir.resolve("w").toString());
        assertThat(wallOnly.exit()).as(wallOnly.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("w/bench.json").toFile()).has("cpu_speedup_vs_neuron"))
                .as("no CPU seconds printed, no CPU ratio").isFalse();

        for (String last : List.of("4 x", "4 3 2", "4 -3")) {
            CliRun bad = run("bench", "--model", description.toString(), "--protocol", protocol.toString(),
                    "--repeat", "1", "--warmup", "0", "--neuron-command", "echo '" + last + "'", "--out",
                    dir.resolve("bad " + last).toString());
            assertThat(bad.exit()).as(last).isNotZero();
            assertThat(bad.err()).as(last).contains("last line").contains("'" + last + "'");
        }
    }

    @Test
    void withoutANeuronTimeThereIsNoRatio() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = run("bench", "--model", description.toString(), "--protocol", protocol.toString(), "--repeat",
                "1", "--warmup", "0", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.has("speedup_vs_neuron")).isFalse();
        assertThat(json.has("neuron_seconds")).isFalse();
        assertThat(r.out()).contains("no NEURON time").contains("no ratio");
    }

    @Test
    void badInputIsRefusedBeforeAnyWorkAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        String d = description.toString();
        String p = protocol.toString();
        CliRun noProtocol = run("bench", "--model", d, "--out", out.toString());
        assertThat(noProtocol.exit()).isNotZero();
        assertThat(noProtocol.err()).contains("--model and --protocol go together");
        CliRun noModel = run("bench", "--protocol", p, "--out", out.toString());
        assertThat(noModel.err()).contains("--model and --protocol go together");
        CliRun trials = run("bench", "--model", d, "--protocol", p, "--trials", "2", "--out", out.toString());
        assertThat(trials.err()).contains("--trials").contains("not with --model");
        CliRun missing = run("bench", "--model", d, "--protocol", dir.resolve("nope.json").toString(), "--out",
                out.toString());
        assertThat(missing.err()).contains("--protocol " + dir.resolve("nope.json") + ": no such file");
        Path bad = Files.writeString(dir.resolve("bad.json"), Files.readString(protocol).replace("\"tstop\": 50",
                "\"tstop\": -1"));
        CliRun badProtocol = run("bench", "--model", d, "--protocol", bad.toString(), "--out", out.toString());
        assertThat(badProtocol.exit()).isNotZero();
        assertThat(badProtocol.err()).contains(bad.toString()).contains("tstop").contains("-1");
        Path badSite = Files.writeString(dir.resolve("site.json"), Files.readString(protocol).replace("soma[0]",
                "soma[7]"));
        CliRun unknownSection = run("bench", "--model", d, "--protocol", badSite.toString(), "--out", out.toString());
        assertThat(unknownSection.exit()).isNotZero();
        assertThat(unknownSection.err()).contains("soma[7]");
        Path withFire = withSomaMechanism("fire", "NEURON { SUFFIX fire }\nVERBATIM\n;\nENDVERBATIM\n");
        CliRun notCompiled = run("bench", "--model", withFire.toString(), "--protocol", p, "--mod", mods.toString(),
                "--out", out.toString());
        assertThat(notCompiled.exit()).isEqualTo(2);
        assertThat(notCompiled.err()).contains(mods.resolve("fire.mod").toString()).contains("VERBATIM");
        for (CliRun r : List.of(noProtocol, noModel, trials, missing, badProtocol, unknownSection, notCompiled)) {
            assertThat(r.exit()).isNotZero();
        }
        assertThat(out.resolve("bench.json")).doesNotExist();
    }

    @Test
    void aFolderHoldingABenchOfAnotherProtocolIsRefused() throws IOException {
        Path out = dir.resolve("out");
        assertThat(run("bench", "--model", description.toString(), "--protocol", protocol.toString(), "--repeat",
                "1", "--warmup", "0", "--out", out.toString()).exit()).isZero();
        Path other = Files.writeString(dir.resolve("other.json"), Files.readString(protocol));
        CliRun r = run("bench", "--model", description.toString(), "--protocol", other.toString(), "--repeat", "1",
                "--warmup", "0", "--out", out.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--out " + out).contains("choose another --out");
    }

    @Test
    void everyBundledProtocolHasNeuronsRecordedTimeAndItIsTheReferenceFilesNumber() throws IOException {
        Path reference = Path.of("..", "..", "shared", "reference", "models");
        for (Map.Entry<String, List<String>> model : BundledProtocols.NAMES.entrySet()) {
            for (String name : model.getValue()) {
                assertThat(ReferenceNeuronTimes.seconds(model.getKey(), name)).as(model.getKey() + " " + name)
                        .isPresent();
                Path result = reference.resolve(model.getKey()).resolve("protocols").resolve(name)
                        .resolve("result.json");
                if (Files.isRegularFile(result)) { // a fresh clone has no ../shared: the copy is checked where it is
                    assertThat(ReferenceNeuronTimes.seconds(model.getKey(), name).getAsDouble())
                            .isEqualTo(new ObjectMapper().readTree(result.toFile()).get("wall_seconds_neuron_8_2_2")
                                    .asDouble());
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test description with {@code mechanism} painted on the soma, its mod file written into the --mod folder. */
    private Path withSomaMechanism(String mechanism, String modText) throws IOException {
        Files.writeString(mods.resolve(mechanism + ".mod"), modText);
        return Files.writeString(dir.resolve(mechanism + ".json"), Files.readString(description).replace(
                "\"paint\": [", "\"paint\": [{\"region\": \"soma\", \"mechanism\": \"" + mechanism + "\"}, "));
    }
}
