package org.spineformer.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.HandMadeMechanism;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.morph.Morphology;

/** A spike at t through a connection with delay 1 ms acts on its synapse in the step that starts at t + 1 ms. */
class EventTimingTest {
    private static final double DT = 0.025;

    /** A point process that adds the time at which each event reaches it to {@code deliveredAt}, and sums weights. */
    private static Mechanism probe(List<Double> deliveredAt) {
        return new HandMadeMechanism("Probe", Mechanism.Kind.POINT_PROCESS, "test probe",
                List.of(FieldSpec.state("total", "1", "sum of received weights")),
                (mechanism, nodes, lanes) -> new HandMadeMechanism.Block(mechanism, nodes, lanes) {
                    private final double[] total = column("total");
                    @Override
                    public void initialize(CellState s) {
                        total[0] = 0;
                    }

                    @Override
                    public void deliver(int instance, int lane, double weight) {
                        total[instance] += weight;
                        deliveredAt.add(state.t);
                    }
                });
    }

    @ParameterizedTest
    @CsvSource({"5.0, 6.0", "5.01, 6.0", "5.0124, 6.0", "5.0126, 6.025", "0, 1.0"})
    void eventActsInTheStepStartingAtArrival(double spikeMs, double stepStartMs) {
        List<Double> deliveredAt = new ArrayList<>();
        Catalogue catalogue = Catalogue.discover().register(probe(deliveredAt));
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 10, 1, 100, 1, new double[] {10});
        ModelBuilder b = new ModelBuilder(m, catalogue);
        PointProcess target = b.addPointProcess("Probe", soma, 0.5, Map.of());
        b.addSpikeSource(new double[] {spikeMs}, List.of(new Synapse(target, 0.5, 1.0)));
        Simulation sim = b.build(DT, 37);
        sim.initialize(-65);
        double[] total = sim.block("Probe").column("total");
        double totalBeforeStep = Double.NaN;
        while (sim.t() < 10) {
            double tStart = sim.t();
            double before = total[0];
            sim.step();
            if (Math.abs(tStart - stepStartMs) < DT / 4) {
                totalBeforeStep = before;
            }
        }
        assertThat(deliveredAt).hasSize(1);
        assertThat(deliveredAt.get(0)).as("time of delivery = start of the step it acts in")
                .isCloseTo(stepStartMs, within(1e-9));
        assertThat(totalBeforeStep).as("the step starting at arrival already sees the event").isEqualTo(0.5);
    }
}
