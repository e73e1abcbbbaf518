package org.spineformer.engine.mech;

import java.util.Arrays;

/**
 * An ion species as NEURON's ion mechanisms hold it, one entry per node and lane ({@code [node * lanes + lane]},
 * {@link CellState#lanes}): the total membrane current carried by
 * it (mA/cm2, summed over the mechanisms that write it, reset before every current phase), the internal
 * concentration (mM, written by at most one concentration mechanism, read by others), the external concentration
 * (mM) and the reversal potential (mV, NEURON's {@code ena}, {@code ek} ..., read by mechanisms compiled from
 * {@code USEION x READ ex}).
 *
 * <p>The reversal potential starts at NEURON's default for the ion and, as NEURON's {@code ena} when no mechanism
 * reads or writes a concentration, stays what it is set to: {@link #reset()} leaves it alone. Mechanisms compiled
 * from NMODL that read a concentration recompute it by Nernst at initialization, and those that write one also
 * after each step (NEURON's ion_style). The paper's hand-written mechanisms take their reversal potentials as
 * parameters and do not read it.
 */
public final class Ion {
    private final String name;
    private final double initialConcentrationMM;
    /** Total current of this ion at each node and lane (mA/cm2, outward positive). */
    public final double[] current;
    /** Internal concentration at each node (mM). */
    public final double[] concentration;
    /** External concentration at each node (mM), NEURON's {@code nao}, {@code cao} ... */
    public final double[] outside;
    /** Reversal potential at each node (mV). */
    public final double[] reversal;
    /**
     * 0, or the ion's charge when a mechanism compiled from NMODL writes its concentration: then the reversal
     * potential follows the concentrations by Nernst at every current phase (NEURON's eadvance), recomputed by the
     * compiled mechanisms that read or write it.
     */
    public double nernstCharge;

    /** An ion with {@code entries} values per array: the state's nodes times its lanes. */
    public Ion(String name, int entries, double initialConcentrationMM) {
        this.name = name;
        this.initialConcentrationMM = initialConcentrationMM;
        this.current = new double[entries];
        this.concentration = new double[entries];
        this.outside = new double[entries];
        this.reversal = new double[entries];
        Arrays.fill(reversal, defaultReversalPotentialMV(name));
        reset();
    }

    /** NEURON's default internal concentrations (mM): cai0_ca_ion, nai0_na_ion, ki0_k_ion. */
    public static double defaultInternalConcentrationMM(String ion) {
        return switch (ion) {
            case "ca" -> 5e-5;
            case "na" -> 10;
            case "k" -> 54.4;
            default -> 1;
        };
    }

    /**
     * NEURON's default reversal potentials (mV), nrnoc/membdef.h: ena 115 + vrest = 50, ek -12 + vrest = -77,
     * eca 12.5 log(cao / cai) = 132.4579 at the default 2 and 5e-5 mM, 0 for any other ion.
     */
    public static double defaultReversalPotentialMV(String ion) {
        return switch (ion) {
            case "na" -> 50;
            case "k" -> -77;
            case "ca" -> 12.5 * Math.log(2 / 5e-5);
            default -> 0;
        };
    }

    public String name() {
        return name;
    }

    /** NEURON's default external concentrations (mM): nao0_na_ion 140, ko0_k_ion 2.5, cao0_ca_ion 2, else 1. */
    public static double defaultExternalConcentrationMM(String ion) {
        return switch (ion) {
            case "na" -> 140;
            case "k" -> 2.5;
            case "ca" -> 2;
            default -> 1;
        };
    }

    /** Back to the state before finitialize: concentrations at their default, no current. */
    public void reset() {
        Arrays.fill(concentration, initialConcentrationMM);
        Arrays.fill(outside, defaultExternalConcentrationMM(name));
        Arrays.fill(current, 0);
    }
}
