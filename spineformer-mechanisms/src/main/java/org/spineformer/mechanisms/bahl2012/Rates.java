package org.spineformer.mechanisms.bahl2012;

/** Pieces of rate arithmetic shared by the Bahl et al. (2012) channels. */
final class Rates {
    /**
     * Below this |x/q| the linoid's removable 0/0 is replaced by its Taylor expansion q (1 + x/2q), whose error
     * (q (x/q)^2 / 12) is below 1e-13 relative there; above it, 1 - exp(-x/q) loses at most 1e-10 relative to
     * cancellation, so both branches meet continuously.
     */
    private static final double LINOID_SMALL = 1e-6;

    private Rates() {
    }

    /**
     * x / (1 - exp(-x/q)), the "linoid" rate shape of Hodgkin-Huxley channels, finite and continuous through its
     * removable singularity at x = 0 (limit q). Away from 0 it is the mod files' expression itself, so it gives
     * NEURON's values there.
     */
    static double linoid(double x, double q) {
        double u = x / q;
        if (Math.abs(u) < LINOID_SMALL) {
            return q * (1 + 0.5 * u);
        }
        return x / (1 - Math.exp(-u));
    }

    /** NEURON's temperature factor q10^((celsius - temp) / 10). */
    static double q10Factor(double q10, double celsius, double temp) {
        return Math.pow(q10, (celsius - temp) / 10);
    }

    /** One cnexp step of x' = (xinf - x) / tau: exact over dt when xinf and tau are constant in the step. */
    static double relax(double x, double xinf, double tau, double dt) {
        return x + (1 - Math.exp(-dt / tau)) * (xinf - x);
    }
}
