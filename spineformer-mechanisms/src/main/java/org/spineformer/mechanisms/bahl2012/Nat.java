package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Transient sodium current of Bahl et al. (2012), from BahlEtAl_2012_nat.mod (Mainen's na.mod with Kole's 2006
 * somatic kinetics): ina = 1e-4 gna (v - ena), gna = gbarfactor tadj gbar m^3 h, m and h integrated with cnexp.
 *
 * <p>The rates are functions of v - vshift - vshift2, tabulated from -120 to 100 mV (NEURON's TABLE). The
 * temperature factor tadj = 2.3^((celsius - 23)/10) divides both time constants and also multiplies the
 * conductance.
 */
public final class Nat extends AbstractMechanism {
    private static final double THA = -28;
    private static final double QA = 9;
    private static final double RA = 0.182;
    private static final double RB = 0.124;
    private static final double THI1 = -50;
    private static final double THI2 = -75;
    private static final double QI = 5;
    private static final double THINF = -55;
    private static final double QINF = 6.2;
    private static final double RG = 0.0091;
    private static final double RD = 0.024;
    private static final double TEMP = 23;
    private static final double Q10 = 2.3;
    private static final double VMIN = -120;
    private static final double VMAX = 100;
    private static final int TABLE_INTERVALS = 199;
    /** Positions in the rate vector (the TABLE's order). */
    private static final int MINF = 0, HINF = 1, MTAU = 2, HTAU = 3;

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density, before gbarfactor and tadj"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.parameter("vshift2", "mV", 0, "second shift, added to vshift"),
            FieldSpec.nonNegative("gbarfactor", "1", 1, "scale factor on gbar"),
            FieldSpec.positive("timefactor_m", "1", 1, "scale factor on the activation time constant"),
            FieldSpec.positive("timefactor_h", "1", 1, "scale factor on the inactivation time constant"),
            FieldSpec.parameter("ena", "mV", 50, "sodium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.state("h", "1", "inactivation"),
            FieldSpec.assigned("ina", "mA/cm2", "sodium current"),
            FieldSpec.assigned("gna", "pS/um2", "conductance density gbarfactor tadj gbar m^3 h"),
            FieldSpec.assigned("minf", "1", "steady-state activation"),
            FieldSpec.assigned("hinf", "1", "steady-state inactivation"),
            FieldSpec.assigned("mtau", "ms", "activation time constant (before timefactor_m)"),
            FieldSpec.assigned("htau", "ms", "inactivation time constant (before timefactor_h)"));

    public Nat() {
        super("BahlEtAl_2012_nat", Kind.DENSITY, "transient Na current (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_nat.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 33;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    /**
     * The mod file's trap0, a (v - th) / (1 - exp(-(v - th)/q)), with its guard kept as NEURON runs it: the guard
     * tests |v/th| > 1e-6 instead of v - th, so within 1e-6 |th| of v = 0 it returns the limit a q although the
     * formula is regular there. The real 0/0 at v = th, which the mod leaves unguarded, goes to the analytic limit.
     */
    private static double trap0(double v, double th, double a, double q) {
        return Math.abs(v / th) > 1e-6 ? a * Rates.linoid(v - th, q) : a * q;
    }

    private static final class Block extends TabulatedBlock {
        private final double[] gbar = column("gbar");
        private final double[] vshift = column("vshift");
        private final double[] vshift2 = column("vshift2");
        private final double[] gbarfactor = column("gbarfactor");
        private final double[] timefactorM = column("timefactor_m");
        private final double[] timefactorH = column("timefactor_h");
        private final double[] ena = column("ena");
        private final double[] m = column("m");
        private final double[] h = column("h");
        private final double[] ina = column("ina");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum inaSum = new IonCurrentSum("na", "ina");
        private final double[] gna = column("gna");
        private final double[] minf = column("minf");
        private final double[] hinf = column("hinf");
        private final double[] mtau = column("mtau");
        private final double[] htau = column("htau");
        private double tadj;

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes, VMIN, VMAX, TABLE_INTERVALS, 4);
        }

        @Override
        protected void temperature(double celsius) {
            tadj = Rates.q10Factor(Q10, celsius, TEMP);
        }

        @Override
        protected void exactRates(double vm, double[] out) {
            double a = trap0(vm, THA, RA, QA);
            double b = trap0(-vm, -THA, RB, QA);
            out[MTAU] = 1 / tadj / (a + b);
            out[MINF] = a / (a + b);
            a = trap0(vm, THI1, RD, QI);
            b = trap0(-vm, -THI2, RG, QI);
            out[HTAU] = 1 / tadj / (a + b);
            out[HINF] = 1 / (1 + Math.exp((vm - THINF) / QINF));
        }

        /** Rates at element k's shifted voltage (an instance in one trial), stored in its columns. */
        private void ratesAt(int k, double v) {
            rates(v - vshift[k] - vshift2[k]);
            minf[k] = rate[MINF];
            hinf[k] = rate[HINF];
            mtau[k] = rate[MTAU];
            htau[k] = rate[HTAU];
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    ratesAt(j, s.v[nd]);
                    m[j] = minf[j];
                    h[j] = hinf[j];
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
                    double mk = m[j];
                    gna[j] = gbarfactor[j] * tadj * gbar[j] * mk * mk * mk * h[j];
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
                    m[j] = Rates.relax(m[j], minf[j], timefactorM[j] * mtau[j], dt);
                    h[j] = Rates.relax(h[j], hinf[j], timefactorH[j] * htau[j], dt);
                }
            }
        }
    }
}
