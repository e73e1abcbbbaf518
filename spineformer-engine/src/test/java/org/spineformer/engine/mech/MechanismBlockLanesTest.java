package org.spineformer.engine.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The block layout for trials in lanes: columns [instance * lanes + lane], parameters per lane or for all. */
class MechanismBlockLanesTest {
    /** A mechanism whose blocks run any number of lanes and do nothing. */
    private static Mechanism idle() {
        return new HandMadeMechanism("idle", Mechanism.Kind.DENSITY, "test mechanism", List.of(
                FieldSpec.nonNegative("g", "S/cm2", 0.5, "a conductance"),
                FieldSpec.state("m", "1", "a state")),
                (mechanism, nodes, lanes) -> new HandMadeMechanism.Block(mechanism, nodes, lanes) { });
    }

    /** A mechanism written for one trial, as every mechanism not yet converted. */
    private static final class OneTrial extends AbstractMechanism {
        OneTrial() {
            super("single", Kind.DENSITY, "test mechanism", List.of());
        }

        @Override
        public MechanismBlock newBlock(int[] nodes) {
            return new MechanismBlock(this, nodes) {
                @Override
                public void initialize(CellState s) {
                }
            };
        }
    }

    @Test
    void columnsHoldEveryLaneOfAnInstanceTogether() {
        MechanismBlock block = idle().newBlock(new int[] {4, 7}, 3);
        block.setParameter("g", 1, 0.25);
        block.setParameter("g", 0, 2, 0.125);

        assertThat(block.lanes()).isEqualTo(3);
        assertThat(block.column("g")).containsExactly(0.5, 0.5, 0.125, 0.25, 0.25, 0.25);
        assertThat(block.get("g", 0, 2)).isEqualTo(0.125);
        assertThat(block.get("g", 1, 0)).isEqualTo(0.25);
        assertThat(block.node(1)).isEqualTo(7);
    }

    @Test
    void everyLaneIsValidated() {
        MechanismBlock block = idle().newBlock(new int[] {4}, 2);
        assertThatThrownBy(() -> block.setParameter("g", 0, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle").hasMessageContaining("g");
        block.column("g")[1] = -1;
        assertThatThrownBy(block::validateParameters).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneTrialAccessorsRefuseLanes() {
        MechanismBlock block = idle().newBlock(new int[] {4}, 2);
        assertThatThrownBy(() -> block.get("g", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("idle runs 2 trials in lanes");
        assertThatThrownBy(() -> block.get("g", 0, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("no lane 2");
    }

    @Test
    void aMechanismWrittenForOneTrialRefusesLanesByName() {
        Mechanism single = new OneTrial();
        assertThat(single.newBlock(new int[] {0}, 1).lanes()).isEqualTo(1);
        assertThatThrownBy(() -> single.newBlock(new int[] {0}, 4))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("single does not run several trials in lanes yet");
    }
}
