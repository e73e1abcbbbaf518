package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.record.Recorder;

/**
 * Trials in lanes against each trial alone, for the compiled-lanes tests: what a run keeps per lane (v at some nodes
 * every step, the blocks' fields at the end) and the comparison of each lane with its trial run alone.
 */
final class LaneRuns {
    private LaneRuns() {}

    /** Per lane: one trace per node, and every field of the blocks at the end, instance by instance. */
    record Observed(List<List<double[]>> traces, List<List<Double>> finals) {}

    static Observed run(Simulation sim, int[] nodes, List<MechanismBlock> blocks, double vInitMv, double tstopMs) {
        int lanes = sim.lanes();
        List<Recorder> recorders = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Recorder rec = new Recorder(1);
            for (int node : nodes) {
                rec.add("v" + node, sim.state().v, node * lanes + lane);
            }
            recorders.add(rec);
            sim.addObserver(rec);
        }
        sim.initialize(vInitMv);
        sim.run(tstopMs);
        List<List<double[]>> traces = new ArrayList<>();
        List<List<Double>> finals = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Recorder rec = recorders.get(lane);
            traces.add(rec.names().stream().map(rec::column).toList());
            List<Double> values = new ArrayList<>();
            for (MechanismBlock block : blocks) {
                for (FieldSpec f : block.mechanism().fields()) {
                    double[] column = block.column(f.name());
                    for (int k = 0; k < block.size(); k++) {
                        values.add(column[k * lanes + lane]);
                    }
                }
            }
            finals.add(values);
        }
        return new Observed(traces, finals);
    }

    /**
     * Lane l of {@code together} equals {@code alone.get(l)}'s one lane, every trace and field bit for bit; and
     * lanes 0 and 1 differ, so the equality is not an accident of equal inputs.
     */
    static void assertEachLaneIsItsTrialAlone(Observed together, List<Observed> alone) {
        for (int lane = 0; lane < alone.size(); lane++) {
            Observed one = alone.get(lane);
            for (int c = 0; c < one.traces().get(0).size(); c++) {
                assertThat(together.traces().get(lane).get(c)).as("lane %d, trace %d", lane, c)
                        .isEqualTo(one.traces().get(0).get(c));
            }
            assertThat(together.finals().get(lane)).as("lane %d, the fields at the end", lane)
                    .isEqualTo(one.finals().get(0));
        }
        assertThat(together.traces().get(0).get(0)).isNotEqualTo(together.traces().get(1).get(0));
        assertThat(together.finals().get(0)).isNotEqualTo(together.finals().get(1));
    }
}
