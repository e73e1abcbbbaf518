package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.HandMadeMechanism;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;

/**
 * {@link MechanismBlock#joinStatePhases}: a block that takes over another's state phase does it in its own, the
 * engine still runs the taken block's INITIAL but no longer its state phase, and a block can take only blocks
 * whose state phases follow its own.
 */
class JoinedStatePhasesTest {
    private static final int STEPS = 3;

    @Test
    void theTakenBlockIsInitializedByTheEngineAndAdvancedByTheTaker() {
        Simulation sim = build(counter("Lead", "Follow"), counter("Follow", null));
        sim.initialize(-65);
        for (int step = 0; step < STEPS; step++) {
            sim.step();
        }
        // INITIAL sets 1; the engine's state phase adds 1 per step, a taker's adds 100 to the block it took
        assertThat(sim.block("Lead").get("x", 0)).isEqualTo(1 + STEPS);
        assertThat(sim.block("Follow").get("x", 0)).isEqualTo(1 + 100 * STEPS);
    }

    @Test
    void onlyFollowingBlocksCanBeTaken() {
        // Follow's state phase comes before Lead's here, so Lead cannot take it: Lead's offer is empty
        Simulation sim = build(counter("Follow", null), counter("Lead", "Follow"));
        sim.initialize(-65);
        sim.step();
        assertThat(sim.block("Follow").get("x", 0)).isEqualTo(2);
        assertThatThrownBy(() -> build(counter("Follow", null), counter("Rogue", "Follow")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Rogue")
                .hasMessageContaining("Follow");
    }

    private static Simulation build(Mechanism first, Mechanism second) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover().register(first).register(second));
        b.insert(first.name(), soma, Map.of());
        b.insert(second.name(), soma, Map.of());
        return b.build(0.025, 37);
    }

    /**
     * A density mechanism with one state x: INITIAL sets 1, the state phase adds 1. With {@code takes} it takes
     * the following block of that mechanism and adds 100 to its x in its own state phase; named "Rogue", it
     * takes that block even when it is not among the following ones.
     */
    private static Mechanism counter(String name, String takes) {
        return new HandMadeMechanism(name, Mechanism.Kind.DENSITY, "test counter",
                List.of(FieldSpec.state("x", "1", "count")),
                (mechanism, nodes, lanes) -> new HandMadeMechanism.Block(mechanism, nodes, lanes) {
                    private final double[] x = column("x");
                    private double[] taken;

                    @Override
                    public void initialize(CellState s) {
                        Arrays.fill(x, 1);
                    }

                    @Override
                    public void advance(CellState s) {
                        for (int j = 0; j < x.length; j++) {
                            x[j] += 1;
                            if (taken != null) {
                                taken[j] += 100;
                            }
                        }
                    }

                    @Override
                    public List<MechanismBlock> joinStatePhases(List<MechanismBlock> following) {
                        if (takes == null) {
                            return List.of();
                        }
                        if (mechanism().name().equals("Rogue")) {
                            return List.of(counter(takes, null).newBlock(new int[] {0}, 1));
                        }
                        for (MechanismBlock other : following) {
                            if (other.mechanism().name().equals(takes)) {
                                taken = other.column("x");
                                return List.of(other);
                            }
                        }
                        return List.of();
                    }
                });
    }
}
