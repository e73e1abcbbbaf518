package org.spineformer.mechanisms.synapse;

/**
 * The INITIAL-block arithmetic shared by the double-exponential synapses (Ellwood_NMDA.mod,
 * Ellwood_AMPA_with_Ca.mod): a rise state decaying with tau1 subtracted from a decay state with tau2, each event
 * adding weight * factor to both so that the peak of their difference equals the weight.
 */
final class DoubleExponential {
    private DoubleExponential() {
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
