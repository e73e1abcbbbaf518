package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.TrialLanes;

/**
 * The Hay channels with several trials in lanes give each trial the numbers of that trial run alone: with the
 * vector kernels (as many trials as a vector has lanes: one vector per instance), with a lane count that is not a
 * vector (the scalar loop over lanes) and without the Vector API.
 */
class HayTrialLanesTest {
    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void vectorLanesGiveEachTrialItsBits(String name) {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        report(name, "vector lanes, tables", TrialLanes.compare(channel(name, true), channel(name, true),
                Simd.preferredLanes(), true, conductance(name), 0).worst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void scalarLanesGiveEachTrialItsBits(String name) {
        report(name, "3 lanes, tables", TrialLanes.compare(channel(name, true), channel(name, true), 3, true,
                conductance(name), 0).worst());
        report(name, "no Vector API, tables", TrialLanes.compare(channel(name, false), channel(name, false),
                Simd.preferredLanes(), true, conductance(name), 0).worst());
        report(name, "no Vector API, exact", TrialLanes.compare(channel(name, false), channel(name, false),
                Simd.preferredLanes(), false, conductance(name), 0).worst());
    }

    /**
     * With exact rates (tables off) the state phase runs exponentials, in lanes VectorMath's and in the scalar code
     * StrictExp's: one set of bits, so every trial's bits whatever the lane count or the JIT's state.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void exactRatesInLanesGiveEachTrialItsBits(String name) {
        report(name, "vector lanes, exact", TrialLanes.compare(channel(name, true), channel(name, true),
                Simd.preferredLanes(), false, conductance(name), 0).worst());
        report(name, "3 lanes, exact", TrialLanes.compare(channel(name, true), channel(name, true), 3, false,
                conductance(name), 0).worst());
    }

    /**
     * The conductance and reversal potential the same in every trial, as a cell's are, and then one trial's raised
     * between two steps by {@code setParameter} for its lane: that trial's bits are those of the trial alone with
     * the same change, and the others' unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NaTa_t", "SKv3_1", "Im"})
    void parametersTheSameInEveryTrialGiveEachTrialItsBits(String name) {
        List<FieldSpec> fields = channel(name, false).fields();
        Map<String, Double> parameters = Map.of(fields.get(0).name(), 0.02, fields.get(1).name(),
                fields.get(1).defaultValue());
        for (TrialLanes.Parameters how : List.of(TrialLanes.Parameters.SAME,
                TrialLanes.Parameters.SAME_THEN_ONE_TRIAL_CHANGED)) {
            report(name, "vector lanes, tables, parameters " + how, TrialLanes.compare(channel(name, true),
                    channel(name, true), Simd.preferredLanes(), true, parameters, 0, how).worst());
        }
    }

    private static void report(String name, String how, double worst) {
        System.out.printf("%s, %s: largest relative difference %.3g%n", name, how, worst);
    }

    /** A conductance large enough to matter, different per trial and instance. */
    private static Map<String, Double> conductance(String name) {
        return Map.of(channel(name, false).fields().get(0).name(), 0.02);
    }

    private static Mechanism channel(String name, boolean simd) {
        Function<Boolean, Mechanism> make = switch (name) {
            case "NaTa_t" -> NaTaT::new;
            case "SKv3_1" -> SKv31::new;
            case "Im" -> Im::new;
            default -> throw new IllegalArgumentException(name);
        };
        return make.apply(simd);
    }
}
