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
 *
 * <p>Independent levels: rows [s, e) whose parents all precede s but are not consecutive (a height level of a
 * branched tree: Allen's dendrites, the paper's spine necks) are also independent of each other, but siblings among
 * them add to one parent row, in the scalar sweep's order (last row first). With {@link Simd#enabled()} such levels
 * go through vector lanes too, their parents' voltages and changes gathered, and each row's terms for its parent
 * kept and added afterwards, last row first, by the scalar loop: the same operations in the same order, so the same
 * bits.
 *
 * <p>Trials in lanes ({@link org.spineformer.engine.mech.CellState#lanes}): with L lanes the tree and its matrix
 * coefficients are shared, and {@code v}, {@code d}, {@code rhs} hold L trials per node ({@code [node * L + lane]}).
 * Each node's row is then done for all its lanes before the next row, every lane with the one-trial loop's
 * operations in the same order, so each trial gets the bits it gets alone. With {@link Simd#enabled()} and L equal to
 * {@link Simd#preferredLanes()} a node's lanes are one vector (contiguous loads, the coefficients broadcast).
 */
public final class HinesSolver {
    /** Runs shorter than this stay scalar: too short to pay for leaving the scalar loop. */
    static final int MIN_RUN = 16;
    private final int n;
    private final int lanes;
    private final int passThrough;
    private final int[] parent;
    /** The independent runs as (start, end) pairs, in ascending order; empty without vector lanes or with trials. */
    private final int[] runs;
    /**
     * The rows in vector lanes as (start, end, kind) triples in ascending order, kind {@link #RUN} or {@link #LEVEL};
     * empty without vector lanes or with trials.
     */
    private final int[] segments;
    private static final int RUN = 0;
    private static final int LEVEL = 1;
    /** For the levels: each row's terms for its parent's d and rhs, added after the level's lanes. */
    private final double[] toParentD;
    private final double[] toParentRhs;
    /** With trials in lanes: whether a node's lanes go through one vector. */
    private final boolean vectorTrials;

    /**
     * Nodes from {@code passThrough} on must be zero-area leaves with no membrane or electrode current: such a
     * row only says that no current flows through the leaf, so it adds nothing to its parent's row (exactly, up to
     * rounding) and its new voltage is its parent's. They are skipped in the elimination and copied after it.
     * Pass {@code parent.length} to solve every row.
     */
    public HinesSolver(int[] parent, int passThrough) {
        this(parent, passThrough, Simd.enabled());
    }

    /** A solver for {@code lanes} trials of the same tree (see the class comment). */
    public HinesSolver(int[] parent, int passThrough, int lanes) {
        this(parent, passThrough, lanes, Simd.enabled());
    }

    /** With the independent runs in vector lanes ({@code lanes}: needs jdk.incubator.vector) or all scalar. */
    HinesSolver(int[] parent, int passThrough, boolean lanes) {
        this(parent, passThrough, 1, lanes);
    }

    /** {@code trials} lanes; vectors ({@code vectors}: needs jdk.incubator.vector) or all scalar. */
    HinesSolver(int[] parent, int passThrough, int trials, boolean vectors) {
        if (trials < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + trials);
        }
        this.n = parent.length;
        this.lanes = trials;
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
        this.runs = vectors && trials == 1 ? independentRuns(parent, passThrough) : new int[0];
        int[] levels = vectors && trials == 1 ? independentLevels(parent, passThrough, runs) : new int[0];
        this.segments = segments(runs, levels);
        this.toParentD = new double[levels.length > 0 ? n : 0];
        this.toParentRhs = new double[levels.length > 0 ? n : 0];
        this.vectorTrials = vectors && trials > 1 && trials == Simd.preferredLanes();
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

    /**
     * Between the runs, the maximal levels of at least {@link #MIN_RUN} rows among rows 1 .. passThrough - 1: rows
     * [s, e) whose parents all precede s.
     */
    static int[] independentLevels(int[] parent, int passThrough, int[] runs) {
        int[] levels = new int[passThrough];
        int count = 0;
        int r = 0;
        for (int start = 1, end; start < passThrough; start = end) {
            if (r < runs.length && start == runs[r]) {
                end = runs[r + 1];
                r += 2;
                continue;
            }
            int limit = r < runs.length ? runs[r] : passThrough;
            end = start + 1;
            while (end < limit && parent[end] < start) {
                end++;
            }
            if (end - start >= MIN_RUN) {
                levels[count++] = start;
                levels[count++] = end;
            }
        }
        return Arrays.copyOf(levels, count);
    }

    /** The runs and the levels (each as (start, end) pairs, ascending, disjoint) as ascending (start, end, kind). */
    private static int[] segments(int[] runs, int[] levels) {
        int[] segments = new int[3 * (runs.length + levels.length) / 2];
        for (int r = 0, l = 0, s = 0; s < segments.length; s += 3) {
            boolean run = l >= levels.length || (r < runs.length && runs[r] < levels[l]);
            int[] from = run ? runs : levels;
            int at = run ? r : l;
            segments[s] = from[at];
            segments[s + 1] = from[at + 1];
            segments[s + 2] = run ? RUN : LEVEL;
            if (run) {
                r += 2;
            } else {
                l += 2;
            }
        }
        return segments;
    }

    /** The rows that go through vector lanes as levels (gathered). */
    int rowsInLevels() {
        int rows = 0;
        for (int s = 0; s < segments.length; s += 3) {
            rows += segments[s + 2] == LEVEL ? segments[s + 1] - segments[s] : 0;
        }
        return rows;
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
        if (lanes > 1) {
            if (vectorTrials) {
                Lanes.stepTrials(n, passThrough, parent, a, b, capacitance, v, d, rhs);
            } else {
                stepTrials(a, b, capacitance, v, d, rhs);
            }
            return;
        }
        int top = passThrough;
        for (int s = segments.length - 3; s >= 0; s -= 3) {
            int start = segments[s], end = segments[s + 1];
            eliminate(end, top, a, b, capacitance, v, d, rhs);
            if (segments[s + 2] == RUN) {
                int done = Lanes.eliminate(start, end, start - parent[start], a, b, capacitance, v, d, rhs);
                eliminate(done, end, a, b, capacitance, v, d, rhs);
            } else {
                int done = Levels.eliminate(start, end, parent, a, b, capacitance, v, d, rhs, toParentD, toParentRhs);
                eliminate(done, end, a, b, capacitance, v, d, rhs);
                // then the lanes' terms, last row first: siblings reach their parent in the scalar sweep's order
                for (int i = done - 1; i >= start; i--) {
                    int p = parent[i];
                    d[p] -= toParentD[i];
                    rhs[p] += toParentRhs[i];
                }
            }
            top = start;
        }
        eliminate(1, top, a, b, capacitance, v, d, rhs);
        rhs[0] /= d[0] + capacitance[0];
        v[0] += rhs[0];
        int bottom = 1;
        for (int s = 0; s < segments.length; s += 3) {
            int start = segments[s], end = segments[s + 1];
            substitute(bottom, start, b, v, d, rhs);
            int done = segments[s + 2] == RUN ? Lanes.substitute(start, end, start - parent[start], b, v, d, rhs)
                    : Levels.substitute(start, end, parent, b, v, d, rhs);
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

    /**
     * {@link #step} for L trials, scalar: each row's lanes in turn, every lane with the one-trial loops' operations.
     */
    private void stepTrials(double[] a, double[] b, double[] capacitance, double[] v, double[] d, double[] rhs) {
        int L = lanes;
        for (int i = passThrough - 1; i >= 1; i--) {
            int p = parent[i];
            double ai = a[i], bi = b[i], ci = capacitance[i];
            for (int l = 0, k = i * L, q = p * L; l < L; l++, k++, q++) {
                double dv = v[q] - v[k];
                double inverse = 1.0 / (d[k] + ci - bi);
                double ri = rhs[k] - bi * dv;
                double f = ai * inverse;
                d[q] -= ai + f * bi;
                rhs[q] += ai * dv - f * ri;
                d[k] = inverse;
                rhs[k] = ri;
            }
        }
        for (int l = 0; l < L; l++) {
            rhs[l] /= d[l] + capacitance[0];
            v[l] += rhs[l];
        }
        for (int i = 1; i < passThrough; i++) {
            double bi = b[i];
            for (int l = 0, k = i * L, q = parent[i] * L; l < L; l++, k++, q++) {
                double x = (rhs[k] - bi * rhs[q]) * d[k];
                rhs[k] = x;
                v[k] += x;
            }
        }
        for (int i = passThrough; i < n; i++) {
            for (int l = 0, k = i * L, q = parent[i] * L; l < L; l++, k++, q++) {
                rhs[k] = v[q] - v[k];
                v[k] = v[q];
            }
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
     * {@link #eliminate} and {@link #substitute} over an independent level in vector lanes, whole vectors from its
     * start, the parents' values gathered: the scalar loops' operations, so their bits. The elimination leaves each
     * row's terms for its parent in {@code toD} and {@code toRhs}, for the caller to add in the scalar order. Loaded
     * only when {@link Simd#enabled()}, as {@link Lanes}.
     */
    private static final class Levels {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

        /** Eliminates rows from {@code start} in whole vectors within [start, end); returns the first not done. */
        static int eliminate(int start, int end, int[] parent, double[] a, double[] b, double[] capacitance,
                             double[] v, double[] d, double[] rhs, double[] toD, double[] toRhs) {
            int k = start;
            for (; k + SPECIES.length() <= end; k += SPECIES.length()) {
                DoubleVector ai = DoubleVector.fromArray(SPECIES, a, k);
                DoubleVector bi = DoubleVector.fromArray(SPECIES, b, k);
                DoubleVector dv = DoubleVector.fromArray(SPECIES, v, 0, parent, k)
                        .sub(DoubleVector.fromArray(SPECIES, v, k));
                DoubleVector inverse = DoubleVector.broadcast(SPECIES, 1.0).div(DoubleVector.fromArray(SPECIES, d, k)
                        .add(DoubleVector.fromArray(SPECIES, capacitance, k)).sub(bi));
                DoubleVector ri = DoubleVector.fromArray(SPECIES, rhs, k).sub(bi.mul(dv));
                DoubleVector f = ai.mul(inverse);
                ai.add(f.mul(bi)).intoArray(toD, k);
                ai.mul(dv).sub(f.mul(ri)).intoArray(toRhs, k);
                inverse.intoArray(d, k);
                ri.intoArray(rhs, k);
            }
            return k;
        }

        /** Substitutes rows from {@code start} in whole vectors within [start, end); returns the first not done. */
        static int substitute(int start, int end, int[] parent, double[] b, double[] v, double[] d, double[] rhs) {
            int k = start;
            for (; k + SPECIES.length() <= end; k += SPECIES.length()) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, rhs, k)
                        .sub(DoubleVector.fromArray(SPECIES, b, k)
                                .mul(DoubleVector.fromArray(SPECIES, rhs, 0, parent, k)))
                        .mul(DoubleVector.fromArray(SPECIES, d, k));
                x.intoArray(rhs, k);
                DoubleVector.fromArray(SPECIES, v, k).add(x).intoArray(v, k);
            }
            return k;
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

        /**
         * {@link HinesSolver#stepTrials} with a node's L lanes as one vector of the preferred species (L its length):
         * the same operations per lane, the row's coefficients broadcast.
         */
        static void stepTrials(int n, int passThrough, int[] parent, double[] a, double[] b, double[] capacitance,
                               double[] v, double[] d, double[] rhs) {
            int L = SPECIES.length();
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            for (int i = passThrough - 1; i >= 1; i--) {
                int k = i * L, q = parent[i] * L;
                DoubleVector ai = DoubleVector.broadcast(SPECIES, a[i]);
                DoubleVector bi = DoubleVector.broadcast(SPECIES, b[i]);
                DoubleVector dv = DoubleVector.fromArray(SPECIES, v, q).sub(DoubleVector.fromArray(SPECIES, v, k));
                DoubleVector inverse = one.div(DoubleVector.fromArray(SPECIES, d, k).add(capacitance[i]).sub(bi));
                DoubleVector ri = DoubleVector.fromArray(SPECIES, rhs, k).sub(bi.mul(dv));
                DoubleVector f = ai.mul(inverse);
                DoubleVector.fromArray(SPECIES, d, q).sub(ai.add(f.mul(bi))).intoArray(d, q);
                DoubleVector.fromArray(SPECIES, rhs, q).add(ai.mul(dv).sub(f.mul(ri))).intoArray(rhs, q);
                inverse.intoArray(d, k);
                ri.intoArray(rhs, k);
            }
            DoubleVector root = DoubleVector.fromArray(SPECIES, rhs, 0)
                    .div(DoubleVector.fromArray(SPECIES, d, 0).add(capacitance[0]));
            root.intoArray(rhs, 0);
            DoubleVector.fromArray(SPECIES, v, 0).add(root).intoArray(v, 0);
            for (int i = 1; i < passThrough; i++) {
                int k = i * L;
                DoubleVector x = DoubleVector.fromArray(SPECIES, rhs, k)
                        .sub(DoubleVector.fromArray(SPECIES, rhs, parent[i] * L).mul(b[i]))
                        .mul(DoubleVector.fromArray(SPECIES, d, k));
                x.intoArray(rhs, k);
                DoubleVector.fromArray(SPECIES, v, k).add(x).intoArray(v, k);
            }
            for (int i = passThrough; i < n; i++) {
                int k = i * L;
                DoubleVector vp = DoubleVector.fromArray(SPECIES, v, parent[i] * L);
                vp.sub(DoubleVector.fromArray(SPECIES, v, k)).intoArray(rhs, k);
                vp.intoArray(v, k);
            }
        }
    }
}
