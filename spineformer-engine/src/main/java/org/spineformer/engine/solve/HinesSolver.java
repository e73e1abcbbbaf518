package org.spineformer.engine.solve;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.simd.Simd;

/**
 * One backward-Euler voltage update on a tree in O(n): NEURON's matrix assembly (capacitance and axial terms,
 * {@code nrn_lhs}/{@code nrn_rhs}) fused with its elimination (triang/bksub) and the update v += dv.
 *
 * <p>Row i holds {@code d[i]} on the diagonal and {@code b[i]} in the column of its parent; the parent's row holds
 * {@code a[i]} in column i. Nodes are numbered so that {@code parent[i] < i}; node 0 is the root.
 *
 * <p>The backward sweep runs from the last node to the first. How fast it runs depends on the numbering: nodes
 * that follow each other in a chain (a parent right after its only child) form a chain of dependent divisions,
 * while a run of nodes that do not depend on each other lets the processor overlap them (see
 * {@link org.spineformer.engine.discrete.Discretization}'s height order).
 *
 * <p>Independent runs: rows [s, e) whose parents are consecutive (parent[i + 1] = parent[i] + 1) and all precede s
 * depend on nothing in the run, and each of their parents hears from one row of it, so the run can be eliminated
 * and substituted in any order with the same bits. With {@link Simd#enabled()} such runs (in the paper's cell the
 * 1500 spine heads and the 1500 neck ends, each level stored in spine order) go through vector lanes, one row a
 * lane, with the scalar loop's operations.
 */
public final class HinesSolver {
    /** Runs shorter than this stay scalar: too short to pay for leaving the scalar loop. */
    static final int MIN_RUN = 16;
    private final int n;
    private final int passThrough;
    private final int[] parent;
    /** The independent runs as (start, end) pairs, in ascending order; empty without vector lanes. */
    private final int[] runs;

    /**
     * Nodes from {@code passThrough} on must be zero-area leaves with no membrane or electrode current: such a
     * row only says that no current flows through the leaf, so it adds nothing to its parent's row (exactly, up to
     * rounding) and its new voltage is its parent's. They are skipped in the elimination and copied after it.
     * Pass {@code parent.length} to solve every row.
     */
    public HinesSolver(int[] parent, int passThrough) {
        this(parent, passThrough, Simd.enabled());
    }

    /** With the independent runs in vector lanes ({@code lanes}: needs jdk.incubator.vector) or all scalar. */
    HinesSolver(int[] parent, int passThrough, boolean lanes) {
        this.n = parent.length;
        if (passThrough < 1 || passThrough > n) {
            throw new IllegalArgumentException("passThrough must be in [1, " + n + "], was " + passThrough);
        }
        for (int i = 1; i < n; i++) {
            if (parent[i] < 0 || parent[i] >= i) {
                throw new IllegalArgumentException("node " + i + " has parent " + parent[i] + ": parents must precede");
            }
        }
        this.passThrough = passThrough;
        this.parent = parent.clone();
        this.runs = lanes ? independentRuns(parent, passThrough) : new int[0];
    }

    /** The maximal independent runs of at least {@link #MIN_RUN} rows among rows 1 .. passThrough - 1. */
    static int[] independentRuns(int[] parent, int passThrough) {
        int[] runs = new int[passThrough];
        int count = 0;
        for (int start = 1, end; start < passThrough; start = end) {
            end = start + 1;
            while (end < passThrough && parent[end] == parent[end - 1] + 1 && parent[end] < start) {
                end++;
            }
            if (end - start >= MIN_RUN) {
                runs[count++] = start;
                runs[count++] = end;
            }
        }
        return Arrays.copyOf(runs, count);
    }

    /** The rows that go through vector lanes (in independent runs). */
    int rowsInRuns() {
        int rows = 0;
        for (int r = 0; r < runs.length; r += 2) {
            rows += runs[r + 1] - runs[r];
        }
        return rows;
    }

    /**
     * Completes the system whose membrane terms are already in {@code d} (S/cm2) and {@code rhs} (mA/cm2), solves
     * it, and adds the solution to {@code v}. {@code d} and {@code rhs} are overwritten (on return {@code d} holds
     * the reciprocals of the eliminated diagonal, so the back substitution multiplies instead of dividing, and
     * {@code rhs} holds the voltage change in mV).
     *
     * @param a           each node's term in its parent's row (S/cm2)
     * @param b           the parent's term in each node's row (S/cm2)
     * @param capacitance cm/dt per node (S/cm2), 0 for zero-area nodes
     */
    public void step(double[] a, double[] b, double[] capacitance, double[] v, double[] d, double[] rhs) {
        int top = passThrough;
        for (int r = runs.length - 2; r >= 0; r -= 2) {
            int start = runs[r], end = runs[r + 1];
            eliminate(end, top, a, b, capacitance, v, d, rhs);
            int done = Lanes.eliminate(start, end, start - parent[start], a, b, capacitance, v, d, rhs);
            eliminate(done, end, a, b, capacitance, v, d, rhs);
            top = start;
        }
        eliminate(1, top, a, b, capacitance, v, d, rhs);
        rhs[0] /= d[0] + capacitance[0];
        v[0] += rhs[0];
        int bottom = 1;
        for (int r = 0; r < runs.length; r += 2) {
            int start = runs[r], end = runs[r + 1];
            substitute(bottom, start, b, v, d, rhs);
            int done = Lanes.substitute(start, end, start - parent[start], b, v, d, rhs);
            substitute(done, end, b, v, d, rhs);
            bottom = end;
        }
        substitute(bottom, passThrough, b, v, d, rhs);
        for (int i = passThrough; i < n; i++) {
            int p = parent[i];
            rhs[i] = v[p] - v[i];
            v[i] = v[p];
        }
    }

    /** The backward sweep over rows [from, to), last row first: each row's terms folded into its parent's. */
    private void eliminate(int from, int to, double[] a, double[] b, double[] capacitance, double[] v, double[] d,
                           double[] rhs) {
        for (int i = to - 1; i >= from; i--) {
            int p = parent[i];
            double ai = a[i], bi = b[i];
            double dv = v[p] - v[i];
            double inverse = 1.0 / (d[i] + capacitance[i] - bi);
            double ri = rhs[i] - bi * dv;
            double f = ai * inverse;
            d[p] -= ai + f * bi;
            rhs[p] += ai * dv - f * ri;
            d[i] = inverse;
            rhs[i] = ri;
        }
    }

    /** The forward substitution over rows [from, to): each row's change from its parent's. */
    private void substitute(int from, int to, double[] b, double[] v, double[] d, double[] rhs) {
        for (int i = from; i < to; i++) {
            double x = (rhs[i] - b[i] * rhs[parent[i]]) * d[i];
            rhs[i] = x;
            v[i] += x;
        }
    }

    /**
     * {@link #eliminate} and {@link #substitute} over an independent run in vector lanes, whole vectors from its
     * start, its parents {@code offset} rows before it: the scalar loops' operations, so their bits. Loaded only
     * when {@link Simd#enabled()} (the solver has no runs otherwise, and never calls it).
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

        /** Eliminates rows from {@code start} in whole vectors within [start, end); returns the first not done. */
        static int eliminate(int start, int end, int offset, double[] a, double[] b, double[] capacitance,
                             double[] v, double[] d, double[] rhs) {
            int k = start;
            for (; k + SPECIES.length() <= end; k += SPECIES.length()) {
                int p = k - offset;
                DoubleVector ai = DoubleVector.fromArray(SPECIES, a, k);
                DoubleVector bi = DoubleVector.fromArray(SPECIES, b, k);
                DoubleVector dv = DoubleVector.fromArray(SPECIES, v, p).sub(DoubleVector.fromArray(SPECIES, v, k));
                DoubleVector inverse = DoubleVector.broadcast(SPECIES, 1.0).div(DoubleVector.fromArray(SPECIES, d, k)
                        .add(DoubleVector.fromArray(SPECIES, capacitance, k)).sub(bi));
                DoubleVector ri = DoubleVector.fromArray(SPECIES, rhs, k).sub(bi.mul(dv));
                DoubleVector f = ai.mul(inverse);
                DoubleVector.fromArray(SPECIES, d, p).sub(ai.add(f.mul(bi))).intoArray(d, p);
                DoubleVector.fromArray(SPECIES, rhs, p).add(ai.mul(dv).sub(f.mul(ri))).intoArray(rhs, p);
                inverse.intoArray(d, k);
                ri.intoArray(rhs, k);
            }
            return k;
        }

        /** Substitutes rows from {@code start} in whole vectors within [start, end); returns the first not done. */
        static int substitute(int start, int end, int offset, double[] b, double[] v, double[] d, double[] rhs) {
            int k = start;
            for (; k + SPECIES.length() <= end; k += SPECIES.length()) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, rhs, k)
                        .sub(DoubleVector.fromArray(SPECIES, b, k).mul(DoubleVector.fromArray(SPECIES, rhs, k - offset)))
                        .mul(DoubleVector.fromArray(SPECIES, d, k));
                x.intoArray(rhs, k);
                DoubleVector.fromArray(SPECIES, v, k).add(x).intoArray(v, k);
            }
            return k;
        }
    }
}
