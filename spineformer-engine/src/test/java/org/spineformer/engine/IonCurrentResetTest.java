package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.HandMadeMechanism;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;

/**
 * Each ion's current is reset before every current phase at the nodes of the blocks that took the ion in attach,
 * and only there: a writer's nodes hold its current of this step alone (not the sum of the steps), every other node
 * the 0 it started with.
 */
class IonCurrentResetTest {
    /** A calcium leak that adds ica = g (v - e) to the ion's current at its nodes, as a compiled block does. */
    private static Mechanism caLeak() {
        return new HandMadeMechanism("CaLeak", Mechanism.Kind.DENSITY, "test calcium leak writing ica", List.of(
                FieldSpec.parameter("g", "S/cm2", 1e-3, "conductance"),
                FieldSpec.parameter("e", "mV", 120, "reversal potential"),
                FieldSpec.assigned("ica", "mA/cm2", "the current added to the ion")),
                (mechanism, nodes, lanes) -> new HandMadeMechanism.Block(mechanism, nodes, lanes) {
                    private final double[] g = column("g");
                    private final double[] e = column("e");
                    private final double[] ica = column("ica");
                    private double[] current;

                    @Override
                    public void attach(CellState s) {
                        current = s.ion("ca").currentToAdd();
                    }

                    @Override
                    public void currents(CellState s) {
                        forEachLane((k, j, nd) -> {
                            ica[j] = g[j] * (s.v[nd] - e[j]);
                            current[nd] += ica[j];
                            s.rhs[nd] -= ica[j];
                            s.d[nd] += g[j];
                        });
                    }
                });
    }

    @Test
    void theCurrentIsResetWhereItIsWrittenAndZeroElsewhere() {
        for (int lanes : new int[] {1, 3}) {
            Morphology m = new Morphology();
            int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
            int dend = m.addChild("dend", 200, 5, 100, 1, Morphology.filled(5, 2), soma, 1);
            Simulation sim = new ModelBuilder(m, Catalogue.discover().register(caLeak()))
                    .insert("pas", soma, Map.of()).insert("pas", dend, Map.of())
                    .insert("CaLeak", dend, Map.of()).build(0.025, 34, lanes);
            sim.initialize(-65);
            sim.run(5);
            MechanismBlock leak = sim.block("CaLeak");
            double[] ica = leak.column("ica");
            Ion ca = sim.state().ion("ca");
            boolean[] written = new boolean[sim.state().nodes];
            for (int k = 0; k < leak.size(); k++) {
                written[leak.node(k)] = true;
                for (int lane = 0; lane < lanes; lane++) {
                    // the last current phase's ica alone: without the reset it would be 200 steps' sum
                    assertThat(ca.current()[leak.node(k) * lanes + lane]).isNotZero()
                            .isEqualTo(ica[k * lanes + lane]);
                }
            }
            for (int node = 0; node < written.length; node++) {
                for (int lane = 0; lane < lanes; lane++) {
                    if (!written[node]) {
                        assertThat(ca.current()[node * lanes + lane]).isZero();
                    }
                }
            }
        }
    }

    @Test
    void resetCurrentSetsTheMarkedEntriesOnlyWhenTheyAreFewRuns() {
        // 200 entries, two runs marked: only those are set (the others keep what a test wrote there)
        Ion ca = new Ion("ca", 200, 5e-5);
        for (int e : new int[] {1, 2, 3, 150}) {
            ca.currentWrittenAt(e);
        }
        java.util.Arrays.fill(ca.current(), 7);
        ca.resetCurrent();
        assertThat(ca.current()[0]).isEqualTo(7);
        assertThat(ca.current()[1]).isZero();
        assertThat(ca.current()[3]).isZero();
        assertThat(ca.current()[4]).isEqualTo(7);
        assertThat(ca.current()[150]).isZero();
        assertThat(ca.current()[199]).isEqualTo(7);
        // an entry marked later is reset from then on
        ca.currentWrittenAt(199);
        java.util.Arrays.fill(ca.current(), 7);
        ca.resetCurrent();
        assertThat(ca.current()[199]).isZero();
        assertThat(ca.current()[198]).isEqualTo(7);
    }

    @Test
    void manyShortRunsAreResetAsOne() {
        // every other entry: 50 runs of one, cheaper as one fill of all 100 (unmarked entries are 0 in a simulation)
        Ion ca = new Ion("ca", 100, 5e-5);
        for (int e = 0; e < 100; e += 2) {
            ca.currentWrittenAt(e);
        }
        java.util.Arrays.fill(ca.current(), 7);
        ca.resetCurrent();
        assertThat(ca.current()).containsOnly(0);
    }

    @Test
    void ionsTakenNamesTheIonsAnAttachAskedFor() {
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 34);
        s.ion("na");
        assertThat(s.ionsTaken(() -> {
            s.ion("ca");
            s.ion("k");
            s.ion("ca");
        })).containsExactly("ca", "k");
        assertThat(s.ionsTaken(() -> { })).isEmpty();
    }
}
