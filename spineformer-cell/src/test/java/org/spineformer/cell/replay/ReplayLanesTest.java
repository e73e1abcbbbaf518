package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.CellParameters;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.simd.Simd;

/**
 * The paper's cell with its hand-written mechanisms, several trials in lanes: each lane gives the somatic spikes
 * and final calcium integrals of its trial replayed alone.
 */
class ReplayLanesTest {
    /** Each trial's length (ms): long enough for a pulse and synaptic input in every trial, short for the tier. */
    private static final double TSTOP_MS = 120;
    private static final CellParameters PARAMS = CellParameters.paper();
    private static final int MOST_LANES = Math.max(3, Simd.preferredLanes());
    private static List<Stimulus> trials;
    private static List<Replay.Result> alone;

    /**
     * Trial i: the bundled control_1s stimulus's 120 ms from 550 + 37 i ms on (its input windows), moved to start at
     * 0, so every trial has its own spike trains and pulses.
     */
    @BeforeAll
    static void replayEachTrialAlone() {
        Stimulus control = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, PARAMS.spineCount());
        trials = new ArrayList<>();
        alone = new ArrayList<>();
        for (int i = 0; i < MOST_LANES; i++) {
            double from = 550 + 37 * i;
            double[][] pre = Arrays.stream(control.pre()).map(train -> window(train, from)).toArray(double[][]::new);
            Stimulus s = new Stimulus(control.vInitMv(), TSTOP_MS, control.dtMs(), control.celsius(),
                    control.threshold(), pre, window(control.post(), from), control.pulseAmpNa(), control.pulseDurMs(),
                    control.netconDelayMs(), List.of(), new int[0], 1);
            trials.add(s);
            alone.add(Replay.run(s, PARAMS, List.of(), false, null));
        }
    }

    private static double[] window(double[] times, double from) {
        return Arrays.stream(times).filter(t -> t >= from && t < from + TSTOP_MS).map(t -> t - from).toArray();
    }

    @ParameterizedTest(name = "{0} lanes (0: the preferred vector length)")
    @ValueSource(ints = {0, 3})
    void eachLaneGivesItsTrialAlone(int lanesOrPreferred) {
        int lanes = lanesOrPreferred == 0 ? Simd.preferredLanes() : lanesOrPreferred;
        List<Replay.Result> together = Replay.runLanes(trials.subList(0, lanes), PARAMS, Catalogue.discover());
        for (int lane = 0; lane < lanes; lane++) {
            Replay.Result one = alone.get(lane);
            assertThat(together.get(lane).somaSpikeTimesMs()).as("spikes of lane %d", lane)
                    .isEqualTo(one.somaSpikeTimesMs());
            assertThat(together.get(lane).finalGDynamic()).as("g_dynamic of lane %d", lane)
                    .isEqualTo(one.finalGDynamic());
            assertThat(together.get(lane).finalGDynamicDelayed()).as("g_dynamic_delayed of lane %d", lane)
                    .isEqualTo(one.finalGDynamicDelayed());
        }
        assertThat(alone.get(0).somaSpikeTimesMs()).as("the trials spike").isNotEmpty();
        assertThat(alone.get(0).somaSpikeTimesMs()).isNotEqualTo(alone.get(1).somaSpikeTimesMs());
    }

    /**
     * A cell model's trials in 3 lanes, each recording a soma voltage, a spine's calcium and both its integrals every
     * 4th step: every lane's columns, spikes and integrals are those of its trial replayed alone with the same
     * columns; a lane blown up by a NaN pulse time... is not among these (see SimulationLanesTest).
     */
    @Test
    void eachLaneRecordsItsTrialAlone() {
        List<String> record = List.of("v:soma(0.5)", "v:spine_40_head", "cai:spine_40", "g_dynamic:spine_40",
                "g_dynamic_delayed:spine_40");
        List<Stimulus> sampled = trials.subList(0, 3).stream().map(ReplayLanesTest::everyFourthStep).toList();
        List<Replay.Outcome> together = Replay.runLanes(sampled, CellModel.paper(), record, null);
        for (int lane = 0; lane < sampled.size(); lane++) {
            Replay.Result one = Replay.run(sampled.get(lane), CellModel.paper(), record, false, null);
            Replay.Result inLane = together.get(lane).result();
            assertThat(together.get(lane).failure()).isNull();
            assertThat(inLane.traceNames()).isEqualTo(one.traceNames());
            for (int c = 0; c < one.traces().size(); c++) {
                assertThat(inLane.traces().get(c)).as("%s of lane %d", one.traceNames().get(c), lane)
                        .isEqualTo(one.traces().get(c));
            }
            assertThat(inLane.somaSpikeTimesMs()).as("spikes of lane %d", lane).isEqualTo(one.somaSpikeTimesMs());
            assertThat(inLane.finalGDynamic()).as("g_dynamic of lane %d", lane).isEqualTo(one.finalGDynamic());
        }
        assertThat(together.get(0).result().traces().get(1)).as("the lanes record different trials")
                .isNotEqualTo(together.get(1).result().traces().get(1));
    }

    private static Stimulus everyFourthStep(Stimulus s) {
        return new Stimulus(s.vInitMv(), s.tstopMs(), s.dtMs(), s.celsius(), s.threshold(), s.pre(), s.post(),
                s.pulseAmpNa(), s.pulseDurMs(), s.netconDelayMs(), s.recordV(), s.recordSpines(), 4);
    }

    @Test
    void trialsInLanesShareTheirSettings() {
        Stimulus a = trials.get(0);
        Stimulus b = new Stimulus(a.vInitMv(), a.tstopMs(), a.dtMs(), a.celsius(), a.threshold(), a.pre(), a.post(),
                a.pulseAmpNa() * 2, a.pulseDurMs(), a.netconDelayMs(), List.of(), new int[0], 1);
        assertThatThrownBy(() -> Replay.runLanes(List.of(a, b), PARAMS, Catalogue.discover()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stimulus 1 differs from stimulus 0 in its pulse amplitude: trials in lanes share "
                        + "everything but their spike trains and pulse times");
    }
}
