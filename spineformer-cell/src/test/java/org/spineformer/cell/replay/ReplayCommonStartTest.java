package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.CellParameters;
import org.spineformer.engine.simd.Simd;

/**
 * The paper's cell replayed from a common start (the rest before the first input, simulated once): every trial's
 * recorded columns, somatic spikes and final integrals are those of its replay from 0, alone and in lanes.
 */
class ReplayCommonStartTest {
    /**
     * The rest before each trial's first input (ms): long enough for the cell to leave its initial state (so a state
     * the start missed would change the trial).
     */
    private static final double REST_MS = 60;
    /** Each trial's input window after the rest (ms): a pulse and synaptic input in every trial, short for the tier. */
    private static final double WINDOW_MS = 120;
    /** The clock's rounding after thousands of steps of dt/2 (ms): far below a step. */
    private static final double TIME_SLACK_MS = 1e-6;
    private static final int MOST_LANES = Math.max(3, Simd.preferredLanes());
    private static final List<String> RECORD = List.of("v:soma(0.5)", "v:spine_40_head", "cai:spine_40",
            "g_dynamic:spine_40", "g_dynamic_delayed:spine_40");
    private static final CellModel MODEL = CellModel.paper();
    private static List<Stimulus> trials;
    private static List<Replay.Result> fromZero;

    /**
     * Trial i: the bundled control_1s stimulus's 120 ms from 550 + 37 i ms on, moved to start after the rest, each
     * trial's columns recorded every 4th step; each replayed alone from 0.
     */
    @BeforeAll
    static void replayEachTrialFromZero() {
        Stimulus control = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, CellParameters.paper().spineCount());
        trials = new ArrayList<>();
        fromZero = new ArrayList<>();
        for (int i = 0; i < MOST_LANES; i++) {
            double from = 550 + 37 * i;
            double[][] pre = Arrays.stream(control.pre()).map(train -> window(train, from)).toArray(double[][]::new);
            Stimulus s = new Stimulus(control.vInitMv(), REST_MS + WINDOW_MS, control.dtMs(), control.celsius(),
                    control.threshold(), pre, window(control.post(), from), control.pulseAmpNa(),
                    control.pulseDurMs(), control.netconDelayMs(), List.of(), new int[0], 4);
            trials.add(s);
            fromZero.add(Replay.run(s, MODEL, RECORD, false, null));
        }
    }

    private static double[] window(double[] times, double from) {
        return Arrays.stream(times).filter(t -> t >= from && t < from + WINDOW_MS).map(t -> t - from + REST_MS)
                .toArray();
    }

    @ParameterizedTest(name = "{0} lanes (0: the preferred vector length)")
    @ValueSource(ints = {1, 3, 0})
    void eachTrialFromTheCommonStartIsItsRunFromZero(int lanesOrPreferred) {
        int lanes = lanesOrPreferred == 0 ? Simd.preferredLanes() : lanesOrPreferred;
        CommonStarts starts = new CommonStarts();
        List<Stimulus> group = trials.subList(0, lanes);
        CommonStarts.Start start = starts.of(group, MODEL, RECORD);
        assertThat(start).as("a start for the paper's cell").isNotNull();
        assertThat(start.snapshot().t()).as("the start's time: within the grid's step before the first input")
                .isBetween(REST_MS - CommonStarts.GRID_MS - TIME_SLACK_MS,
                        CommonStarts.firstInputMs(group) - group.get(0).dtMs() + TIME_SLACK_MS);
        List<Replay.Result> continued = new ArrayList<>();
        if (lanes == 1) {
            for (Stimulus s : trials.subList(0, 2)) {
                continued.add(Replay.run(s, MODEL, RECORD, null, starts));
            }
        } else {
            for (Replay.Outcome o : Replay.runLanes(group, MODEL, RECORD, null, starts)) {
                assertThat(o.failure()).isNull();
                continued.add(o.result());
            }
        }
        for (int k = 0; k < continued.size(); k++) {
            Replay.Result one = fromZero.get(k);
            Replay.Result c = continued.get(k);
            assertThat(c.traceNames()).isEqualTo(one.traceNames());
            for (int col = 0; col < one.traces().size(); col++) {
                assertThat(c.traces().get(col)).as("%s of trial %d", one.traceNames().get(col), k)
                        .isEqualTo(one.traces().get(col));
            }
            assertThat(c.somaSpikeTimesMs()).as("spikes of trial %d", k).isEqualTo(one.somaSpikeTimesMs());
            assertThat(c.finalGDynamic()).as("g_dynamic of trial %d", k).isEqualTo(one.finalGDynamic());
            assertThat(c.finalGDynamicDelayed()).as("g_dynamic_delayed of trial %d", k)
                    .isEqualTo(one.finalGDynamicDelayed());
        }
        assertThat(fromZero.get(0).somaSpikeTimesMs()).as("the trials spike").isNotEmpty();
        assertThat(fromZero.get(0).traces().get(1)[0]).as("the rest moves v from v_init")
                .isNotEqualTo(fromZero.get(0).traces().get(1)[(int) (REST_MS / 0.025 / 4) - 1]);
    }
}
