package org.spineformer.mechanisms.calcium;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.TrialLanes;

/**
 * The calcium pool with several trials in lanes gives each trial the bits of that trial run alone (no exponential
 * in its kernel): one vector per instance, a scalar loop over 3 lanes, and without the Vector API.
 */
class CadSpineTrialLanesTest {
    @ParameterizedTest(name = "Vector API {0}, vector of trials {1}")
    @CsvSource({"true, true", "true, false", "false, true"})
    void lanesGiveEachTrialItsBits(boolean simd, boolean vectorOfTrials) {
        int lanes = vectorOfTrials ? Simd.preferredLanes() : 3;
        TrialLanes.compare(new CadSpine(simd), new CadSpine(simd), lanes, true, Map.of("taur", 15.0), 0);
    }

    /**
     * Depth, taur and cainf the same in every trial, as a cell's are, and then one trial's raised between two steps
     * (the pool reads them at initialization, so that trial keeps its step's constants, as alone).
     */
    @ParameterizedTest
    @EnumSource(value = TrialLanes.Parameters.class, names = {"SAME", "SAME_THEN_ONE_TRIAL_CHANGED"})
    void parametersTheSameInEveryTrialGiveEachTrialItsBits(TrialLanes.Parameters how) {
        TrialLanes.compare(new CadSpine(true), new CadSpine(true), Simd.preferredLanes(), true,
                Map.of("taur", 15.0, "depth", 0.125, "cainf", 5e-7), 0, how);
    }
}
