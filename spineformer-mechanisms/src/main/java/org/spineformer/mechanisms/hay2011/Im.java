package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;
import static org.spineformer.mechanisms.simd.Vectors.cnexp;
import static org.spineformer.mechanisms.simd.Vectors.exp;

import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;

/**
 * Muscarinic (M-type) potassium current of Hay et al. (2011), after Adams et al. (1982), from HayEtAl_2011_Im.mod:
 * ik = gImbar m (v - ek), m integrated with cnexp. The rates are scaled by a fixed qt = 2.3^((34-21)/10), whatever
 * the temperature.
 *
 * <p>The two exponentials are one and its reciprocal, and the time constant is kept as its inverse, the rate: the
 * mod file's values to rounding, with one exponential per function instead of two (the vector kernel computes it
 * once for both). Tables, lanes and the state update as in {@link OneGatePotassium}.
 */
public final class Im extends OneGatePotassium {
    private static final double QT = Math.pow(2.3, (34 - 21) / 10.0);

    public Im() {
        this(Simd.enabled());
    }

    /** With the vector kernels ({@code simd}: needs jdk.incubator.vector) or the scalar ones only. */
    Im(boolean simd) {
        super("Im", "M-type K current (Hay et al. 2011)", "gImbar", simd);
    }

    /** The type of the paper's HayEtAl_2011_Im.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 37;
    }

    @Override
    double steadyState(double v) {
        double e = StrictExp.exp(2.5 * 0.04 * (v + 35));
        double mAlpha = 3.3e-3 * e;
        double mBeta = 3.3e-3 / e;
        return mAlpha / (mAlpha + mBeta);
    }

    @Override
    double rate(double v) {
        double e = StrictExp.exp(2.5 * 0.04 * (v + 35));
        double mAlpha = 3.3e-3 * e;
        double mBeta = 3.3e-3 / e;
        return (mAlpha + mBeta) * QT;
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
            DoubleVector e = exp(vk.add(35).mul(2.5 * 0.04));
            DoubleVector mAlpha = e.mul(3.3e-3);
            DoubleVector mBeta = DoubleVector.broadcast(SPECIES, 3.3e-3).div(e);
            DoubleVector mInf = mAlpha.div(mAlpha.add(mBeta));
            DoubleVector mRate = mAlpha.add(mBeta).mul(QT);
            cnexp(m, k, mInf, mRate, dt);
        }
    }
}
