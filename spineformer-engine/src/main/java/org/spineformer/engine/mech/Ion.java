package org.spineformer.engine.mech;

import java.util.Arrays;

/**
 * An ion species as NEURON's ion mechanisms hold it, one entry per node: the total membrane current carried by
 * it (mA/cm2, summed over the mechanisms that write it, reset before every current phase) and the internal
 * concentration (mM, written by at most one concentration mechanism, read by others).
 */
public final class Ion {
    private final String name;
    private final double initialConcentrationMM;
    /** Total current of this ion at each node (mA/cm2, outward positive). */
    public final double[] current;
    /** Internal concentration at each node (mM). */
    public final double[] concentration;

    public Ion(String name, int nodes, double initialConcentrationMM) {
        this.name = name;
        this.initialConcentrationMM = initialConcentrationMM;
        this.current = new double[nodes];
        this.concentration = new double[nodes];
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

    public String name() {
        return name;
    }

    /** Back to the state before finitialize: concentrations at their default, no current. */
    public void reset() {
        Arrays.fill(concentration, initialConcentrationMM);
        Arrays.fill(current, 0);
    }
}
