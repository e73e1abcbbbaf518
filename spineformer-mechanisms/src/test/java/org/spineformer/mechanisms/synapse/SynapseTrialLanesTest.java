package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.TrialLanes;

/**
 * The synapses with several trials in lanes give each trial the numbers of that trial run alone, with events per
 * trial: an instance quiet in every trial (skipped whole), instances quiet in some trials only (computed and blended
 * away in lanes, skipped in the scalar loop), three synapses on one node. One vector per instance, a scalar loop
 * over 3 lanes, and without the Vector API.
 */
class SynapseTrialLanesTest {
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
    void ampaLanesGiveEachTrialItsBitsWithPotentiation(boolean simd, boolean vectorOfTrials) {
        // g_dynamic grows by about 2e-13 per ms at these calcium levels: alpha crosses its sigmoid within the run
        TrialLanes.Result result = TrialLanes.compare(new AmpaWithCa(simd), new AmpaWithCa(simd),
                lanes(vectorOfTrials), true,
                Map.of("gmax", 0.002, "ca_potentiation_threshold", 1e-13, "tau_g_dynamic_delayed", 0.5),
                0); // alpha's exponential has one set of bits in lanes and alone (StrictExp, VectorMath)
        assertThat(Arrays.stream(result.block().column("alpha")).filter(alpha -> alpha > 0.05 && alpha < 0.95))
                .as("partly potentiated synapses").isNotEmpty();
        System.out.printf("AMPA_WITH_CA potentiated, Vector API %s, vector of trials %s: largest relative difference"
                + " %.3g%n", simd, vectorOfTrials, result.worst());
    }

    /**
     * gmax, e and the time constants the same in every trial, as a cell's are, and then one trial's raised between
     * two steps by {@code setParameter} for its lane (the time constants take effect at the next initialization,
     * alone and in lanes).
     */
    @ParameterizedTest
    @EnumSource(value = TrialLanes.Parameters.class, names = {"SAME", "SAME_THEN_ONE_TRIAL_CHANGED"})
    void nmdaParametersTheSameInEveryTrialGiveEachTrialItsBits(TrialLanes.Parameters how) {
        TrialLanes.compare(new Nmda(true), new Nmda(true), Simd.preferredLanes(), true,
                Map.of("gmax", 0.05, "e", -0.7, "tau1", 2.0, "tau2", 26.0), 0, how);
    }

    /** As for NMDA, with potentiation (every parameter the step reads) and without (an infinite threshold). */
    @ParameterizedTest
    @EnumSource(value = TrialLanes.Parameters.class, names = {"SAME", "SAME_THEN_ONE_TRIAL_CHANGED"})
    void ampaParametersTheSameInEveryTrialGiveEachTrialItsBits(TrialLanes.Parameters how) {
        TrialLanes.Result result = TrialLanes.compare(new AmpaWithCa(true), new AmpaWithCa(true),
                Simd.preferredLanes(), true, Map.of("gmax", 0.002, "e", -5.0, "max_potentiation", 8.0,
                        "ca_potentiation_threshold", 1e-13, "sigmoid_sharpness", 20.0, "sigmoid_offset", 0.5,
                        "tau_plasticity", 20000.0, "tau_g_dynamic_delayed", 0.5, "tau1", 0.34, "tau2", 2.0), 0, how);
        assertThat(Arrays.stream(result.block().column("alpha")).filter(alpha -> alpha > 0.05 && alpha < 0.95))
                .as("partly potentiated synapses").isNotEmpty();
        TrialLanes.compare(new AmpaWithCa(true), new AmpaWithCa(true), Simd.preferredLanes(), true,
                Map.of("gmax", 0.002, "e", -5.0), 0, how);
    }

    private static int lanes(boolean vectorOfTrials) {
        return vectorOfTrials ? Simd.preferredLanes() : 3;
    }
}
