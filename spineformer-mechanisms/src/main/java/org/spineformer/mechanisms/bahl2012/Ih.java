package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Hyperpolarisation-activated cation current (Ih) of Bahl et al. (2012), from BahlEtAl_2012_h.mod (Kole et al. 2006,
 * implemented by Hallermann): a nonspecific current Iqq = 1e-4 gq (v - ehd), gq = gbar qq, with
 * qq' = (1 - qq) alpha - qq beta integrated with cnexp. No tables, no temperature dependence.
 *
 * <p>qinf and qtau are assigned in BREAKPOINT, not in the DERIVATIVE block, so they are computed in the current
 * phase at the old voltage (one step behind the qq update, which uses the rates at the new voltage).
 */
public final class Ih extends AbstractMechanism {
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.parameter("ehd", "mV", -47, "reversal potential of the h current"),
            FieldSpec.state("qq", "1", "activation"),
            FieldSpec.assigned("Iqq", "mA/cm2", "h current (nonspecific)"),
            FieldSpec.assigned("gq", "pS/um2", "conductance density gbar qq"),
            FieldSpec.assigned("qinf", "1", "steady-state activation at the voltage of the current phase"),
            FieldSpec.assigned("qtau", "ms", "activation time constant at the voltage of the current phase"));

    public Ih() {
        super("BahlEtAl_2012_ih", Kind.DENSITY, "h current, HCN1/HCN2 (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_h.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 28;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    /** Opening rate (1/ms); its 0/0 at v = -154.9 mV goes to the analytic limit. */
    private static double alpha(double v) {
        return 0.001 * 6.43 * Rates.linoid(-(v + 154.9), 11.9);
    }

    /** Closing rate (1/ms). */
    private static double beta(double v) {
        return 0.001 * 193 * Math.exp(v / 33.1);
    }

    private static final class Block extends MechanismBlock {
        /** The gate is a column; nothing else is kept from step to step. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] gbar = column("gbar");
        private final double[] vshift = column("vshift");
        private final double[] ehd = column("ehd");
        private final double[] qq = column("qq");
        private final double[] iqq = column("Iqq");
        private final double[] gq = column("gq");
        private final double[] qinf = column("qinf");
        private final double[] qtau = column("qtau");

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes);
        }

        /**
         * Sets qq to its steady state. The mod's INITIAL also assigns qinf with alpha(v) instead of
         * alpha(v - vshift) in the numerator, but the current evaluation that ends every initialization overwrites
         * qinf and qtau at once, so that slip never shows and is not reproduced.
         */
        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double vm = s.v[nd] - vshift[j];
                    double a = alpha(vm);
                    qq[j] = a / (beta(vm) + a);
                }
            }
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double vm = v[nd] - vshift[j];
                    double a = alpha(vm), b = beta(vm);
                    qtau[j] = 1 / (a + b);
                    qinf[j] = a / (a + b);
                    gq[j] = gbar[j] * qq[j];
                    double g = 1e-4 * gq[j];
                    double i = g * (v[nd] - ehd[j]);
                    iqq[j] = i;
                    rhs[nd] -= i;
                    d[nd] += g;
                }
            }
        }

        /** cnexp of qq' = alpha - (alpha + beta) qq: relaxation to alpha/(alpha + beta) with tau 1/(alpha + beta). */
        @Override
        public void advance(CellState s) {
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double vm = s.v[nd] - vshift[j];
                    double a = alpha(vm), b = beta(vm);
                    qq[j] = Rates.relax(qq[j], a / (a + b), 1 / (a + b), dt);
                }
            }
        }
    }
}
