package org.spineformer.mechanisms.synapse;

/**
 * The INITIAL-block arithmetic shared by the double-exponential synapses (Ellwood_NMDA.mod,
 * Ellwood_AMPA_with_Ca.mod): a rise state decaying with tau1 subtracted from a decay state with tau2, each event
 * adding weight * factor to both so that the peak of their difference equals the weight.
 */
final class DoubleExponential {
    /**
     * A conductance state smaller than this in magnitude is set to exactly 0 ({@link #flushed}). Decaying without
     * events, the states would otherwise sink into the subnormal range (AMPA's 0.34 ms component after ~240 ms),
     * where x86 arithmetic is ~100 times slower, and would never reach the exact 0 that lets a synapse skip its
     * current.
     *
     * <p>Why 1e-40 is negligible: it is 1e-37 of what one event of the paper's weights puts into a state (~1e-3 for
     * NMDA, ~1e-2 for AMPA). Its current, at most gmax * 8 (AMPA's largest potentiation) * 200 mV * 1e-40, is below
     * 2e-37 nA for any gmax up to 1 uS (the paper's are 0.002 and 0.05 uS). In the smallest compartment a synapse
     * sits on, a 0.8 um2 spine head, that moves v by less than 1e-33 mV per step (the membrane capacitance alone
     * gives 0.04 S/cm2 at dt = 0.025 ms), and by less than 1e-30 mV over the state's whole remaining decay (tau2 /
     * dt < 1100 steps for NMDA): a double near -70 mV resolves 1.4e-14 mV, 16 orders more.
     */
    static final double NEGLIGIBLE = 1e-40;

    private DoubleExponential() {
    }

    /** x, or exactly 0 when |x| < {@link #NEGLIGIBLE}. */
    static double flushed(double x) {
        return Math.abs(x) < NEGLIGIBLE ? 0 : x;
    }

    /** tau1 as INITIAL leaves it: pulled just below tau2 when tau1/tau2 > 0.9999, so that tau1 < tau2. */
    static double guardedTau1(double tau1, double tau2) {
        return tau1 / tau2 > .9999 ? .9999 * tau2 : tau1;
    }

    /** The event normalisation 1/(exp(-tp/tau2) - exp(-tp/tau1)), tp the time of the peak; needs tau1 < tau2. */
    static double factor(double tau1, double tau2) {
        double tp = (tau1 * tau2) / (tau2 - tau1) * Math.log(tau2 / tau1);
        return 1 / (-Math.exp(-tp / tau1) + Math.exp(-tp / tau2));
    }

    /** The fraction of x that one cnexp step of x' = -x/tau removes: x becomes x - fraction * x. */
    static double decayFraction(double dt, double tau) {
        return 1 - Math.exp(-dt / tau);
    }
}
