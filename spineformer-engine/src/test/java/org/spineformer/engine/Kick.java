package org.spineformer.engine;

import java.util.List;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.HandMadeMechanism;
import org.spineformer.engine.mech.Mechanism;

/**
 * A test synapse that runs trials in lanes and uses every event path: a connection's event (flag 0) adds its weight
 * to the conductance and sends the instance an event to itself {@link #ECHO_MS} later (net_send, flag 1), which adds
 * half the weight again and sends an event out through the instance's connections (net_event). The conductance
 * decays by a fixed factor per step; i = g (v - e).
 */
final class Kick {
    /** The delay of the event to itself (ms). */
    static final double ECHO_MS = 2;

    private Kick() {
    }

    static Mechanism mechanism() {
        return new HandMadeMechanism("Kick", Mechanism.Kind.POINT_PROCESS, "test synapse with events to itself and out",
                List.of(FieldSpec.parameter("decay", "1", 0.95, 0, 1, "conductance factor per step"),
                        FieldSpec.parameter("e", "mV", 0, "reversal potential"),
                        FieldSpec.state("g", "uS", "conductance"),
                        FieldSpec.assigned("i", "nA", "current")),
                (mechanism, nodes, lanes) -> new HandMadeMechanism.Block(mechanism, nodes, lanes) {
                    private final double[] decay = column("decay");
                    private final double[] e = column("e");
                    private final double[] g = column("g");
                    private final double[] i = column("i");
                    @Override
                    public void initialize(CellState s) {
                        java.util.Arrays.fill(g, 0);
                        java.util.Arrays.fill(i, 0);
                    }

                    @Override
                    public void currents(CellState s) {
                        forEachLane((k, j, nd) -> {
                            double scale = s.pointScale[node[k]];
                            double cur = g[j] * (s.v[nd] - e[j]);
                            i[j] = cur;
                            s.rhs[nd] -= cur * scale;
                            s.d[nd] += g[j] * scale;
                        });
                    }

                    @Override
                    public void advance(CellState s) {
                        for (int j = 0; j < size * lanes; j++) {
                            g[j] *= decay[j];
                        }
                    }

                    @Override
                    public void receive(int instance, int lane, int connection, double t, double weight,
                            double flag) {
                        int j = instance * lanes + lane;
                        if (flag == 0) {
                            g[j] += weight;
                            state.events.send(this, instance, lane, t + ECHO_MS, weight, 1, connection);
                        } else {
                            g[j] += 0.5 * weight;
                            state.events.emit(this, instance, lane, t);
                        }
                    }
                });
    }
}
