package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spineformer bench}: the keys of bench.json and how they relate, NEURON's time given or measured by a
 * command interleaved with the timed runs (a stand-in that prints a number here), the compiled mechanisms' times
 * beside the hand-written ones', and clear errors on bad options.
 */
class BenchCommandTest {
    /** The bundled control_1s trial: 3 s at dt = 0.025 ms. */
    private static final double SIMULATED_SECONDS = 3;
    private static final long STEPS = 120_000;
    /** bench.json's numbers are derived from each other in double precision. */
    private static final double DERIVED = 1e-9;

    @TempDir
    Path tmp;

    @Test
    void writesTheMediansThroughputAndTheComparisonWithNeuron() throws IOException {
        CliRun r = run("bench", "--repeat", "1", "--warmup", "0", "--trials", "2", "--threads", "2",
                "--neuron-seconds", "60", "--out", tmp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
        double wall = json.get("wall_seconds").get(0).asDouble();
        double perSimSecond = json.get("seconds_per_simulated_second_median").asDouble();
        assertThat(perSimSecond).isCloseTo(wall / SIMULATED_SECONDS, within(DERIVED));
        assertThat(json.get("compartment_steps_per_second_median").asDouble())
                .isCloseTo(BenchCommand.COMPARTMENTS * (double) STEPS / wall, within(DERIVED * 1e8));
        assertThat(json.get("neuron_seconds").asDouble()).isEqualTo(60);
        assertThat(json.get("neuron_seconds_source").asText()).contains("--neuron-seconds");
        assertThat(json.get("speedup_vs_neuron").asDouble())
                .isCloseTo(60 / SIMULATED_SECONDS / perSimSecond, within(DERIVED));
        assertThat(json.get("trials").asInt()).isEqualTo(2);
        assertThat(json.get("trials_per_minute").asDouble())
                .isCloseTo(2 / json.get("trials_wall_seconds").asDouble() * 60, within(DERIVED));
        assertThat(r.out()).contains("timed on this machine");
        // per machine: 2 trials of 3 s in the wall time; per core: 2 threads' share, twice the time per trial
        double perTrial = json.get("trials_wall_seconds").asDouble() / 2 / SIMULATED_SECONDS;
        assertThat(json.get("trials_lanes").asInt()).as("2 trials do not fill a group of lanes").isEqualTo(1);
        assertThat(json.get("trials_seconds_per_simulated_second_per_trial").asDouble())
                .isCloseTo(perTrial, within(DERIVED));
        assertThat(json.get("trials_seconds_per_simulated_second_per_trial_per_core").asDouble())
                .isCloseTo(2 * perTrial, within(DERIVED));
        assertThat(json.get("trials_per_minute_per_core").asDouble())
                .isCloseTo(json.get("trials_per_minute").asDouble() / 2, within(DERIVED));
        assertThat(json.get("trials_speedup_vs_neuron").asDouble())
                .isCloseTo(60 / SIMULATED_SECONDS / perTrial, within(DERIVED));
        assertThat(json.get("trials_speedup_vs_neuron_per_core").asDouble())
                .isCloseTo(60 / SIMULATED_SECONDS / (2 * perTrial), within(DERIVED));
        assertThat(r.out()).contains("per machine:").contains("per core:");
        // the threads' CPU: 2 trials of 3 s, each at least some CPU and at most what 2 threads had in the wall time
        double cpu = json.get("trials_cpu_seconds").asDouble();
        assertThat(cpu).isPositive().isLessThanOrEqualTo(2 * json.get("trials_wall_seconds").asDouble());
        assertThat(json.get("trials_cpu_seconds_per_simulated_second_per_trial").asDouble())
                .isCloseTo(cpu / 2 / SIMULATED_SECONDS, within(DERIVED));
        assertThat(r.out()).contains("thread CPU:");
    }

    @Test
    void theTrialsRunInLanesByDefaultWhenTheyFillGroups() {
        int lanes = LanesOption.defaultLanes();
        assertThat(BenchCommand.defaultThroughputLanes(2 * lanes)).isEqualTo(lanes);
        assertThat(BenchCommand.defaultThroughputLanes(16 * lanes + 1)).isEqualTo(1);
    }

    @Test
    void timesNeuronByItsCommandBeforeEveryTimedRun() throws IOException {
        Path log = tmp.resolve("neuron-runs");
        String command = "echo run >> '" + log + "'; echo 'NEURON says hello'; echo 45";
        CliRun r = run("bench", "--repeat", "2", "--warmup", "0", "--neuron-command", command, "--out",
                tmp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(log)).as("one NEURON run per timed run").hasSize(2);
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
        assertThat(json.get("neuron_wall_seconds").get(0).asDouble()).isEqualTo(45);
        assertThat(json.get("neuron_seconds").asDouble()).isEqualTo(45);
        assertThat(json.get("neuron_seconds_source").asText()).contains("--neuron-command").contains(command);
        assertThat(json.get("speedup_vs_neuron").asDouble()).isCloseTo(
                45 / SIMULATED_SECONDS / json.get("seconds_per_simulated_second_median").asDouble(), within(DERIVED));
        assertThat(r.out()).contains("NEURON 45.00 s, then").contains("timed in this run");
    }

    @Test
    void withCompiledTimesBothKernelsInOneRun() throws IOException {
        CliRun r = run("bench", "--repeat", "1", "--warmup", "0", "--compiled", "--neuron-seconds", "60", "--out",
                tmp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
        JsonNode compiled = json.get("compiled");
        double wall = compiled.get("wall_seconds").get(0).asDouble();
        assertThat(wall).isPositive();
        assertThat(compiled.get("seconds_per_simulated_second_median").asDouble())
                .isCloseTo(wall / SIMULATED_SECONDS, within(DERIVED));
        assertThat(compiled.get("time_ratio_to_hand_written").asDouble())
                .isCloseTo(wall / json.get("wall_seconds").get(0).asDouble(), within(DERIVED));
        assertThat(compiled.get("cpu_time_ratio_to_hand_written").asDouble()).isCloseTo(
                compiled.get("cpu_seconds_including_build").get(0).asDouble()
                        / json.get("cpu_seconds_including_build").get(0).asDouble(), within(DERIVED));
        assertThat(r.out()).contains("compiled mechanisms: median").contains("the hand-written kernels' time");
    }

    @Test
    void badNeuronSecondsIsAClearErrorAndWritesNothing() {
        CliRun r = run("bench", "--neuron-seconds", "-5", "--out", tmp.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--neuron-seconds").contains("-5");
        assertThat(tmp.resolve("bench.json")).doesNotExist();
    }

    @Test
    void badLanesAreAClearErrorBeforeAnyRun() {
        CliRun negative = run("bench", "--lanes", "-1", "--out", tmp.toString());
        assertThat(negative.exit()).isNotZero();
        assertThat(negative.err()).contains("--lanes must be >= 0").contains("-1");
        CliRun uneven = run("bench", "--lanes", "4", "--trials", "6", "--out", tmp.toString());
        assertThat(uneven.exit()).isNotZero();
        assertThat(uneven.err()).contains("--trials 6 must be a multiple of --lanes (4)");
        assertThat(tmp.resolve("bench.json")).doesNotExist();
    }

    @Test
    void aNeuronCommandThatFailsOrPrintsNoTimeIsAClearErrorAndWritesNothing() {
        CliRun failed = run("bench", "--warmup", "0", "--neuron-command", "exit 3", "--out", tmp.toString());
        assertThat(failed.exit()).isNotZero();
        assertThat(failed.err()).contains("'exit 3'").contains("status 3");
        CliRun noTime = run("bench", "--warmup", "0", "--neuron-command", "echo done", "--out", tmp.toString());
        assertThat(noTime.exit()).isNotZero();
        assertThat(noTime.err()).contains("'echo done'").contains("last line").contains("'done'");
        CliRun both = run("bench", "--neuron-seconds", "60", "--neuron-command", "echo 60", "--out", tmp.toString());
        assertThat(both.exit()).isNotZero();
        assertThat(both.err()).contains("not both");
        assertThat(tmp.resolve("bench.json")).doesNotExist();
    }
}
