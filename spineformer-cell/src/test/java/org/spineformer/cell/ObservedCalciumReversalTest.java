package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.Ion;
import org.spineformer.nmodl.PaperModFiles;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The paper's cell with all 12 mechanisms compiled from the project's mod files: compiled cadspine writes cai at the
 * 1500 spine heads and nothing reads eca, so the engine computes eca by Nernst only where it is observed. A recording
 * of eca at a spine head (as {@code simulate}'s recordings take it, {@code Ion.reversalObservedAt}) equals, bit for
 * bit at every step, the same run with the whole array handed out before initialization (every spine head's eca
 * computed at every step, as before); so do the soma's v and the recorded head's cai; another spine head's eca is not
 * computed, and at the end the whole array, handed out, equals the other run's.
 */
class ObservedCalciumReversalTest {
    /** The bundled description's v_init (mV). */
    private static final double V_INIT_MV = -75;
    private static final double TSTOP_MS = 60;
    /** The spines given input (the first tuft branch's), the one recorded and one not recorded. */
    private static final int DRIVEN_SPINES = 50;
    private static final int RECORDED_SPINE = 3;
    private static final int UNRECORDED_SPINE = 7;

    @Test
    void aRecordedSpineHeadsEcaIsTheBitsOfEveryHeadComputed() {
        Catalogue compiled = NmodlMechanism.replacing(Catalogue.discover(), PaperModFiles.compile(), line -> { });
        Run lazy = new Run(compiled);
        Run eager = new Run(compiled);
        double[] everyHead = eager.ca.reversal(); // the lever off: handed out before initialization
        double[] recorded = lazy.ca.reversalObservedAt(lazy.head(RECORDED_SPINE));
        double[] peek = lazy.ca.reversalObservedAt(); // this test's view of the array, observing no entry
        int head = lazy.head(RECORDED_SPINE);
        int other = lazy.head(UNRECORDED_SPINE);

        lazy.sim.initialize(V_INIT_MV);
        eager.sim.initialize(V_INIT_MV);
        int steps = (int) Math.round(TSTOP_MS / PyramidalCell.DT_MS);
        int lagging = 0;
        for (int k = 0; k < steps; k++) {
            lazy.sim.step();
            eager.sim.step();
            assertThat(recorded[head]).as("recorded eca, step %d", k).isEqualTo(everyHead[head]);
            assertThat(lazy.ca.concentration[head]).as("cai, step %d", k).isEqualTo(eager.ca.concentration[head]);
            assertThat(lazy.sim.state().v[lazy.soma]).as("soma v, step %d", k).isEqualTo(eager.sim.state().v[lazy.soma]);
            lagging += peek[other] != everyHead[other] ? 1 : 0;
        }
        assertThat(lagging).as("steps where an unrecorded head's eca was not computed").isPositive();
        assertThat(lazy.ca.reversal()).as("every entry, handed out at the end").isEqualTo(everyHead);
        assertThat(lazy.sim.state().v).as("every node's v at the end").isEqualTo(eager.sim.state().v);
        System.out.printf("an unrecorded spine head's eca lagged at %d of %d steps%n", lagging, steps);
    }

    /** The paper's cell, a somatic pulse and input to the first tuft branch's spines (spikes at 20 and 25 ms). */
    private static final class Run {
        final PyramidalCell cell;
        final Simulation sim;
        final Ion ca;
        final int soma;

        Run(Catalogue catalogue) {
            cell = PyramidalCell.build(CellParameters.paper(), catalogue);
            cell.addSomaticPulse(10, 1.0, 100);
            for (int spine = 0; spine < DRIVEN_SPINES; spine++) {
                cell.addPresynapticSpikes(spine, new double[] {20, 25});
            }
            sim = cell.simulation(PyramidalCell.DT_MS, PyramidalCell.CELSIUS);
            ca = sim.state().ion("ca");
            soma = sim.discretization().node(cell.somaSection(), 0.5);
        }

        int head(int spine) {
            return sim.discretization().node(cell.spineHeadSection(spine), 0.5);
        }
    }
}
