package org.spineformer.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.spineformer.engine.simd.Simd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fused tree assembly and solve against dense Gaussian elimination on random trees with NEURON-like coefficients. */
class HinesSolverTest {
    /**
     * Both solvers are backward stable; on these well-conditioned, diagonally dominant systems their rounding
     * differences stay around 1e-14, so 1e-12 relative is a bound with room that still catches any wrong entry.
     */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * A random tree as the simulation hands it to the solver: membrane terms in d and rhs, capacitance (none on
     * zero-area nodes), axial coefficients scaled by NEURON's rule, and the present voltages.
     */
    private record TreeSystem(int n, int[] parent, double[] a, double[] b, double[] capacitance, double[] v,
                              double[] dMembrane, double[] rhsMembrane) {
        static TreeSystem random(int n, long seed) {
            Random r = new Random(seed);
            int[] parent = new int[n];
            parent[0] = -1;
            for (int i = 1; i < n; i++) {
                // mostly chains (cables), sometimes branches back to any earlier node
                parent[i] = r.nextInt(4) == 0 ? r.nextInt(i) : i - 1;
            }
            return withParents(parent, r);
        }

        /**
         * A random tree of {@code cable} nodes with {@code spines} spines stored as the cell stores them, level by
         * level: the necks (each on a random tree node), then the neck ends, then the heads, each level in spine
         * order, so that the neck ends and the heads form independent runs.
         */
        static TreeSystem spiny(int cable, int spines, long seed) {
            Random r = new Random(seed);
            int[] parent = new int[cable + 3 * spines];
            parent[0] = -1;
            for (int i = 1; i < cable; i++) {
                parent[i] = r.nextInt(4) == 0 ? r.nextInt(i) : i - 1;
            }
            for (int k = 0; k < spines; k++) {
                parent[cable + k] = r.nextInt(cable);
                parent[cable + spines + k] = cable + k;
                parent[cable + 2 * spines + k] = cable + spines + k;
            }
            return withParents(parent, r);
        }

        /** NEURON-like coefficients, voltages and membrane terms on a given tree. */
        static TreeSystem withParents(int[] parent, Random r) {
            int n = parent.length;
            double[] area = new double[n];
            double[] cap = new double[n];
            double[] a = new double[n];
            double[] b = new double[n];
            double[] v = new double[n];
            double[] d = new double[n];
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                boolean zeroArea = (i == 0 && n > 1) || (i > 0 && r.nextInt(5) == 0);
                area[i] = zeroArea ? 100 : 0.5 + 2000 * r.nextDouble();
                cap[i] = zeroArea ? 0 : (0.5 + r.nextDouble()) * 0.001 / 0.025;
                d[i] = zeroArea ? 0 : 1e-3 * r.nextDouble();
                rhs[i] = zeroArea ? 0 : 1e-2 * r.nextGaussian();
                v[i] = -70 + 10 * r.nextGaussian();
            }
            for (int i = 1; i < n; i++) {
                double rinv = 1.0 / (1e-3 + 10 * r.nextDouble());
                a[i] = -1e2 * rinv / area[parent[i]];
                b[i] = -1e2 * rinv / area[i];
            }
            return new TreeSystem(n, parent, a, b, cap, v, d, rhs);
        }

        /** The full matrix: membrane + capacitance + axial on the diagonal, b[i] at (i, parent), a[i] at (parent, i). */
        double[][] dense() {
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) {
                m[i][i] += dMembrane[i] + capacitance[i];
                if (i > 0) {
                    m[i][i] -= b[i];
                    m[parent[i]][parent[i]] -= a[i];
                    m[i][parent[i]] = b[i];
                    m[parent[i]][i] = a[i];
                }
            }
            return m;
        }

        /** The full right-hand side: membrane current plus axial currents from the present voltages. */
        double[] fullRhs() {
            double[] rhs = rhsMembrane.clone();
            for (int i = 1; i < n; i++) {
                double dv = v[parent[i]] - v[i];
                rhs[i] -= b[i] * dv;
                rhs[parent[i]] += a[i] * dv;
            }
            return rhs;
        }

        /** The voltage change the tree solver computes. */
        double[] hines() {
            return hines(new HinesSolver(parent, n));
        }

        /** The voltage change a given solver of this tree computes. */
        double[] hines(HinesSolver solver) {
            double[] vNew = v.clone();
            solver.step(a, b, capacitance, vNew, dMembrane.clone(), rhsMembrane.clone());
            double[] dv = new double[n];
            for (int i = 0; i < n; i++) {
                dv[i] = vNew[i] - v[i];
            }
            return dv;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 57, 300, 1200})
    void equalsDenseSolve(int n) {
        TreeSystem sys = TreeSystem.random(n, 1000L + n);
        double[] dense = gauss(sys.dense(), sys.fullRhs());
        double[] hines = sys.hines();
        assertThat(maxRelativeDifference(dense, hines)).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    /** Spiny trees too: the vector lanes take the independent runs (neck ends and heads), all else is scalar. */
    @ParameterizedTest
    @ValueSource(ints = {16, 37, 250})
    void spinyTreesEqualDenseSolve(int spines) {
        TreeSystem sys = TreeSystem.spiny(60, spines, 5L * spines);
        HinesSolver solver = new HinesSolver(sys.parent, sys.n, true);
        assertThat(solver.rowsInRuns()).as("neck ends and heads").isEqualTo(2 * spines);
        double[] dense = gauss(sys.dense(), sys.fullRhs());
        assertThat(maxRelativeDifference(dense, sys.hines(solver))).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    /** The lanes change the order of independent rows only, so they give the scalar sweep's bits. */
    @Test
    void lanesGiveTheScalarBits() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the lanes are what is compared").isTrue();
        TreeSystem sys = TreeSystem.spiny(500, 1003, 11);
        double[] lanes = sys.hines(new HinesSolver(sys.parent, sys.n, true));
        double[] scalar = sys.hines(new HinesSolver(sys.parent, sys.n, false));
        assertThat(lanes).isEqualTo(scalar);
    }

    /**
     * Runs need consecutive parents that all precede the run: a cable (each row its predecessor's child) is one
     * chain, not a run, and a run ends where a parent would fall inside it.
     */
    @Test
    void independentRunsNeedParentsBeforeThem() {
        int[] cable = new int[100];
        for (int i = 0; i < cable.length; i++) {
            cable[i] = i - 1;
        }
        assertThat(HinesSolver.independentRuns(cable, cable.length)).isEmpty();
        int[] twoLevels = new int[1 + 20 + 40];
        twoLevels[0] = -1;
        for (int i = 1; i < twoLevels.length; i++) {
            // rows 1..20 a cable, 21..40 hang from 1..20 (before them), 41..60 from 21..40
            twoLevels[i] = i <= 20 ? i - 1 : i - 20;
        }
        assertThat(HinesSolver.independentRuns(twoLevels, twoLevels.length)).containsExactly(21, 41, 41, 61);
    }

    /**
     * A branched tree stored level by level (as the height order stores one): each level's rows hang from random
     * rows of the level before, so siblings share parents and no two parents need be consecutive. Every level from
     * the third on is an independent level (none is a run), and the lanes give the scalar sweep's bits: the
     * siblings' terms reach their parent in the scalar order.
     */
    @Test
    void levelsGiveTheScalarBits() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the lanes are what is compared").isTrue();
        int[] sizes = {1, 3, 7, 20, 45, 101, 230};
        int[] parent = new int[java.util.Arrays.stream(sizes).sum()];
        Random r = new Random(29);
        parent[0] = -1;
        for (int level = 1, start = 1, previous = 0; level < sizes.length; level++) {
            for (int k = 0; k < sizes[level]; k++) {
                parent[start + k] = previous + r.nextInt(sizes[level - 1]);
            }
            previous = start;
            start += sizes[level];
        }
        TreeSystem sys = TreeSystem.withParents(parent, r);
        HinesSolver lanes = new HinesSolver(sys.parent, sys.n, true);
        assertThat(lanes.rowsInRuns()).isZero();
        assertThat(lanes.rowsInLevels()).as("the levels of 20 rows and more").isEqualTo(20 + 45 + 101 + 230);
        double[] scalar = sys.hines(new HinesSolver(sys.parent, sys.n, false));
        assertThat(sys.hines(lanes)).isEqualTo(scalar);
        double[] dense = gauss(sys.dense(), sys.fullRhs());
        assertThat(maxRelativeDifference(dense, scalar)).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    /**
     * Levels need every parent before the level: a cable has none, a level ends where a row's parent falls inside
     * it, runs are left to the runs, and a level shorter than {@link HinesSolver#MIN_RUN} stays scalar.
     */
    @Test
    void independentLevelsNeedParentsBeforeThem() {
        int[] cable = new int[100];
        for (int i = 0; i < cable.length; i++) {
            cable[i] = i - 1;
        }
        assertThat(HinesSolver.independentLevels(cable, cable.length, new int[0])).isEmpty();
        int[] tree = new int[1 + 20 + 40 + 10];
        tree[0] = -1;
        for (int i = 1; i < tree.length; i++) {
            // rows 1..20 from the root, 21..60 two on each of 1..20 (a level), 61..70 each on the row before it
            tree[i] = i <= 20 ? 0 : i <= 60 ? 1 + (i - 21) / 2 : i - 1;
        }
        assertThat(HinesSolver.independentRuns(tree, tree.length)).isEmpty();
        assertThat(HinesSolver.independentLevels(tree, tree.length, new int[0])).containsExactly(1, 21, 21, 61);
        assertThat(HinesSolver.independentLevels(tree, 21 + HinesSolver.MIN_RUN - 1, new int[0]))
                .as("the second level cut short of MIN_RUN rows").containsExactly(1, 21);
        assertThat(HinesSolver.independentLevels(tree, tree.length, new int[] {1, 21})).containsExactly(21, 61);
    }

    /**
     * Zero-area leaves that carry nothing (the end of every spine head) may be left out of the elimination: the
     * voltages agree with the full solve, and each leaf takes its parent's new voltage.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 50, 3000})
    void passThroughLeavesGiveTheFullSolution(int n) {
        TreeSystem tree = TreeSystem.random(n, 31L * n);
        int leaves = n / 2 + 1;
        int total = n + leaves;
        Random r = new Random(n);
        int[] parent = java.util.Arrays.copyOf(tree.parent, total);
        double[] a = java.util.Arrays.copyOf(tree.a, total);
        double[] b = java.util.Arrays.copyOf(tree.b, total);
        double[] cap = java.util.Arrays.copyOf(tree.capacitance, total);
        double[] v = java.util.Arrays.copyOf(tree.v, total);
        for (int i = n; i < total; i++) {
            parent[i] = r.nextInt(n);
            double rinv = 1.0 / (1e-3 + 10 * r.nextDouble());
            a[i] = -1e2 * rinv / 1000; // the parent's area does not matter here
            b[i] = -1e2 * rinv / 100;  // zero-area node: matrix area 100
            v[i] = v[parent[i]];       // as after initialization
        }
        double[] full = v.clone();
        double[] shortcut = v.clone();
        new HinesSolver(parent, total).step(a, b, cap, full, java.util.Arrays.copyOf(tree.dMembrane, total),
                java.util.Arrays.copyOf(tree.rhsMembrane, total));
        new HinesSolver(parent, n).step(a, b, cap, shortcut, java.util.Arrays.copyOf(tree.dMembrane, total),
                java.util.Arrays.copyOf(tree.rhsMembrane, total));
        double[] dvFull = new double[total];
        double[] dvShortcut = new double[total];
        for (int i = 0; i < total; i++) {
            dvFull[i] = full[i] - v[i];
            dvShortcut[i] = shortcut[i] - v[i];
        }
        assertThat(maxRelativeDifference(dvFull, dvShortcut)).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        for (int i = n; i < total; i++) {
            assertThat(shortcut[i]).isEqualTo(shortcut[parent[i]]);
        }
    }

    /**
     * A dense elimination of 10000 unknowns would take minutes, so for the large trees the dense matrix is applied
     * to the tree solution instead (row by row, without storing it): the residual must vanish to the same
     * relative precision.
     */
    @ParameterizedTest
    @ValueSource(ints = {5021, 10000})
    void largeTreesSolveTheDenseSystem(int n) {
        TreeSystem sys = TreeSystem.random(n, 7L * n);
        double[] x = sys.hines();
        double[] ax = new double[n];
        for (int i = 0; i < n; i++) {
            ax[i] += (sys.dMembrane[i] + sys.capacitance[i]) * x[i];
            if (i > 0) {
                int p = sys.parent[i];
                ax[i] += sys.b[i] * (x[p] - x[i]);
                ax[p] += sys.a[i] * (x[i] - x[p]);
            }
        }
        assertThat(maxRelativeDifference(sys.fullRhs(), ax)).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    private static double maxRelativeDifference(double[] expected, double[] actual) {
        double scale = 0, err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(expected[i] - actual[i]));
        }
        return err / scale;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] gauss(double[][] m, double[] rhs) {
        int n = rhs.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = rhs[col];
            rhs[col] = rhs[pivot];
            rhs[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0) {
                    for (int c = col; c < n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                    rhs[r] -= f * rhs[col];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = rhs[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
