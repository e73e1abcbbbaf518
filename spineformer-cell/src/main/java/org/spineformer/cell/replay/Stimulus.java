package org.spineformer.cell.replay;

import java.util.List;

/**
 * An explicit stimulus for the paper's cell: presynaptic spike times per spine, somatic current pulses, the
 * potentiation setting, run settings and what to record. The JSON form is documented in
 * {@code docs/user/stimulus-format.md} and read by {@link StimulusReader}.
 *
 * @param vInitMv       initial membrane potential (mV)
 * @param tstopMs       end of the run (ms)
 * @param dtMs          fixed time step (ms)
 * @param celsius       temperature (degC)
 * @param threshold     AMPA potentiation threshold; +infinity when potentiation is off
 * @param pre           presynaptic spike times (ms) per spine in global spine order, each increasing
 * @param post          onsets (ms) of the somatic current pulses
 * @param pulseAmpNa    pulse amplitude (nA)
 * @param pulseDurMs    pulse duration (ms)
 * @param netconDelayMs delay from a presynaptic spike to its synapses (ms)
 * @param recordV       sections and locations whose v is recorded
 * @param recordSpines  spines whose head v, cai and Ca^4 integrals are recorded
 * @param saveEvery     traces keep every n-th step
 */
public record Stimulus(double vInitMv, double tstopMs, double dtMs, double celsius, double threshold,
                       double[][] pre, double[] post, double pulseAmpNa, double pulseDurMs, double netconDelayMs,
                       List<Location> recordV, int[] recordSpines, int saveEvery) {

    /** A point on a section, NEURON's {@code section(x)}. */
    public record Location(String section, double x) {
        @Override
        public String toString() {
            return section + "(" + x + ")";
        }
    }

    public boolean potentiation() {
        return threshold != Double.POSITIVE_INFINITY;
    }
}
