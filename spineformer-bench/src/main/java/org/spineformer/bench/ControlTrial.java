package org.spineformer.bench;

import org.spineformer.cell.CellParameters;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.cell.replay.BundledStimuli;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.engine.Simulation;

/** The benchmarks' workload: the paper's cell under the bundled control_1s stimulus. */
final class ControlTrial {
    private ControlTrial() {
    }

    /**
     * The trial run for {@code ms}: after 300 ms synapses, calcium and the Hay channels are all active, but a third
     * of the synapses hold a conductance; from about 500 ms to the end nearly all of them do.
     */
    static Simulation after(double ms) {
        CellParameters params = CellParameters.paper();
        Stimulus stim = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, params.spineCount());
        PyramidalCell cell = PyramidalCell.build(params.withPotentiationThreshold(stim.threshold()));
        for (int k = 0; k < stim.pre().length; k++) {
            if (stim.pre()[k].length > 0) {
                cell.addPresynapticSpikes(k, stim.pre()[k]);
            }
        }
        for (double t : stim.post()) {
            cell.addSomaticPulse(t, stim.pulseAmpNa(), stim.pulseDurMs());
        }
        Simulation sim = cell.simulation(stim.dtMs(), stim.celsius());
        sim.initialize(stim.vInitMv());
        sim.run(ms);
        return sim;
    }

    /** As {@link #after(double)} with {@code lanes} copies of the trial as trials in lanes. */
    static Simulation afterInLanes(double ms, int lanes) {
        return afterInLanes(ms, lanes, 0);
    }

    /**
     * As {@link #afterInLanes(double, int)}, lane l's presynaptic spikes {@code l * shiftMs} later than the trial's:
     * with a shift the lanes are different trials (their potentials and synapses' states differ, as in an
     * experiment's lanes), not copies.
     */
    static Simulation afterInLanes(double ms, int lanes, double shiftMs) {
        CellParameters params = CellParameters.paper();
        Stimulus stim = BundledStimuli.load(BundledStimuli.CONTROL_FAILED, params.spineCount());
        PyramidalCell cell = PyramidalCell.build(params.withPotentiationThreshold(stim.threshold()));
        for (int k = 0; k < stim.pre().length; k++) {
            if (stim.pre()[k].length > 0) {
                cell.addPresynapticSpikes(k, shifted(stim.pre()[k], lanes, shiftMs));
            }
        }
        cell.addSomaticPulses(copies(stim.post(), lanes), stim.pulseAmpNa(), stim.pulseDurMs());
        Simulation sim = cell.simulation(stim.dtMs(), stim.celsius(), lanes);
        sim.initialize(stim.vInitMv());
        sim.run(ms);
        return sim;
    }

    private static double[][] shifted(double[] times, int lanes, double shiftMs) {
        double[][] perLane = new double[lanes][];
        for (int l = 0; l < lanes; l++) {
            perLane[l] = times.clone();
            for (int i = 0; i < times.length; i++) {
                perLane[l][i] += l * shiftMs;
            }
        }
        return perLane;
    }

    private static double[][] copies(double[] times, int lanes) {
        double[][] perLane = new double[lanes][];
        java.util.Arrays.fill(perLane, times);
        return perLane;
    }
}
