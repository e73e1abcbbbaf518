package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.cell.replay.BundledStimuli;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.simd.Simd;

/**
 * The paper's cell with several trials in lanes: each trial's numbers, step by step, are those of the same trial
 * run alone. The trials are the bundled control_1s stimuli 200 ms earlier (the presynaptic spikes of control_1s and
 * control_1s_b in turn, the somatic pulses of control_1s_b; the later pairs with every time shifted by 0.3 ms more),
 * run to {@value #RUN_MS} ms: a somatic pulse at 59 ms and the action potential it causes, then about 500
 * presynaptic spikes from 50 ms on, calcium and potentiation.
 */
class PyramidalCellLanesTest {
    /** Where the stimuli start: the bundled ones' first 250 ms have no input. */
    private static final double EARLIER_MS = 200;
    /** Long enough for presynaptic input, a somatic pulse and an action potential in every trial. */
    private static final double RUN_MS = 200;
    private static final String[] AMPA_COLUMNS = {"Aampa", "Gampa", "g_dynamic", "g_dynamic_delayed", "alpha", "i"};

    /**
     * 4 trials in lanes (the scalar loop over lanes where the preferred vector is not 4 doubles) and, where it is
     * not, as many as the preferred vector holds (the mechanisms' vector path for trials: 8 with AVX-512).
     */
    @Test
    void trialsInLanesGiveEachTrialItsBits() {
        int preferred = Simd.preferredLanes();
        compare(preferred > 1 && preferred != 4 ? new int[] {4, preferred} : new int[] {4});
    }

    /**
     * Steps blocks of trials in lanes (of each of the given lane counts, trials 0, 1, ...) and each trial alone in
     * lock-step (so that every kernel runs in the same JIT state in all) and compares, after every step, the
     * membrane potential of every node and, at the end, the AMPA synapses' states.
     */
    private static void compare(int... laneCounts) {
        CellParameters params = CellParameters.paper();
        int count = Arrays.stream(laneCounts).max().getAsInt();
        List<Stimulus> trials = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            trials.add(trial(t, params.spineCount()));
        }
        Stimulus first = trials.get(0);
        params = params.withPotentiationThreshold(first.threshold());
        List<Simulation> alone = new ArrayList<>();
        for (Stimulus trial : trials) {
            alone.add(cellOf(params, List.of(trial)).simulation(first.dtMs(), first.celsius()));
        }
        List<Simulation> inLanes = new ArrayList<>();
        for (int lanes : laneCounts) {
            inLanes.add(cellOf(params, trials.subList(0, lanes)).simulation(first.dtMs(), first.celsius(), lanes));
        }
        inLanes.forEach(sim -> sim.initialize(first.vInitMv()));
        alone.forEach(sim -> sim.initialize(first.vInitMv()));
        double[] vMax = new double[count];
        Arrays.fill(vMax, Double.NEGATIVE_INFINITY);
        long steps = 0;
        while (alone.get(0).t() < RUN_MS) {
            alone.forEach(Simulation::step);
            inLanes.forEach(Simulation::step);
            steps++;
            for (Simulation group : inLanes) {
                int lanes = group.state().lanes;
                double[] v = group.state().v;
                for (int lane = 0; lane < lanes; lane++) {
                    double[] expected = alone.get(lane).state().v;
                    for (int n = 0; n < expected.length; n++) {
                        double actual = v[n * lanes + lane];
                        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(expected[n])) {
                            assertThat(actual).as("v of node %d in trial %d of %d at step %d", n, lane, lanes, steps)
                                    .isEqualTo(expected[n]);
                        }
                        vMax[lane] = Math.max(vMax[lane], actual);
                    }
                }
            }
        }
        for (Simulation group : inLanes) {
            int lanes = group.state().lanes;
            double[] dynamic = group.block(PyramidalCell.PLASTIC_SYNAPSE).column("g_dynamic");
            assertThat(Arrays.stream(dynamic).max().getAsDouble()).as("calcium reached the synapses").isPositive();
            for (int lane = 0; lane < lanes; lane++) {
                for (String field : AMPA_COLUMNS) {
                    double[] all = group.block(PyramidalCell.PLASTIC_SYNAPSE).column(field);
                    double[] expected = alone.get(lane).block(PyramidalCell.PLASTIC_SYNAPSE).column(field);
                    for (int k = 0; k < expected.length; k++) {
                        assertThat(all[k * lanes + lane]).as("%s of synapse %d in trial %d of %d", field, k, lane,
                                lanes).isEqualTo(expected[k]);
                    }
                }
            }
        }
        for (int t = 0; t < count; t++) {
            assertThat(vMax[t]).as("trial %d fired action potentials", t).isGreaterThan(0);
        }
    }

    /**
     * Trial t: the presynaptic spikes of control_1s (even t) or control_1s_b (odd) and the somatic pulses of
     * control_1s_b (whose first is early), {@value #EARLIER_MS} ms earlier and shifted by 0.3 ms for each earlier
     * pair of trials.
     */
    private static Stimulus trial(int t, int spines) {
        Stimulus pulses = BundledStimuli.load(BundledStimuli.CONTROL_SUCCESS, spines);
        Stimulus base = t % 2 == 0 ? BundledStimuli.load(BundledStimuli.CONTROL_FAILED, spines) : pulses;
        double shift = 0.3 * (t / 2) - EARLIER_MS;
        double[][] pre = new double[base.pre().length][];
        for (int k = 0; k < pre.length; k++) {
            pre[k] = Arrays.stream(base.pre()[k]).map(time -> time + shift).toArray();
        }
        double[] post = Arrays.stream(pulses.post()).map(time -> time + shift).toArray();
        return new Stimulus(base.vInitMv(), base.tstopMs(), base.dtMs(), base.celsius(), base.threshold(), pre, post,
                base.pulseAmpNa(), base.pulseDurMs(), base.netconDelayMs(), base.recordV(), base.recordSpines(),
                base.saveEvery());
    }

    /**
     * The cell with the trials' inputs: one trial the one-trial way ({@link PyramidalCell#addPresynapticSpikes(int,
     * double[])}, {@link PyramidalCell#addSomaticPulse}), several with a train and pulses per lane.
     */
    private static PyramidalCell cellOf(CellParameters params, List<Stimulus> trials) {
        PyramidalCell cell = PyramidalCell.build(params);
        Stimulus first = trials.get(0);
        if (trials.size() == 1) {
            for (int k = 0; k < first.pre().length; k++) {
                if (first.pre()[k].length > 0) {
                    cell.addPresynapticSpikes(k, first.pre()[k]);
                }
            }
            for (double t : first.post()) {
                cell.addSomaticPulse(t, first.pulseAmpNa(), first.pulseDurMs());
            }
            return cell;
        }
        for (int k = 0; k < first.pre().length; k++) {
            int spine = k;
            double[][] perLane = trials.stream().map(trial -> trial.pre()[spine]).toArray(double[][]::new);
            if (Arrays.stream(perLane).anyMatch(times -> times.length > 0)) {
                cell.addPresynapticSpikes(k, perLane);
            }
        }
        cell.addSomaticPulses(trials.stream().map(Stimulus::post).toArray(double[][]::new), first.pulseAmpNa(),
                first.pulseDurMs());
        return cell;
    }
}
