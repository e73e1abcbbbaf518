package org.spineformer.experiments.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.train.TrialSeeds;

/**
 * The runner continues every replay from the rest before its first input, simulated once for the run: each trial's
 * result is the one of its replay from 0, bit for bit, alone and in lanes, on one and two threads.
 */
class TrialRunnerCommonStartTest {
    private static final CellModel PAPER = CellModel.paper();
    private static final int TRIALS = 8;
    /** The rest before every trial's inputs (ms): two of the common start's 10 ms grid steps, so a start is taken. */
    private static final double REST_MS = 25;
    private static final long SEED = 11;

    /** What a trial keeps: the soma's voltage every 0.1 ms, its spikes and one spine's final integrals. */
    record Kept(double[] somaV, double[] spikesMs, double spine0Integral, double spine0Delayed) {
    }

    record Settings(String what) {
    }

    private static final Settings SETTINGS = new Settings("common start test");

    /**
     * Trial i: 50 ms, after the rest a somatic pulse at REST_MS + 3 + 2 (i mod 4) ms and its own random spike on each
     * spine of axon i, potentiation on.
     */
    private static final ReplayTrial<Kept> RESTED = TrialRunnerCommonStartTest::replay;

    private static Replayed<Kept> replay(int index, SplittableRandom random) {
        double[][] pre = new double[PAPER.spineCount()][0];
        for (int spine : PAPER.axons()[index]) {
            pre[spine] = new double[] {REST_MS + 1 + 10 * random.nextDouble()};
        }
        return new Replayed<>(PAPER, Ellwood2024.sampledEvery(Ellwood2024.stimulus(PAPER, PAPER.vInitMv(), 50,
                Ellwood2024.paperThreshold(1), pre, new double[] {REST_MS + 3 + 2 * (index % 4)}), 4),
                List.of("v:soma(0.5)"), r -> new Kept(Ellwood2024.trace(r, "v:soma(0.5)"), r.somaSpikeTimesMs(),
                        r.finalGDynamic()[0], r.finalGDynamicDelayed()[0]));
    }

    @Test
    void eachTrialIsItsReplayFromZeroWhateverTheLanesAndThreads() {
        List<Kept> fromZero = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            fromZero.add(replay(i, TrialSeeds.random(SEED, i)).runAlone(fraction -> { }));
        }
        for (int[] lanesThreads : new int[][] {{1, 1}, {1, 2}, {3, 2}, {8, 1}, {8, 2}}) {
            List<Kept> run = TrialRunner.inMemory(lanesThreads[1]).withLanes(lanesThreads[0])
                    .run("rested", SETTINGS, SEED, TRIALS, RESTED, Kept.class);
            for (int i = 0; i < TRIALS; i++) {
                String as = "trial " + i + ", " + lanesThreads[0] + " lanes, " + lanesThreads[1] + " threads";
                assertThat(run.get(i).somaV()).as(as).isEqualTo(fromZero.get(i).somaV());
                assertThat(run.get(i).spikesMs()).as(as).isEqualTo(fromZero.get(i).spikesMs());
                assertThat(run.get(i).spine0Integral()).as(as).isEqualTo(fromZero.get(i).spine0Integral());
                assertThat(run.get(i).spine0Delayed()).as(as).isEqualTo(fromZero.get(i).spine0Delayed());
            }
        }
        assertThat(fromZero.get(0).spikesMs()).as("the pulses make spikes").isNotEmpty();
        assertThat(fromZero.get(0).somaV()[0]).as("the rest moves v from v_init")
                .isNotEqualTo(fromZero.get(0).somaV()[(int) (REST_MS / 0.1) - 1]);
    }
}
