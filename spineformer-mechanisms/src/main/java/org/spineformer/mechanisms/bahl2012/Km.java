package org.spineformer.mechanisms.bahl2012;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.IonCurrentSum;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.table.RateTable;

/**
 * Muscarinic (M-type) potassium current of Bahl et al. (2012), from BahlEtAl_2012_IKM.mod (Destexhe's cortical M
 * current after Yamada et al. 1989): ik = 1e-4 gk (v - ek), gk = gbar m, m integrated with METHOD euler (one
 * explicit step, m += dt (m_inf - m) / tau_m, rates at the new v).
 *
 * <p>The exponentials go through the mod's {@code exptable(x)}, a FUNCTION tabulated from -25 to 25 in 10000
 * intervals that is 0 outside the open interval (-25, 25). The temperature enters only in INITIAL, as
 * tau_peak = taumax / 2.3^((celsius - 36)/10) with the simulation's celsius (the mod's {@code celsius = 36}
 * declaration does not override it).
 *
 * <p>Quirk kept from the mod: INITIAL evaluates tau_m before it sets tau_peak, so right after the first
 * initialization tau_m = 0 (tau_peak still 0), and after a re-initialization tau_m uses the previous tau_peak.
 * Only the recorded tau_m of the initial row shows it; m = m_inf does not depend on it.
 */
public final class Km extends AbstractMechanism {
    /** GLOBAL taumax of the mod file (ms), the peak of tau_m at 36 degC. */
    private static final double TAUMAX = 1000;
    /** tau_peak's temperature factor 2.3^((celsius - 36)/10), hard-coded in the mod's INITIAL. */
    private static final double Q10 = 2.3;
    private static final double TEMP = 36;
    private static final double EXPTABLE_LIMIT = 25;
    private static final int EXPTABLE_INTERVALS = 10000;
    /** exptable does not depend on the temperature or any parameter, so all blocks share one table. */
    private static final RateTable EXPTABLE = new RateTable(-EXPTABLE_LIMIT, EXPTABLE_LIMIT, EXPTABLE_INTERVALS, 1,
            (x, out) -> out[0] = exptableExact(x));

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.nonNegative("gbar", "pS/um2", 0, "maximal conductance density"),
            FieldSpec.parameter("vshift", "mV", 0, "shift of the rate curves to more positive potentials"),
            FieldSpec.parameter("ek", "mV", -77, "potassium reversal potential"),
            FieldSpec.state("m", "1", "activation"),
            FieldSpec.assigned("ik", "mA/cm2", "potassium current"),
            // the mod file declares gk in mho/cm2, but it is gbar m, so it is in gbar's pS/um2
            FieldSpec.assigned("gk", "pS/um2", "conductance density gbar m"),
            FieldSpec.assigned("m_inf", "1", "steady-state activation"),
            FieldSpec.assigned("tau_m", "ms", "activation time constant"),
            FieldSpec.assigned("tau_peak", "ms", "peak of tau_m at the temperature, set in INITIAL"));

    public Km() {
        super("BahlEtAl_2012_km", Kind.DENSITY, "M-type K current (Bahl et al. 2012)", FIELDS);
    }

    /** The type of the paper's BahlEtAl_2012_IKM.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 24;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes);
    }

    /** The mod's exptable without its TABLE: exp(x) inside (-25, 25), 0 outside. */
    private static double exptableExact(double x) {
        return x > -EXPTABLE_LIMIT && x < EXPTABLE_LIMIT ? Math.exp(x) : 0;
    }

    private static final class Block extends MechanismBlock {
        /** The gate is a column; nothing else is kept from step to step. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] gbar = column("gbar");
        private final double[] vshift = column("vshift");
        private final double[] ek = column("ek");
        private final double[] m = column("m");
        private final double[] ik = column("ik");
        /** Its current added to the ion's when some block reads the ion's total. */
        private final IonCurrentSum ikSum = new IonCurrentSum("k", "ik");
        private final double[] gk = column("gk");
        private final double[] mInf = column("m_inf");
        private final double[] tauM = column("tau_m");
        private final double[] tauPeak = column("tau_peak");
        private boolean useTables = true;

        Block(Mechanism mechanism, int[] nodes, int lanes) {
            super(mechanism, nodes, lanes);
        }

        @Override
        public void setUseTables(boolean useTables) {
            this.useTables = useTables;
        }

        private double exptable(double x) {
            return useTables ? EXPTABLE.interpolate(x) : exptableExact(x);
        }

        /** The mod's evaluate_fct at element k's shifted voltage (an instance in one trial), with its tau_peak. */
        private void evaluate(int k, double v) {
            double x = v - vshift[k] + 35;
            mInf[k] = 1 / (1 + exptable(-x / 10));
            tauM[k] = tauPeak[k] / (3.3 * exptable(x / 20) + exptable(-x / 20));
        }

        @Override
        public void initialize(CellState s) {
            double tadj = Rates.q10Factor(Q10, s.celsius, TEMP);
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    evaluate(j, s.v[nd]);
                    m[j] = mInf[j];
                    tauPeak[j] = TAUMAX / tadj;
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
                    gk[j] = gbar[j] * m[j];
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
                    evaluate(j, s.v[nd]);
                    m[j] += dt * (mInf[j] - m[j]) / tauM[j];
                }
            }
        }
    }
}
