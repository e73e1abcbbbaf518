package org.spineformer.nmodl.gen;

/**
 * NEURON's C functions of ions that nocmodl lets a mod file call without declaring them (src/nrnoc/eion.cpp, NEURON
 * 8.2.2), with its default (modern) constants; the generated code calls them.
 */
public final class IonFunctions {
    /** eion.cpp's efun: x / (exp(x) - 1), and 1 - x/2 where |x| < 1e-4. */
    private static final double EFUN_SMALL = 1e-4;

    private IonFunctions() {
    }

    /**
     * {@code nrn_ghk(v, ci, co, z)}: the Goldman-Hodgkin-Katz flux's driving term (mA/cm2 per cm/s of
     * permeability, with v in mV and the concentrations in mM), as eion.cpp: {@code 0.001 z F (ci efun(-z v/ktf) -
     * co efun(z v/ktf))}, ktf = 1000 R (celsius + 273.15) / F.
     */
    public static double nrnGhk(double v, double ci, double co, double z, double celsius) {
        double ktf = 1000.0 * UnitConstants.GAS_CONSTANT * (celsius + 273.15) / UnitConstants.FARADAY;
        double temp = z * v / ktf;
        double eco = co * efun(temp);
        double eci = ci * efun(-temp);
        return 0.001 * z * UnitConstants.FARADAY * (eci - eco);
    }

    private static double efun(double x) {
        return Math.abs(x) < EFUN_SMALL ? 1.0 - x / 2.0 : x / (Math.exp(x) - 1.0);
    }
}
