package org.spineformer.mechanisms.hay2011;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.reference.ReferenceRun;

/**
 * Drives one block of a Hay channel with the potentials NEURON recorded, many instances at once: instance k
 * replays run k mod (number of runs), so that the runs pass through the vector lanes and through the scalar tails
 * of the kernels, each lane with its own trace (a lane mix-up shows as a wrong run), on nodes partly consecutive and
 * partly not. The step is the simulation's: currents at the old potential and states, then the states advanced at
 * the new potential.
 */
final class VoltageReplay {
    /** The runs of each channel, all 100 ms at dt 0.025 ms and 37 degC. */
    static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m40", "vclamp_m20", "vclamp_0", "vclamp_p20",
            "iclamp");
    /**
     * The node of each instance: runs of 10, 1 and 13 consecutive nodes with gaps between, then 3 nodes in reverse
     * order; more instances than three AVX-512 vectors (8 doubles), and runs with and without a scalar tail.
     */
    private static final int[] NODES = IntStream.concat(IntStream.concat(IntStream.rangeClosed(0, 9),
            IntStream.of(11)), IntStream.concat(IntStream.rangeClosed(13, 25), IntStream.of(29, 28, 27))).toArray();
    static final int INSTANCES = NODES.length;

    private VoltageReplay() {
    }

    /**
     * Replays every run of {@code mechanism} (named as its reference folder) through a block of the given channel,
     * with its rate tables or exact rates, and asserts each instance's recorded columns (current and gating states)
     * against its run's.
     */
    static void assertMatchesNeuron(Mechanism channel, boolean tables, double tolerance) {
        List<ReferenceRun> runs = RUNS.stream()
                .map(run -> ReferenceRun.load("/reference/channels/" + channel.name() + "/" + run)).toList();
        ReferenceRun first = runs.get(0);
        int steps = first.column("t_ms").length;
        double dt = first.settings().get("dt_ms").asDouble();
        double area = first.settings().get("section").get("area_um2").asDouble();
        int nodes = NODES[NODES.length - 3] + 1;
        CellState s = new CellState(filled(nodes, area), filled(nodes, area), dt,
                first.settings().get("celsius_degC").asDouble());
        MechanismBlock block = channel.newBlock(NODES);
        block.setUseTables(tables);
        List<String> columns = first.columnNames().stream().filter(c -> !c.equals("t_ms") && !c.equals("v_mV")
                && !c.startsWith("i_")).toList();
        for (int k = 0; k < INSTANCES; k++) {
            ReferenceRun run = runs.get(k % runs.size());
            assertThat(run.column("t_ms")).hasSize(steps);
            assertThat(run.settings().get("dt_ms").asDouble()).isEqualTo(dt);
            int instance = k;
            HayChannelReferenceTest.parameters(run, channel.name())
                    .forEach((field, value) -> block.setParameter(field, instance, value));
        }
        block.attach(s);
        double[][][] recorded = new double[columns.size()][INSTANCES][steps];
        setPotentials(s, runs, 0);
        block.initialize(s);
        block.currents(s);
        record(block, columns, recorded, 0);
        for (int i = 1; i < steps; i++) {
            setPotentials(s, runs, i - 1);
            block.currents(s);
            setPotentials(s, runs, i);
            block.advance(s);
            record(block, columns, recorded, i);
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int k = 0; k < INSTANCES; k++) {
                ReferenceRun run = runs.get(k % runs.size());
                String column = columns.get(c);
                assertTrace(channel.name() + " " + run.name() + " instance " + k + " " + column, run.column(column),
                        recorded[c][k], tolerance);
            }
        }
    }

    private static void setPotentials(CellState s, List<ReferenceRun> runs, int step) {
        for (int k = 0; k < INSTANCES; k++) {
            s.v[NODES[k]] = runs.get(k % runs.size()).column("v_mV")[step];
        }
    }

    /** Column c of instance k at step i; the field name is the reference column without its unit. */
    private static void record(MechanismBlock block, List<String> columns, double[][][] recorded, int step) {
        for (int c = 0; c < columns.size(); c++) {
            double[] field = block.column(columns.get(c).replace("_mA_cm2", ""));
            for (int k = 0; k < INSTANCES; k++) {
                recorded[c][k][step] = field[k];
            }
        }
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
