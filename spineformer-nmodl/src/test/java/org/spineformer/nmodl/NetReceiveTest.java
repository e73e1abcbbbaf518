package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlException;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** A point process with NET_RECEIVE(weight): events add their weight, the state decays, the current follows. */
class NetReceiveTest {
    /** Roundings of a few operations on values of order 1. */
    private static final double ROUNDING = 1e-15;

    @Test
    void eventsAddTheirWeightAndDecay() {
        NmodlMechanism m = NmodlMechanism.compile("exp_synapse.mod", Resources.text("/mod/features/exp_synapse.mod"));
        assertThat(m.kind()).isEqualTo(Mechanism.Kind.POINT_PROCESS);
        // a node of area 200 um2: 100/area turns nA into mA/cm2
        CellState s = new CellState(new double[] {200}, new double[] {200}, 0.025, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0, 0});
        block.attach(s);
        s.v[0] = -65;
        block.initialize(s);
        block.deliver(1, 0.5);
        block.deliver(1, 0.25);
        assertThat(block.get("g", 0)).isZero();
        assertThat(block.get("g", 1)).isEqualTo(0.75);
        block.advance(s);
        assertThat(block.get("g", 1)).isCloseTo(0.75 * Math.exp(-0.025 / 2), within(ROUNDING));
        block.currents(s);
        double i = block.get("g", 1) * (-65 - 0);
        assertThat(block.get("i", 1)).isCloseTo(i, within(ROUNDING));
        assertThat(s.rhs[0]).isCloseTo(-i * 100 / 200, within(ROUNDING));
    }

    @Test
    void moreThanTheWeightIsNotSupportedYet() {
        String mod = "NEURON { POINT_PROCESS p }\nSTATE { g }\nNET_RECEIVE(w, count) { g = g + w }\n";
        assertThatThrownBy(() -> NmodlMechanism.compile("p.mod", mod)).isInstanceOf(NmodlException.class)
                .hasMessage("p.mod:3:1: NET_RECEIVE with 2 arguments (a connection delivers one weight) is not"
                        + " supported yet");
    }
}
