package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Slow (inactivating) potassium current of Bahl et al. (2012), from BahlEtAl_2012_kslow.mod (Korngreen's k_slow.mod):
 * ik = 1e-4 gk (v - ek), gk = tadj gbar a^2 (b + b1)/2, with activation a and a fast and a slow inactivation b, b1
 * sharing binf, all integrated with cnexp.
 *
 * <p>The rates are functions of v - vshift - vshift2, tabulated from -120 to 100 mV (NEURON's TABLE). Unlike nat and
 * kfast, tadj = 2.3^((celsius - 21)/10) multiplies only the conductance: the time constants are not scaled.
 */
public final class Kslow extends AbstractMechanism {
    private static final double V05B = -58;
    private static final double ZB = -11;
    private static final double A0 = 0.0052;
    private static final double A1 = 11.1;
    private static final double A2 = 13.1;
    private static final double A3 = 0.01938;
    private static final double A4 = -1.27;
    private static final double A5 = 71;
    private static final double A6 = -0.0053;
    private static final double B0 = 360;
    private static final double B11 = 1010;
    private static final double B2 = -75;
    private static final double B3 = 48;
    private static final double B4 = 23.7;
    private static final double B5 = -54;
    private static final double BB0 = 2350;
    private static final double BB1 = 1380;
    private static final double BB2 = 0.01118;
    private static final double BB3 = -210;
    private static final double BB4 = 0.0306;
    private static final double TEMP = 21;
    private static final double Q10 = 2.3;
    private static final double VMIN = -120;
    private static final double VMAX = 100;
    private static final int TABLE_INTERVALS = 199;
    private static final int TAUA = 0, AINF = 1, BINF = 2, TAUB = 3, TAUB1 = 4;

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density, before tadj"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.parameter("vshift2", "mV", 0, "second shift, added to vshift"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("a", "1", "activation"),
            FieldSpec.state("b", "1", "fast inactivation"),
            FieldSpec.state("b1", "1", "slow inactivation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"),
            FieldSpec.assigned("gk", "pS/um2", "conductance density tadj gbar a^2 (b + b1)/2"),
            FieldSpec.assigned("ainf", "1", "steady-state activation"),
            FieldSpec.assigned("binf", "1", "steady-state inactivation (both b and b1)"),
            FieldSpec.assigned("taua", "ms", "activation time constant"),
            FieldSpec.assigned("taub", "ms", "fast inactivation time constant"),
            FieldSpec.assigned("taub1", "ms", "slow inactivation time constant"));

    public Kslow() {
        super("BahlEtAl_2012_kslow", Kind.DENSITY, "slow inactivating K current (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_kslow.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 31;
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
        private final double[] vshift2 = column("vshift2");
        private final double[] ek = column("ek");
        private final double[] a = column("a");
        private final double[] b = column("b");
        private final double[] b1 = column("b1");
        private final double[] ik = column("ik");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum ikSum = new IonCurrentSum("k", "ik");
        private final double[] gk = column("gk");
        private final double[] ainf = column("ainf");
        private final double[] binf = column("binf");
        private final double[] taua = column("taua");
        private final double[] taub = column("taub");
        private final double[] taub1 = column("taub1");
        private double tadj;

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes, VMIN, VMAX, TABLE_INTERVALS, 5);
        }

        @Override
        protected void temperature(double celsius) {
            tadj = Rates.q10Factor(Q10, celsius, TEMP);
        }

        /** alpha has a 0/0 at vm = a1 (no guard in the mod); linoid takes its limit there. */
        @Override
        protected void exactRates(double vm, double[] out) {
            double alpha = A0 * Rates.linoid(vm - A1, A2);
            double beta = A3 * Math.exp(-(vm - A4) / A5) + A6;
            out[TAUA] = 1 / (alpha + beta);
            out[AINF] = alpha / (alpha + beta);
            out[TAUB] = B0 + (B11 + B4 * (vm - B5)) * Math.exp(-(vm - B2) * (vm - B2) / (B3 * B3));
            out[TAUB1] = BB0 + BB1 * Math.exp(-BB2 * vm) + BB3 * Math.exp(-BB4 * vm);
            out[BINF] = 1 / (1 + Math.exp(-(vm - V05B) / ZB));
        }

        private void ratesAt(int k, double v) {
            rates(v - vshift[k] - vshift2[k]);
            taua[k] = rate[TAUA];
            ainf[k] = rate[AINF];
            binf[k] = rate[BINF];
            taub[k] = rate[TAUB];
            taub1[k] = rate[TAUB1];
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    a[j] = ainf[j];
                    b[j] = binf[j];
                    b1[j] = binf[j];
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
                    gk[j] = tadj * gbar[j] * a[j] * a[j] * (0.5 * b[j] + 0.5 * b1[j]);
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
                    a[j] = Rates.relax(a[j], ainf[j], taua[j], dt);
                    b[j] = Rates.relax(b[j], binf[j], taub[j], dt);
                    b1[j] = Rates.relax(b1[j], binf[j], taub1[j], dt);
                }
            }
        }
    }
}
