package org.spineformer.analysis.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControlPhaseOutcomeTest {
    private static final double T0 = ControlPhaseOutcome.controlStartMs(1000); // 250 + 1000 + 500

    @Test
    void controlStartFollowsTheTrialLayout() {
        assertThat(T0).isEqualTo(1750);
        assertThat(ControlPhaseOutcome.controlStartMs(500)).isEqualTo(1250);
    }

    @Test
    void handWorkedTrialWithEdgesAtExactly10Ms() {
        double[] axon = {1000, 1750, 1800, 1900, 2100, 2400};
        double[] soma = {1010, 1750, 1760, 1820, 1900, 1950, 2099, 2420.5};
        // Counted: axon spikes >= t0: 1750, 1800, 1900, 2100, 2400 (5); somatic spikes > t0: 1760, 1820, 1900,
        // 1950, 2099, 2420.5 (6) - the somatic spike at exactly t0 is out, the axon spike at t0 is in.
        // Pairing needs 0 <= s - p <= 20 ms:
        //   1750 -> 1760 (10), 1800 -> 1820 (exactly 20: paired), 1900 -> 1900 (exactly 0: paired),
        //   2100: 2099 is 1 ms early -> failed, 2400: 2420.5 is 20.5 ms late -> failed.
        //   spurious: 1950 (50 ms after 1900), 2099 (199 ms after 1900), 2420.5.
        // The paper's loop (ProcessControlPhaseTests.py) gives (5, 6, 2, 3, 0.4, 0.5) for these inputs.
        ControlPhaseOutcome outcome = ControlPhaseOutcome.score(axon, soma, T0);
        assertThat(outcome).isEqualTo(new ControlPhaseOutcome(5, 6, 2, 3));
        assertThat(outcome.failedFraction()).isEqualTo(0.4);
        assertThat(outcome.spuriousFraction()).isEqualTo(0.5);
    }

    @Test
    void orderOfSpikesDoesNotMatter() {
        ControlPhaseOutcome outcome = ControlPhaseOutcome.score(new double[] {2400, 1800, 1750},
                new double[] {1830, 1760}, T0);
        // 1750 -> 1760; 1800 -> 1760 is early, 1830 is 30 late -> failed; 2400 failed. 1830: 30 after 1800,
        // 80 after 1750 -> spurious.
        assertThat(outcome).isEqualTo(new ControlPhaseOutcome(3, 2, 2, 1));
    }

    @Test
    void theTwoTestsRoundAsThePapersExpressionsDo() {
        // |s - (p + 10)| and |p - (s - 10)| round differently at this spike time; the paper's loop gives
        // spurious = 1, failed = 0 for s = p, and failed = 1, spurious = 0 for s = p + 20.
        double p = 2044.581;
        assertThat(ControlPhaseOutcome.score(new double[] {p}, new double[] {p}, T0))
                .isEqualTo(new ControlPhaseOutcome(1, 1, 0, 1));
        assertThat(ControlPhaseOutcome.score(new double[] {p}, new double[] {2064.581}, T0))
                .isEqualTo(new ControlPhaseOutcome(1, 1, 1, 0));
    }

    @Test
    void silentPhases() {
        ControlPhaseOutcome noSoma = ControlPhaseOutcome.score(new double[] {1800, 1900}, new double[0], T0);
        assertThat(noSoma).isEqualTo(new ControlPhaseOutcome(2, 0, 2, 0));
        assertThat(noSoma.failedFraction()).isEqualTo(1);
        assertThat(noSoma.spuriousFraction()).isZero();
        // The script would crash here (np.min of an empty array); by definition every somatic spike is spurious.
        ControlPhaseOutcome noAxon = ControlPhaseOutcome.score(new double[] {1000}, new double[] {1800}, T0);
        assertThat(noAxon).isEqualTo(new ControlPhaseOutcome(0, 1, 0, 1));
        assertThat(noAxon.failedFraction()).isZero();
        assertThat(noAxon.spuriousFraction()).isEqualTo(1);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> ControlPhaseOutcome.score(new double[] {Double.NaN}, new double[0], T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matchedAxonSpikeTimes[0] = NaN");
        assertThatThrownBy(() -> new ControlPhaseOutcome(1, 0, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failedSpikes = 2");
    }
}
