package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.PhaseKernel;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Generated blocks of one instance each, one after the other in a phase, run as one kernel ({@code
 * gen.OneInstanceKernel}, MechanismBlock.oneInstanceKernel): every field of every block has the bits of each block's
 * own phases, at every step; a run with a block that is not generated gets no kernel. The blocks: the paper's three
 * Hay channels (ion currents and reversal potentials) and a gate whose table reads a parameter.
 */
class OneInstanceKernelTest {
    private static final double DT = 0.025;

    /** One instance of each mechanism on one node, attached to one state and initialized at -65 mV. */
    private record Node(List<MechanismBlock> blocks, CellState s) {
        static Node of(List<NmodlMechanism> mechanisms) {
            CellState s = new CellState(new double[] {100}, new double[] {100}, DT, 34);
            List<MechanismBlock> blocks = new ArrayList<>();
            for (NmodlMechanism m : mechanisms) {
                MechanismBlock b = m.newBlock(new int[] {0});
                b.attach(s);
                blocks.add(b);
            }
            s.v[0] = -65;
            blocks.forEach(b -> b.initialize(s));
            return new Node(blocks, s);
        }

        /** One step at {@code v}: the current phases then the state phases of {@code phases}. */
        void step(double v, List<? extends PhaseKernel> phases) {
            s.v[0] = v;
            Arrays.fill(s.rhs, 0);
            Arrays.fill(s.d, 0);
            phases.forEach(k -> k.currents(s));
            phases.forEach(k -> k.advance(s));
        }
    }

    @Test
    void theKernelGivesEachBlocksOwnBits() {
        List<NmodlMechanism> mechanisms = JoinedStatePhasesTest.mechanisms();
        Node kernel = Node.of(mechanisms);
        Node alone = Node.of(mechanisms);
        PhaseKernel run = kernel.blocks().get(0).oneInstanceKernel(kernel.blocks());
        assertThat(run).as("a kernel for four generated blocks").isNotNull().isNotInstanceOf(MechanismBlock.class);
        for (int step = 0; step < 3000; step++) {
            // from -110 to 70 mV and back: through the tables and beyond them
            double v = -20 - 90 * Math.cos(2 * Math.PI * step / 1000.0);
            kernel.step(v, List.of(run));
            alone.step(v, alone.blocks());
            assertThat(kernel.s().rhs[0]).as("rhs at step %d", step).isEqualTo(alone.s().rhs[0]);
            assertThat(kernel.s().d[0]).as("d at step %d", step).isEqualTo(alone.s().d[0]);
        }
        for (int i = 0; i < mechanisms.size(); i++) {
            MechanismBlock a = kernel.blocks().get(i), b = alone.blocks().get(i);
            for (FieldSpec f : a.mechanism().fields()) {
                assertThat(a.get(f.name(), 0)).as("%s's %s", a.mechanism().name(), f.name())
                        .isEqualTo(b.get(f.name(), 0));
            }
        }
    }

    @Test
    void aRunWithAHandWrittenBlockGetsNoKernel() {
        List<NmodlMechanism> mechanisms = JoinedStatePhasesTest.mechanisms();
        MechanismBlock first = mechanisms.get(0).newBlock(new int[] {0});
        MechanismBlock handWritten = new MechanismBlock(mechanisms.get(1), new int[] {0}) {
            @Override
            public void initialize(CellState s) {
            }
        };
        assertThat(first.oneInstanceKernel(List.of(first, handWritten))).isNull();
        assertThat(first.oneInstanceKernel(List.of(first, mechanisms.get(1).newBlock(new int[] {0})))).isNotNull();
    }
}
