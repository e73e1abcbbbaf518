package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Persistent sodium current of Bahl et al. (2012), from BahlEtAl_2012_nap.mod (Traub et al. 2003, implemented by
 * Lazarewicz): ina = 1e-4 gna (v - ena), gna = gbar m, m integrated with cnexp. No temperature dependence.
 *
 * <p>minf and mtau are functions of v - vshift, tabulated from -120 to 40 mV in 641 intervals (NEURON's TABLE);
 * mtau has a jump at -40 mV, which the table smooths over one interval.
 */
public final class Nap extends AbstractMechanism {
    private static final double TABLE_MIN = -120;
    private static final double TABLE_MAX = 40;
    private static final int TABLE_INTERVALS = 641;
    private static final int MINF = 0, MTAU = 1;

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.parameter("ena", "mV", 50, "sodium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            // the mod file declares gna in mho/cm2, but it is gbar m, so it is in gbar's pS/um2
            FieldSpec.assigned("gna", "pS/um2", "conductance density gbar m"),
            FieldSpec.assigned("ina", "mA/cm2", "sodium current"),
            FieldSpec.assigned("minf", "1", "steady-state activation"),
            FieldSpec.assigned("mtau", "ms", "activation time constant"));

    public Nap() {
        super("BahlEtAl_2012_nap", Kind.DENSITY, "persistent Na current (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_nap.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 32;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    private static final class Block extends TabulatedBlock {
        private final double[] gbar = column("gbar");
        private final double[] vshift = column("vshift");
        private final double[] ena = column("ena");
        private final double[] m = column("m");
        private final double[] gna = column("gna");
        private final double[] ina = column("ina");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum inaSum = new IonCurrentSum("na", "ina");
        private final double[] minf = column("minf");
        private final double[] mtau = column("mtau");

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes, TABLE_MIN, TABLE_MAX, TABLE_INTERVALS, 2);
        }

        @Override
        protected void exactRates(double v, double[] out) {
            out[MINF] = 1 / (1 + Math.exp((-v - 48) / 10));
            out[MTAU] = v < -40 ? 0.025 + 0.14 * Math.exp((v + 40) / 10) : 0.02 + 0.145 * Math.exp((-v - 40) / 10);
        }

        private void ratesAt(int k, double v) {
            rates(v - vshift[k]);
            minf[k] = rate[MINF];
            mtau[k] = rate[MTAU];
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    m[j] = minf[j];
                }
            }
        }

        @Override
        public void attach(CellState s) {
            super.attach(s);
            inaSum.attach(s, this);
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    gna[j] = gbar[j] * m[j];
                    double g = 1e-4 * gna[j];
                    double i = g * (v[nd] - ena[j]);
                    ina[j] = i;
                    rhs[nd] -= i;
                    d[nd] += g;
                }
            }
            inaSum.add();
        }

        @Override
        public void advance(CellState s) {
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    m[j] = Rates.relax(m[j], minf[j], mtau[j], dt);
                }
            }
        }
    }
}
