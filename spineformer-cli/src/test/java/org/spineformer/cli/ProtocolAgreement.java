package org.spineformer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far a run of ours is from NEURON's run of the same protocol, measured as issue 18's acceptance reads: the soma
 * spikes (count, largest time difference of spike i against NEURON's spike i) and, away from NEURON's spikes, the
 * largest voltage difference (mV) and the largest relative cai difference of the recorded columns.
 *
 * <p>"Away from spikes" leaves out every stored row within {@link #BEFORE_SPIKE_MS} before to {@link #AFTER_SPIKE_MS}
 * after a NEURON soma spike. A spike allowed to move by {@code SPIKE_TIME_MS} (0.05 ms) alone makes more than 0.5 mV
 * wherever v changes faster than 10 mV/ms, and more than 1% of cai wherever cai changes faster than 20 %/ms. Measured
 * on NEURON's 12 reference runs (every recorded v and cai, 0.1 ms rows): v changes that fast only from 0.65 ms before
 * to 4.8 ms after a soma spike peak (the latest: Hay's distal dendrite, reached by the backpropagating spike), cai
 * only from 0.25 to 3.05 ms after, apart from the stimulus edges, which do not move with the spikes and stay in. The
 * window covers those with a margin.
 */
record ProtocolAgreement(int spikes, int neuronSpikes, double maxSpikeTimeDifferenceMs, double maxVoltageDifferenceMv,
                         String worstVoltageAt, double maxCalciumRelativeDifference, String worstCalciumAt,
                         int rowsCompared, int rowsLeftOut) {
    /** Rows this long before a NEURON spike peak are not compared (ms); see the class comment. */
    static final double BEFORE_SPIKE_MS = 2;
    /** Rows this long after a NEURON spike peak are not compared (ms); see the class comment. */
    static final double AFTER_SPIKE_MS = 5;

    /**
     * Measures {@code ours} (spike times, and the stored rows of the same columns on the same time grid) against
     * {@code neuron}; {@code ourColumns} must hold every v and cai column NEURON recorded.
     */
    static ProtocolAgreement measure(List<Double> ourSpikesMs, Map<String, double[]> ourColumns,
                                     NeuronProtocolRun neuron) {
        List<Double> theirs = neuron.spikeTimesMs();
        double spikeDifference = 0;
        for (int i = 0; i < Math.min(ourSpikesMs.size(), theirs.size()); i++) {
            spikeDifference = Math.max(spikeDifference, Math.abs(ourSpikesMs.get(i) - theirs.get(i)));
        }
        double[] t = neuron.timeMs();
        boolean[] away = new boolean[t.length];
        int leftOut = 0;
        for (int r = 0; r < t.length; r++) {
            away[r] = true;
            for (double s : theirs) {
                if (t[r] >= s - BEFORE_SPIKE_MS && t[r] <= s + AFTER_SPIKE_MS) {
                    away[r] = false;
                    leftOut++;
                    break;
                }
            }
        }
        double voltage = 0;
        double calcium = 0;
        String voltageAt = "-";
        String calciumAt = "-";
        List<String> missing = new ArrayList<>();
        for (String column : neuron.voltageAndCalciumColumns()) {
            double[] ours = ourColumns.get(column);
            if (ours == null) {
                missing.add(column);
                continue;
            }
            double[] ref = neuron.columns().get(column);
            if (ours.length != ref.length) {
                throw new IllegalArgumentException(column + ": " + ours.length + " rows, NEURON " + ref.length);
            }
            boolean isVoltage = column.startsWith("v:");
            for (int r = 0; r < ref.length; r++) {
                if (!away[r]) {
                    continue;
                }
                double d = isVoltage ? Math.abs(ours[r] - ref[r]) : Math.abs(ours[r] - ref[r]) / Math.abs(ref[r]);
                // NaN counts as the worst difference
                if (isVoltage && !(d <= voltage)) {
                    voltage = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    voltageAt = column + " t = " + t[r];
                } else if (!isVoltage && !(d <= calcium)) {
                    calcium = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    calciumAt = column + " t = " + t[r];
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("our run did not record " + missing + "; it has " + ourColumns.keySet());
        }
        return new ProtocolAgreement(ourSpikesMs.size(), theirs.size(), spikeDifference, voltage, voltageAt, calcium,
                calciumAt, t.length - leftOut, leftOut);
    }
}
