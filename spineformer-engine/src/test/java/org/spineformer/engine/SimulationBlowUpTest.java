package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/** A voltage that becomes NaN or infinite stops the run with an error naming the time and the node. */
class SimulationBlowUpTest {
    private static final double DT_MS = 0.025;
    /** The electrode switches on here (ms): the blow-up cannot be seen before. */
    private static final double ONSET_MS = 2;

    /** A soma with a 3-segment dendrite on its 1-end, both passive; an electrode at dend(x). */
    private static Simulation cell(double electrodeX, double ampNa) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = m.addChild("dend", 300, 3, 100, 1, Morphology.filled(3, 2), soma, 1);
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover());
        b.insert("pas", soma, Map.of());
        b.insert("pas", dend, Map.of());
        b.addPointProcess("IClamp", dend, electrodeX, Map.of("del", ONSET_MS, "dur", 1e9, "amp", ampNa));
        return b.build(DT_MS, 37);
    }

    @Test
    void anOverflowingVoltageStopsTheRunWithinACheckInterval() {
        Simulation sim = cell(0.9, Double.MAX_VALUE); // the first step's voltage change overflows to infinity
        sim.initialize(-65);
        NonFiniteStateException e = catchThrowableOfType(NonFiniteStateException.class, () -> sim.run(50));
        assertThat(e).as("a run through the blow-up must fail").isNotNull();
        assertThat(e.timeMs()).isGreaterThan(ONSET_MS).isLessThanOrEqualTo(ONSET_MS + Simulation.FINITE_CHECK_MS
                + DT_MS);
        assertThat(sim.t()).as("stopped at the check, not at tstop").isLessThan(ONSET_MS + 2
                * Simulation.FINITE_CHECK_MS);
        assertThat(e.location()).matches("(soma|dend)\\([01](\\.\\d+)?\\)");
        assertThat(e.mechanism()).as("pas has no states").isNull();
        assertThat(e.getMessage()).startsWith("the simulation blew up: v = ").contains(" mV at ")
                .contains("by t = ");
    }

    @Test
    void aNonFiniteInitialVoltageFailsAtInitialization() {
        Simulation sim = cell(0.5, 0);
        NonFiniteStateException e = catchThrowableOfType(NonFiniteStateException.class,
                () -> sim.initialize(Double.NaN));
        assertThat(e).isNotNull();
        assertThat(e.timeMs()).isZero();
        assertThat(e.getMessage()).contains("v = NaN mV").contains("by t = 0.000 ms");
    }

    @Test
    void aFiniteRunIsUntouched() {
        Simulation sim = cell(0.5, 0.1);
        sim.initialize(-65);
        sim.run(10);
        assertThat(sim.t()).isCloseTo(10, org.assertj.core.data.Offset.offset(DT_MS / 2));
    }

    @Test
    void nodesAreNamedAsNeuronNamesLocations() {
        Simulation sim = cell(0.5, 0);
        var d = sim.discretization();
        assertThat(d.locationName(d.segmentNode(0, 0))).isEqualTo("soma(0.5)");
        assertThat(d.locationName(d.segmentNode(1, 0))).isEqualTo("dend(0.1667)");
        assertThat(d.locationName(d.node(1, 1))).isEqualTo("dend(1)");
        assertThat(d.locationName(d.node(0, 0))).isEqualTo("soma(0)");
        assertThat(d.locationName(d.node(1, 0))).as("dend's 0-end is soma's 1-end").isEqualTo("soma(1)");
    }
}
