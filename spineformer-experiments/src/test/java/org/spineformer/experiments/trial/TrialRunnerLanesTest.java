package org.spineformer.experiments.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.ellwood2024.Ellwood2024;

/**
 * The runner with lanes on short trials of the paper's cell: each trial's result is the one it has run alone, bit
 * for bit, whatever the lanes, the threads and the trials beside it (also trials that cannot share a simulation);
 * a failing trial does not lose its group's other trials, and the run resumes to the same results.
 */
class TrialRunnerLanesTest {
    private static final CellModel PAPER = CellModel.paper();
    private static final int TRIALS = 7;

    /** What a trial keeps: the soma's voltage every 0.1 ms, its spikes and one spine's final integral. */
    record Kept(double[] somaV, double[] spikesMs, double spine0Integral) {
    }

    record Settings(String what) {
    }

    private static final Settings SETTINGS = new Settings("lanes test");

    /**
     * Trial i: 24 ms (trials 5 and 6: 20 ms, so they cannot share a simulation with the others), a somatic pulse
     * at 3 + 2 (i mod 4) ms and its own random spike on each spine of axon i.
     */
    private static final ReplayTrial<Kept> SHORT = (index, random) -> replay(index, random, -1);

    private static Replayed<Kept> replay(int index, SplittableRandom random, int failing) {
        double[][] pre = new double[PAPER.spineCount()][0];
        for (int spine : PAPER.axons()[index]) {
            pre[spine] = new double[] {1 + 10 * random.nextDouble()};
        }
        double tstop = index < 5 ? 24 : 20;
        return new Replayed<>(PAPER, Ellwood2024.sampledEvery(Ellwood2024.stimulus(PAPER, PAPER.vInitMv(), tstop,
                Ellwood2024.paperThreshold(1), pre, new double[] {3 + 2 * (index % 4)}), 4), List.of("v:soma(0.5)"),
                r -> {
                    if (index == failing) {
                        throw new IllegalStateException("trial " + index + " cannot be read");
                    }
                    return new Kept(Ellwood2024.trace(r, "v:soma(0.5)"), r.somaSpikeTimesMs(),
                            r.finalGDynamic()[0]);
                });
    }

    @TempDir
    Path tmp;

    @Test
    void eachTrialIsWhatItIsAloneWhateverTheLanesAndThreads() {
        List<Kept> alone = TrialRunner.inMemory(1).run("alone", SETTINGS, 5, TRIALS, SHORT, Kept.class);
        for (int[] lanesThreads : new int[][] {{3, 1}, {4, 2}, {8, 2}}) {
            List<Kept> inLanes = TrialRunner.inMemory(lanesThreads[1]).withLanes(lanesThreads[0])
                    .run("lanes", SETTINGS, 5, TRIALS, SHORT, Kept.class);
            for (int i = 0; i < TRIALS; i++) {
                String as = "trial " + i + ", " + lanesThreads[0] + " lanes, " + lanesThreads[1] + " threads";
                assertThat(inLanes.get(i).somaV()).as(as).isEqualTo(alone.get(i).somaV());
                assertThat(inLanes.get(i).spikesMs()).as(as).isEqualTo(alone.get(i).spikesMs());
                assertThat(inLanes.get(i).spine0Integral()).as(as).isEqualTo(alone.get(i).spine0Integral());
            }
        }
        assertThat(alone.get(0).spikesMs()).as("the pulses make spikes").isNotEmpty();
        assertThat(alone.get(0).spikesMs()).isNotEqualTo(alone.get(1).spikesMs());
        assertThat(alone.get(5).somaV()).as("trial 5 is shorter").hasSizeLessThan(alone.get(4).somaV().length);
    }

    @Test
    void aFailingTrialLeavesItsGroupRecordedAndTheRunResumes() throws IOException {
        ReplayTrial<Kept> fourFails = (index, random) -> replay(index, random, 4);
        TrialRunner runner = TrialRunner.inDirectory(tmp, 1, null, false).withLanes(3);
        assertThatThrownBy(() -> runner.run("lanes", SETTINGS, 5, TRIALS, fourFails, Kept.class))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("trial 4")
                .hasMessageContaining("trial 4 cannot be read");
        // groups {0, 1, 2}, {3, 4, 5}, then none: 4's neighbours in its group are recorded, no later group started
        List<String> recorded = Files.readAllLines(tmp.resolve("trials.jsonl")).stream()
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(recorded).containsExactlyInAnyOrder("{\"trial\":0", "{\"trial\":1", "{\"trial\":2",
                "{\"trial\":3", "{\"trial\":5");
        List<Kept> resumed = runner.run("lanes", SETTINGS, 5, TRIALS, SHORT, Kept.class);
        List<Kept> alone = TrialRunner.inMemory(2).run("alone", SETTINGS, 5, TRIALS, SHORT, Kept.class);
        for (int i = 0; i < TRIALS; i++) {
            assertThat(resumed.get(i).somaV()).as("trial %d", i).isEqualTo(alone.get(i).somaV());
        }
        assertThat(Arrays.stream(alone.get(6).somaV()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void lanesBelowOneAreRefused() {
        assertThatThrownBy(() -> TrialRunner.inMemory(1).withLanes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lanes = 0 must be >= 1");
    }
}
