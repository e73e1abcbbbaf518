package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A FUNCTION that computes exp(nu) and calls another that computes exp of the same nu (the GHK current's pattern)
 * gets the exponential from a one-entry memo the second time (gen.RepeatedExp, docs/dev/nmodl.md): the currents
 * must be those of the same arithmetic with every exp computed, bit for bit, at every instance, whether the memo
 * holds the value of this evaluation, of the other evaluation for di/dv, or of another instance.
 */
class RepeatedExpTest {
    /** A calcium current by the GHK equation: ghk computes exp(nu) and efun(nu) computes it again. */
    private static final String MEMO = """
            NEURON { SUFFIX ghkmemo USEION ca READ cai, cao WRITE ica RANGE pbar }
            PARAMETER { pbar = 1e-3 }
            ASSIGNED { v (mV) celsius (degC) cai (mM) cao (mM) ica (mA/cm2) }
            BREAKPOINT { ica = pbar * ghk(v, cai, cao) }
            FUNCTION ghk(v (mV), ci (mM), co (mM)) (mV) {
                LOCAL f, nu
                f = 0.0853 * (celsius + 273.15) / 2
                nu = v / f
                ghk = -f * (1 - (ci / co) * exp(nu)) * efun(nu)
            }
            FUNCTION efun(z) {
                if (fabs(z) < 1e-4) { efun = 1 - z / 2 } else { efun = z / (exp(z) - 1) }
            }
            """;

    /** The same arithmetic, with efun's exp behind one more FUNCTION: nothing for the memo, every exp computed. */
    private static final String PLAIN = """
            NEURON { SUFFIX ghkplain USEION ca READ cai, cao WRITE ica RANGE pbar }
            PARAMETER { pbar = 1e-3 }
            ASSIGNED { v (mV) celsius (degC) cai (mM) cao (mM) ica (mA/cm2) }
            BREAKPOINT { ica = pbar * ghk(v, cai, cao) }
            FUNCTION ghk(v (mV), ci (mM), co (mM)) (mV) {
                LOCAL f, nu
                f = 0.0853 * (celsius + 273.15) / 2
                nu = v / f
                ghk = -f * (1 - (ci / co) * exp(nu)) * efun(nu)
            }
            FUNCTION efun(z) {
                if (fabs(z) < 1e-4) { efun = 1 - z / 2 } else { efun = z / (ex(z) - 1) }
            }
            FUNCTION ex(z) { ex = exp(z) }
            """;

    /** Each instance's v (mV): two alike (the memo holds the other instance's value), and 0 (efun's series). */
    private static final double[] V = {-65.0, 30.0, -65.0, 0.0};
    /** Each instance's cai (mM). */
    private static final double[] CAI = {5e-5, 1e-4, 5e-5, 2e-3};

    @Test
    void onlyTheRepeatedPatternGetsTheMemo() {
        assertThat(NmodlMechanism.compile("ghkmemo.mod", MEMO).javaSource())
                .contains("memoExp(l_nu)", "memoExp(l_z)");
        assertThat(NmodlMechanism.compile("ghkplain.mod", PLAIN).javaSource()).doesNotContain("memoExp");
    }

    @Test
    void theCurrentsAreThoseOfEveryExpComputed() {
        CurrentPhase memo = currentPhase("ghkmemo", NmodlMechanism.compile("ghkmemo.mod", MEMO));
        CurrentPhase plain = currentPhase("ghkplain", NmodlMechanism.compile("ghkplain.mod", PLAIN));
        for (int k = 0; k < V.length; k++) {
            assertThat(memo.ica[k]).as("ica at instance %d", k).isEqualTo(plain.ica[k]);
            assertThat(memo.didv[k]).as("di/dv at instance %d", k).isEqualTo(plain.didv[k]);
            // the two evaluations differ: a memo that ignored its argument would give di/dv = 0
            assertThat(memo.didv[k]).as("di/dv at instance %d", k).isNotZero();
        }
    }

    private record CurrentPhase(double[] ica, double[] didv) {
    }

    /** One current phase of the mechanism alone on a 4-segment section at {@link #V} and {@link #CAI}. */
    private static CurrentPhase currentPhase(String name, NmodlMechanism m) {
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 40, V.length, 35.4, 1, Morphology.filled(V.length, 2));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert(name, section, Map.of());
        Simulation sim = b.build(0.025, 34);
        sim.initialize(-65);
        MechanismBlock block = sim.block(name);
        CellState s = sim.state();
        double[] ica = new double[V.length];
        double[] didv = new double[V.length];
        for (int k = 0; k < V.length; k++) {
            int node = block.node(k);
            s.v[node] = V[k];
            s.ion("ca").concentration[node] = CAI[k];
            s.d[node] = 0;
        }
        block.currents(s);
        for (int k = 0; k < V.length; k++) {
            ica[k] = block.get("ica", k);
            didv[k] = s.d[block.node(k)];
        }
        return new CurrentPhase(ica, didv);
    }
}
