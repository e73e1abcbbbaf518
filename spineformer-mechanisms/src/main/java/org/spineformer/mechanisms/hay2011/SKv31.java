package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.cnexp;
import static org.spineformer.mechanisms.simd.Vectors.exp;
import static org.spineformer.mechanisms.simd.Vectors.inverse;

import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;

/**
 * Shaw-related (Kv3.1) potassium current of Hay et al. (2011), from HayEtAl_2011_SKv3_1.mod:
 * ik = gSKv3_1bar m (v - ek), m integrated with cnexp. No temperature dependence.
 *
 * <p>The time constant is kept as its inverse, the rate: the mod file's values to rounding, with one division
 * fewer. Tables, lanes and the state update as in {@link OneGatePotassium}.
 */
public final class SKv31 extends OneGatePotassium {
    public SKv31() {
        this(Simd.enabled());
    }

    /** With the vector kernels ({@code simd}: needs jdk.incubator.vector) or the scalar ones only. */
    SKv31(boolean simd) {
        super("SKv3_1", "Kv3.1 (Shaw) K current (Hay et al. 2011)", "gSKv3_1bar", simd);
    }

    /** The type of the paper's HayEtAl_2011_SKv3_1.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 39;
    }

    @Override
    double steadyState(double v) {
        return 1 / (1 + StrictExp.exp((v - 18.700) / -9.700));
    }

    /** 1 / mtau, mtau = 0.2 * 20.000 / (1 + exp((v - -46.560) / -44.140)). */
    @Override
    double rate(double v) {
        return (1 + StrictExp.exp((v - -46.560) / -44.140)) / (0.2 * 20.000);
    }

    @Override
    int advanceInLanes(double[] v, double dt, double[] m) {
        return Lanes.advance(v, dt, m);
    }

    @Override
    void advanceTrialsInLanes(double[] v, int[] node, double dt, double[] m) {
        Lanes.advanceTrials(v, node, dt, m);
    }

    /** {@link #advanceInLanes} and {@link #advanceTrialsInLanes}; loaded only when {@link Simd#enabled()}. */
    private static final class Lanes {
        static int advance(double[] v, double dt, double[] m) {
            int n = SPECIES.loopBound(m.length);
            for (int k = 0; k < n; k += SPECIES.length()) {
                advance(v, k, dt, m, k);
            }
            return n;
        }

        static void advanceTrials(double[] v, int[] node, double dt, double[] m) {
            for (int k = 0; k < node.length; k++) {
                advance(v, node[k] * SPECIES.length(), dt, m, k * SPECIES.length());
            }
        }

        /** One vector of m at {@code k}, at the potentials at {@code v[at]}. */
        private static void advance(double[] v, int at, double dt, double[] m, int k) {
            DoubleVector vk = DoubleVector.fromArray(SPECIES, v, at);
            DoubleVector mInf = inverse(exp(vk.sub(18.700).div(-9.700)).add(1));
            DoubleVector mRate = exp(vk.sub(-46.560).div(-44.140)).add(1).div(0.2 * 20.000);
            cnexp(m, k, mInf, mRate, dt);
        }
    }
}
