package org.spineformer.engine.solve;

/**
 * Solves the tree-structured linear system of one backward-Euler step in O(n), NEURON's triang/bksub.
 *
 * <p>Row i holds {@code d[i]} on the diagonal and {@code b[i]} in the column of its parent; the parent's row holds
 * {@code a[i]} in column i. Nodes are ordered so that {@code parent[i] < i}; node 0 is the root.
 */
public final class HinesSolver {
    private HinesSolver() {
    }

    /** Solves in place: on return {@code rhs} holds the solution; {@code d} is overwritten. */
    public static void solve(int n, int[] parent, double[] a, double[] b, double[] d, double[] rhs) {
        for (int i = n - 1; i > 0; i--) {
            int p = parent[i];
            double f = a[i] / d[i];
            d[p] -= f * b[i];
            rhs[p] -= f * rhs[i];
        }
        rhs[0] /= d[0];
        for (int i = 1; i < n; i++) {
            rhs[i] -= b[i] * rhs[parent[i]];
            rhs[i] /= d[i];
        }
    }
}
