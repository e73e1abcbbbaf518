package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Replay;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.train.TrialSeeds;

class FullTrialTest {
    @Test
    void twoMatchedAxonsAreDistinctAndBothFollowTheFixedQuery() {
        FullTrial protocol = new FullTrial(1, 7.9e-14, FullTrial.expectedPulses(1), 2);
        assertThat(FullTrial.expectedPulses(1)).isEqualTo(6);
        assertThat(FullTrial.expectedPulses(0.5)).isEqualTo(3);
        BapDelays delays = Fig3beMatchRocTest.delays();
        for (int trial = 0; trial < 20; trial++) {
            FullTrial.Draw d = protocol.draw(delays, TrialSeeds.random(1, trial));
            assertThat(d.matchedAxons()).hasSize(2).doesNotHaveDuplicates();
            assertThat(d.pulsesMs()).hasSize(6);
            Stimulus s = d.stimulus();
            for (int m = 0; m < 2; m++) {
                double[] train = s.pre()[10 * d.matchedAxons()[m]];
                assertThat(train).isSameAs(d.matchedAxonSpikesMs()[m]);
                for (int i = 0; i < 6; i++) {
                    assertThat(train[i]).isCloseTo(d.pulsesMs()[i] - 7 + d.delaysMs()[m], within(1e-12));
                }
            }
        }
        assertThat(protocol.tstopMs()).isEqualTo(3000);
    }

    @Test
    void selectionIsReadWhenTheControlPhaseStartsAndAgainAtTheEnd() {
        FullTrial protocol = new FullTrial(1, 2, FullTrial.ANY_PULSE_COUNT, 1);
        List<String> names = new ArrayList<>(List.of("t_ms"));
        List<double[]> traces = new ArrayList<>();
        traces.add(new double[] {0, 1000, 1750, 2500});
        for (int a = 0; a < Ellwood2024.AXONS; a++) {
            names.add(FullTrial.delayedIntegral(CellModel.paper(), a));
            // axon 3 crosses before 1750 ms, axon 149 only after it
            traces.add(a == 3 ? new double[] {0, 1, 2, 3} : a == 149 ? new double[] {0, 0, 1, 3} : new double[4]);
        }
        double[] finalDelayed = new double[Ellwood2024.SPINES];
        finalDelayed[30] = 3;
        finalDelayed[31] = 5; // not an axon's first spine
        finalDelayed[1490] = 3;
        Replay.Result r = new Replay.Result(new double[0], new double[Ellwood2024.SPINES], finalDelayed, null, names,
                traces, 0);
        assertThat(protocol.potentiatedAtControlStart(r)).containsExactly(3);
        assertThat(protocol.potentiatedAtEnd(r)).containsExactly(3, 149);
    }
}
