package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/**
 * A simulation continued from another's snapshot ({@link Simulation#snapshot}, {@link Simulation#restore}) is the
 * run from 0, bit for bit, in one lane and in lanes; what cannot be continued is refused.
 */
class SimulationSnapshotTest {
    private static final double DT_MS = 0.025;
    private static final double V_INIT_MV = -70;
    /** Where the snapshot is taken (ms): the cell is still relaxing from v_init to pas's e there. */
    private static final double REST_MS = 20;
    private static final double TSTOP_MS = 50;
    /** Each lane's pulse onset (ms), all after the rest. */
    private static final double[] PULSES_MS = {25, 31.3, 40.05};

    /** A soma and a dendrite with pas; with pulses, one electrode at the soma, lane l's pulse at pulsesMs[l]. */
    private static ModelBuilder cell(double... pulsesMs) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = m.addChild("dend", 200, 5, 120, 1, Morphology.filled(5, 2), soma, 1);
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover().register(Kick.mechanism()));
        b.insert("pas", soma, Map.of("g", 2e-4, "e", -65.0));
        b.insert("pas", dend, Map.of("g", 1e-4, "e", -64.0));
        if (pulsesMs.length > 0) {
            PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("dur", 3.0, "amp", 0.2));
            for (int lane = 0; lane < pulsesMs.length; lane++) {
                b.setLaneParameter(clamp, lane, "del", pulsesMs[lane]);
            }
        }
        return b;
    }

    private static SimulationSnapshot rest() {
        Simulation sim = cell().build(DT_MS, 34, 1);
        sim.initialize(V_INIT_MV);
        sim.run(REST_MS);
        return sim.snapshot();
    }

    @Test
    void aRunContinuedFromTheRestIsTheRunFromZero() {
        SimulationSnapshot rest = rest();
        Simulation lanes = cell(PULSES_MS).build(DT_MS, 34, PULSES_MS.length);
        lanes.initialize(V_INIT_MV);
        lanes.restore(rest);
        assertThat(lanes.t()).isEqualTo(rest.t());
        assertThat(lanes.steps()).isEqualTo(rest.steps());
        lanes.run(TSTOP_MS);
        for (int lane = 0; lane < PULSES_MS.length; lane++) {
            Simulation fromZero = cell(PULSES_MS[lane]).build(DT_MS, 34, 1);
            fromZero.initialize(V_INIT_MV);
            fromZero.run(TSTOP_MS);
            Simulation continued = cell(PULSES_MS[lane]).build(DT_MS, 34, 1);
            continued.initialize(V_INIT_MV);
            continued.restore(rest);
            continued.run(TSTOP_MS);
            assertThat(continued.state().v).as("lane %d alone", lane).isEqualTo(fromZero.state().v);
            int nodes = fromZero.state().nodes;
            double[] inLane = new double[nodes];
            for (int i = 0; i < nodes; i++) {
                inLane[i] = lanes.state().v[i * PULSES_MS.length + lane];
            }
            assertThat(inLane).as("lane %d", lane).isEqualTo(fromZero.state().v);
        }
        Simulation initial = cell().build(DT_MS, 34, 1);
        initial.initialize(V_INIT_MV);
        assertThat(rest.v).as("the rest moved v from v_init").isNotEqualTo(initial.state().v);
    }

    @Test
    void whatCannotBeContinuedIsRefused() {
        SimulationSnapshot rest = rest();
        ModelBuilder withInput = cell(PULSES_MS[0]);
        PointProcess kick = withInput.addPointProcess("Kick", 1, 0.5, Map.of());
        withInput.addSpikeSource(new double[] {REST_MS}, List.of(new Synapse(kick, 0.001, 0)));
        Simulation early = withInput.build(DT_MS, 34, 1);
        early.initialize(V_INIT_MV);
        assertThatThrownBy(early::snapshot).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 events pending");
        assertThatThrownBy(() -> early.restore(rest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an event is due at 20.0 ms");

        Simulation kept = cell().build(DT_MS, 34, 1);
        ModelBuilder b = cell();
        b.addPointProcess("Kick", 1, 0.5, Map.of());
        Simulation withKick = b.build(DT_MS, 34, 1);
        withKick.initialize(V_INIT_MV);
        assertThatThrownBy(withKick::snapshot).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("Kick keeps state outside its columns");
        assertThatThrownBy(() -> kept.restore(rest)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initialize(v) before restoring");

        Simulation otherDt = cell().build(DT_MS / 2, 34, 1);
        otherDt.initialize(V_INIT_MV);
        assertThatThrownBy(() -> otherDt.restore(rest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another cell or run");
        assertThat(Arrays.stream(rest.v).distinct().count()).as("a snapshot of the cell's nodes").isGreaterThan(1);
    }
}
