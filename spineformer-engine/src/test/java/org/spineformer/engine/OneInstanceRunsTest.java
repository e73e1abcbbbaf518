package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.HandMadeMechanism;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.PhaseKernel;

/** Which blocks of a phase one kernel replaces: runs of consecutive one-instance blocks, in order, from {@code from}. */
class OneInstanceRunsTest {
    /** The phases a run's kernel calls, in order: what the step calls. */
    private record Run(List<MechanismBlock> blocks) {
    }

    private static final class RunKernel extends PhaseKernel {
        final Run run;

        RunKernel(List<MechanismBlock> blocks) {
            run = new Run(List.copyOf(blocks));
        }

        @Override
        public void currents(CellState s) {
        }

        @Override
        public void advance(CellState s) {
        }
    }

    /** A block of {@code instances} instances whose kernel takes runs of at most {@code longest} blocks. */
    private static final class Block extends MechanismBlock {
        final int longest;

        Block(int instances, int longest) {
            super(MECHANISM, new int[instances]);
            this.longest = longest;
        }

        @Override
        public void initialize(CellState s) {
        }

        @Override
        public PhaseKernel oneInstanceKernel(List<MechanismBlock> run) {
            assertThat(run.get(0)).as("asked of the run's first block").isSameAs(this);
            return run.size() <= longest ? new RunKernel(run) : null;
        }
    }

    private static final Mechanism MECHANISM = new HandMadeMechanism("block", Mechanism.Kind.DENSITY,
            "a block for OneInstanceRunsTest", List.of(), (mechanism, nodes, lanes) -> {
                throw new UnsupportedOperationException();
            });

    /** Each kernel as its run of blocks, each block as itself. */
    private static List<Object> called(PhaseKernel[] kernels) {
        List<Object> out = new ArrayList<>();
        for (PhaseKernel k : kernels) {
            out.add(k instanceof RunKernel r ? r.run : k);
        }
        return out;
    }

    @Test
    void eachRunOfOneInstanceBlocksIsOneKernelAndTheRestStayBlocks() {
        Block a = new Block(1, 9), b = new Block(1, 9), many = new Block(3, 9), c = new Block(1, 9),
                d = new Block(1, 9), e = new Block(1, 9), alone = new Block(1, 9), last = new Block(2, 9);
        MechanismBlock[] phase = {a, b, many, c, d, e, many, alone, last};
        assertThat(called(OneInstanceRuns.of(phase, 0)))
                .containsExactly(new Run(List.of(a, b)), many, new Run(List.of(c, d, e)), many, alone, last);
        assertThat(called(OneInstanceRuns.of(phase, 1))).as("a (the current phase's first block) in no run")
                .containsExactly(a, b, many, new Run(List.of(c, d, e)), many, alone, last);
    }

    @Test
    void aBlockThatMakesNoKernelForTheWholeRunGetsOneForItsLongestPrefixOrNone() {
        Block two = new Block(1, 2), b = new Block(1, 0), c = new Block(1, 9), d = new Block(1, 0),
                none = new Block(1, 0), e = new Block(1, 0);
        MechanismBlock[] phase = {two, b, c, d, none, e};
        assertThat(called(OneInstanceRuns.of(phase, 0)))
                .containsExactly(new Run(List.of(two, b)), new Run(List.of(c, d, none, e)));
        assertThat(called(OneInstanceRuns.of(new MechanismBlock[] {none, e}, 0))).containsExactly(none, e);
    }
}
