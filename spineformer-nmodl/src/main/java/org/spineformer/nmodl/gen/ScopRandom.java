package org.spineformer.nmodl.gen;

import org.spineformer.engine.mech.CellState;

/**
 * NMODL's random functions as NEURON 8.2.2 has them by default ({@code use_mcell_ran4} off): {@code scop_random()},
 * a linear congruential generator on 32 bits (src/oc/scoprand.cpp: value = 2147437301 value + 453816981 mod 2^32,
 * returned as value / (2^32 - 1)), {@code set_seed(x)} (value = (uint32_t) x), and scopmath's {@code exprand(mean)}
 * (-mean log(scop_random())) and {@code normrand(mean, sd)} (the polar method of normrand.c). NEURON's state is one
 * for the process; here one per trial ({@link CellState#scopRandom}, per lane), which every compiled mechanism of
 * the trial draws from in call order, starting at 1 in each new simulation (NEURON's goes on from run to run).
 */
public final class ScopRandom {
    private static final int A = 2147437301;
    private static final int C = 453816981;
    /** NEURON's m = ~0 of a uint32_t. */
    private static final double M = 4294967295.0;

    private ScopRandom() {
    }

    /** {@code scop_random()}: the next number of the trial's stream, in [0, 1]. */
    public static double random(CellState s, int lane) {
        int value = A * s.scopRandom[lane] + C;
        s.scopRandom[lane] = value;
        return Math.abs(Integer.toUnsignedLong(value) / M);
    }

    /** {@code set_seed(seed)}: the stream restarts from (uint32_t) seed; 0 as the value of the call. */
    public static double setSeed(CellState s, int lane, double seed) {
        s.scopRandom[lane] = (int) (long) seed;
        return 0;
    }

    /** {@code exprand(mean)}: exponentially distributed with this mean. */
    public static double exprand(CellState s, int lane, double mean) {
        return -mean * Math.log(random(s, lane));
    }

    /** {@code normrand(mean, sd)}: normally distributed, by the polar method as scopmath's normrand.c. */
    public static double normrand(CellState s, int lane, double mean, double sd) {
        double sum = 1.0;
        double v1 = 0;
        double v2;
        while (sum >= 1.0) {
            v1 = 2.0 * random(s, lane) - 1.0;
            v2 = 2.0 * random(s, lane) - 1.0;
            sum = v1 * v1 + v2 * v2;
        }
        v2 = v1 * Math.sqrt(-2.0 * Math.log(sum) / sum);
        return v2 * sd + mean;
    }
}
