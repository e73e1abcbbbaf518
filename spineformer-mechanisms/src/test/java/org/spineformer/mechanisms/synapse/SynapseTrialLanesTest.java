package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.TrialLanes;

/**
 * The synapses with several trials in lanes give each trial the numbers of that trial run alone, with events per
 * trial: an instance quiet in every trial (skipped whole), instances quiet in some trials only (computed and blended
 * away in lanes, skipped in the scalar loop), three synapses on one node. One vector per instance, a scalar loop
 * over 3 lanes, and without the Vector API.
 */
class SynapseTrialLanesTest {
    /**
     * With potentiation, alpha's exponential is the Vector API's for the synapses a single trial computes in its
     * vector kernel, in lanes as alone (whatever the lane count), and {@link Math#exp} for the rest. But the Vector
     * API's exp is the vector math library's once C2 has compiled the kernel and {@link Math#exp} before (the API's
     * Java fallback), so a trial in lanes and the same trial alone may have used exponentials 1 ulp apart if only
     * one of them ran compiled. Compiled, the two differ by 1 ulp in about 5% of arguments (measured on Zen 5,
     * never more than 1 ulp); these short runs stay in the Java fallback and measure 0. One ulp of alpha moves the
     * currents by a few ulp (SynapseLanesTest); 1e-13 leaves room for the 40 steps and still fails on any wrong
     * term.
     */
    private static final double POTENTIATED_RELATIVE = 1e-13;

    @ParameterizedTest(name = "Vector API {0}, vector of trials {1}, tables {2}")
    @CsvSource({"true, true, true", "true, true, false", "true, false, true", "false, true, true",
            "false, true, false"})
    void nmdaLanesGiveEachTrialItsBits(boolean simd, boolean vectorOfTrials, boolean tables) {
        TrialLanes.compare(new Nmda(simd), new Nmda(simd), lanes(vectorOfTrials), tables,
                Map.of("gmax", 0.05, "tau2", 26.0), 0);
    }

    @ParameterizedTest(name = "Vector API {0}, vector of trials {1}")
    @CsvSource({"true, true", "true, false", "false, true"})
    void ampaLanesGiveEachTrialItsBitsWithoutPotentiation(boolean simd, boolean vectorOfTrials) {
        TrialLanes.compare(new AmpaWithCa(simd), new AmpaWithCa(simd), lanes(vectorOfTrials), true,
                Map.of("gmax", 0.002, "tau1", 0.34), 0);
    }

    @ParameterizedTest(name = "Vector API {0}, vector of trials {1}")
    @CsvSource({"true, true", "true, false", "false, true"})
    void ampaLanesMatchEachTrialWithPotentiation(boolean simd, boolean vectorOfTrials) {
        // g_dynamic grows by about 2e-13 per ms at these calcium levels: alpha crosses its sigmoid within the run
        TrialLanes.Result result = TrialLanes.compare(new AmpaWithCa(simd), new AmpaWithCa(simd),
                lanes(vectorOfTrials), true,
                Map.of("gmax", 0.002, "ca_potentiation_threshold", 1e-13, "tau_g_dynamic_delayed", 0.5),
                simd ? POTENTIATED_RELATIVE : 0);
        assertThat(Arrays.stream(result.block().column("alpha")).filter(alpha -> alpha > 0.05 && alpha < 0.95))
                .as("partly potentiated synapses").isNotEmpty();
        System.out.printf("AMPA_WITH_CA potentiated, Vector API %s, vector of trials %s: largest relative difference"
                + " %.3g%n", simd, vectorOfTrials, result.worst());
    }

    private static int lanes(boolean vectorOfTrials) {
        return vectorOfTrials ? Simd.preferredLanes() : 3;
    }
}
