package org.spineformer.mechanisms;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spineformer.engine.mech.Pas;
import org.spineformer.engine.simd.Simd;

/**
 * The engine's leak with several trials in lanes, one vector per instance, gives each trial the bits of that trial
 * run alone: g and e per trial, the same in every trial, and one trial's changed between two steps.
 */
class PasTrialLanesTest {
    @ParameterizedTest
    @EnumSource(TrialLanes.Parameters.class)
    void lanesGiveEachTrialItsBits(TrialLanes.Parameters how) {
        TrialLanes.compare(new Pas(), new Pas(), Simd.preferredLanes(), true, Map.of("g", 1e-3, "e", -70.0), 0,
                how);
    }
}
