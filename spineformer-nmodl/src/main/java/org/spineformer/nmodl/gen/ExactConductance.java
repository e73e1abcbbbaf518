package org.spineformer.nmodl.gen;

/**
 * A generated block's choice, where the mechanism's current is affine in v (AffineCurrent), between its exact slope
 * (one evaluation of the BREAKPOINT per instance and step, the default) and NEURON's numerical di/dv, (i(v + 0.001) -
 * i(v))/0.001 with two evaluations, which gives nocmodl's bits. The two differ by the rounding of the difference
 * quotient (docs/dev/nmodl.md, "The conductance without the second evaluation"); currents, states and every other
 * variable are the same either way. Blocks whose current is not affine always take the numerical form.
 */
public interface ExactConductance {
    /**
     * The system property that turns the exact slope off ({@code false}) in every block made after it is set:
     * {@code -Dspineformer.nmodl.exactConductance=false} gives NEURON's numerical di/dv, bit for bit.
     */
    String PROPERTY = "spineformer.nmodl.exactConductance";

    /** Exact slope (true) or NEURON's numerical di/dv (false); ignored where the current is not affine. */
    void setExactConductance(boolean on);

    /** Whether the mechanism's current is affine in v, so that its block can take the exact slope. */
    boolean affineCurrent();
}
