package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Fast (delayed-rectifier) potassium current of Bahl et al. (2012), from BahlEtAl_2012_kfast.mod (Mainen's kv.mod):
 * ik = 1e-4 gk (v - ek), gk = tadj gbar n, n integrated with cnexp.
 *
 * <p>ninf and ntau are functions of v - vshift, tabulated from -120 to 100 mV (NEURON's TABLE). The temperature
 * factor tadj = 2.3^((celsius - 23)/10) divides ntau and also multiplies the conductance.
 */
public final class Kfast extends AbstractMechanism {
    private static final double THA = 25;
    private static final double QA = 9;
    private static final double RA = 0.02;
    private static final double RB = 0.002;
    private static final double TEMP = 23;
    private static final double Q10 = 2.3;
    private static final double VMIN = -120;
    private static final double VMAX = 100;
    private static final int TABLE_INTERVALS = 199;
    private static final int NINF = 0, NTAU = 1;

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density, before tadj"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.positive("timefactor_n", "1", 1, "scale factor on the activation time constant"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("n", "1", "activation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"),
            FieldSpec.assigned("gk", "pS/um2", "conductance density tadj gbar n"),
            FieldSpec.assigned("ninf", "1", "steady-state activation"),
            FieldSpec.assigned("ntau", "ms", "activation time constant (before timefactor_n)"));

    public Kfast() {
        super("BahlEtAl_2012_kfast", Kind.DENSITY, "fast delayed-rectifier K current (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_kfast.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 30;
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
        private final double[] timefactorN = column("timefactor_n");
        private final double[] ek = column("ek");
        private final double[] n = column("n");
        private final double[] ik = column("ik");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum ikSum = new IonCurrentSum("k", "ik");
        private final double[] gk = column("gk");
        private final double[] ninf = column("ninf");
        private final double[] ntau = column("ntau");
        private double tadj;

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes, VMIN, VMAX, TABLE_INTERVALS, 2);
        }

        @Override
        protected void temperature(double celsius) {
            tadj = Rates.q10Factor(Q10, celsius, TEMP);
        }

        /** The mod's a and b have a 0/0 at v = tha (no guard in the mod); linoid takes their limits there. */
        @Override
        protected void exactRates(double v, double[] out) {
            double a = RA * Rates.linoid(v - THA, QA);
            double b = RB * Rates.linoid(THA - v, QA);
            out[NTAU] = 1 / tadj / (a + b);
            out[NINF] = a / (a + b);
        }

        private void ratesAt(int k, double v) {
            rates(v - vshift[k]);
            ninf[k] = rate[NINF];
            ntau[k] = rate[NTAU];
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    n[j] = ninf[j];
                }
            }
        }

        @Override
        public void attach(CellState s) {
            super.attach(s);
            ikSum.attach(s, this);
        }

        @Override
        public void currents(CellState s) {
            double[] v = s.v, rhs = s.rhs, d = s.d;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    gk[j] = tadj * gbar[j] * n[j];
                    double g = 1e-4 * gk[j];
                    double i = g * (v[nd] - ek[j]);
                    ik[j] = i;
                    rhs[nd] -= i;
                    d[nd] += g;
                }
            }
            ikSum.add();
        }

        @Override
        public void advance(CellState s) {
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    n[j] = Rates.relax(n[j], ninf[j], timefactorN[j] * ntau[j], dt);
                }
            }
        }
    }
}
