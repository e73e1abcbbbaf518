package org.spineformer.engine.solve;

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
 */
public final class HinesSolver {
    private final int n;
    private final int passThrough;
    private final int[] parent;
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
        for (int i = passThrough - 1; i > 0; i--) {
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
        for (int i = 1; i < passThrough; i++) {
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
