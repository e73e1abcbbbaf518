package org.spineformer.engine.solve;

/**
 * One backward-Euler voltage update on a tree in O(n): NEURON's matrix assembly (capacitance and axial terms,
 * {@code nrn_lhs}/{@code nrn_rhs}) fused with its elimination (triang/bksub) and the update v += dv.
 *
 * <p>Row i holds {@code d[i]} on the diagonal and {@code b[i]} in the column of its parent; the parent's row holds
 * {@code a[i]} in column i. Nodes are numbered so that {@code parent[i] < i}; node 0 is the root.
 *
 * <p>Elimination order: a node can be eliminated once all its children are, so any order that puts children
 * before parents gives the same solution (up to the order in which a parent's children's terms are summed). The
 * solver eliminates the nodes grouped by height (distance to the deepest leaf below), lowest first. Nodes of
 * the same height never depend on each other, so the processor overlaps their divisions: in the paper's cell the
 * six tuft branches are eliminated side by side instead of as one chain of 1500 dependent divisions. Storage
 * order is left to the caller, so mechanisms keep their nodes contiguous.
 */
public final class HinesSolver {
    private final int n;
    private final int passThrough;
    private final int[] parent;
    /** Nodes 1 .. passThrough - 1, children before parents, grouped by height. */
    private final int[] elimination;

    /**
     * Nodes from {@code passThrough} on must be zero-area leaves with no membrane or electrode current: such a
     * row only says that no current flows through the leaf, so it adds nothing to its parent's row (exactly, up to
     * rounding) and its new voltage is its parent's. They are skipped in the elimination and copied after it.
     * Pass {@code parent.length} to solve every row.
     */
    public HinesSolver(int[] parent, int passThrough) {
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
        this.elimination = byHeight(parent, passThrough);
    }

    /** Nodes 1 .. m - 1 by ascending height; within a height, by descending index (the natural sweep's order). */
    private static int[] byHeight(int[] parent, int m) {
        int[] height = new int[m];
        int tallest = 0;
        for (int i = m - 1; i > 0; i--) {
            height[parent[i]] = Math.max(height[parent[i]], height[i] + 1);
        }
        for (int i = 1; i < m; i++) {
            tallest = Math.max(tallest, height[i]);
        }
        int[] start = new int[tallest + 2];
        for (int i = 1; i < m; i++) {
            start[height[i] + 1]++;
        }
        for (int h = 1; h <= tallest + 1; h++) {
            start[h] += start[h - 1];
        }
        int[] order = new int[m - 1];
        for (int i = m - 1; i > 0; i--) {
            order[start[height[i]]++] = i;
        }
        return order;
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
        int[] order = elimination;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
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
        rhs[0] /= d[0] + capacitance[0];
        v[0] += rhs[0];
        for (int k = order.length - 1; k >= 0; k--) {
            int i = order[k];
            double x = (rhs[i] - b[i] * rhs[parent[i]]) * d[i];
            rhs[i] = x;
            v[i] += x;
        }
        for (int i = passThrough; i < n; i++) {
            int p = parent[i];
            rhs[i] = v[p] - v[i];
            v[i] = v[p];
        }
    }
}
