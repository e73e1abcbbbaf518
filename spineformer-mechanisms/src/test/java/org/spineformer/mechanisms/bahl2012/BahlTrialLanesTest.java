package org.spineformer.mechanisms.bahl2012;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.TrialLanes;

/**
 * The Bahl channels (scalar kernels, a loop over lanes inside the loop over instances) with several trials in
 * lanes give each trial the bits of that trial run alone, with NEURON's tables and with exact rates (the same
 * {@link Math#exp} calls in both), for a vector's number of trials and for 3.
 */
class BahlTrialLanesTest {
    static Stream<Arguments> channels() {
        return Stream.<Supplier<Mechanism>>of(Nat::new, Nap::new, Kfast::new, Kslow::new, Km::new, Ih::new)
                .flatMap(channel -> Stream.of(true, false).flatMap(tables -> Stream.of(
                        Arguments.of(channel.get().name(), channel, tables, Simd.preferredLanes()),
                        Arguments.of(channel.get().name(), channel, tables, 3))));
    }

    @ParameterizedTest(name = "{0}, tables {2}, {3} lanes")
    @MethodSource("channels")
    void lanesGiveEachTrialItsBits(String name, Supplier<Mechanism> channel, boolean tables, int lanes) {
        double worst = TrialLanes.compare(channel.get(), channel.get(), lanes, tables,
                Map.of("gbar", 100.0, "vshift", 2.0), 0).worst();
        System.out.printf("%s, tables %s, %d lanes: largest relative difference %.3g%n", name, tables, lanes, worst);
    }
}
