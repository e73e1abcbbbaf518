package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The current phase's evaluation at v + 0.001 leaves out what neither its currents nor the evaluation at v need,
 * in the BREAKPOINT and in a PROCEDURE it calls (docs/dev/nmodl.md, "The first evaluation with only what it
 * needs"). Each file is run against itself with one statement added first that reads every output of the
 * procedure, so that its first evaluation stays whole: every value after each step must be the same bits, as
 * NEURON's two whole evaluations leave them.
 */
class FirstEvaluationTest {
    /** The procedure's outputs: hinf and htau are not the current's in every file, hextra in none. */
    private static final String MOD = """
            NEURON {
                SUFFIX slice
                NONSPECIFIC_CURRENT i
                RANGE gbar, minf, hinf, htau, hextra, count, seen, before, all
            }
            PARAMETER { gbar = 0.001 (S/cm2) }
            ASSIGNED { v (mV) celsius (degC) i (mA/cm2) minf hinf htau hextra count seen before all }
            INITIAL { count = 0 }
            BREAKPOINT {
            %s
            }
            PROCEDURE rates(vm (mV)) {
                LOCAL q
                : reads what it writes: one more for each evaluation
                count = count + 1
                q = 3^((celsius - 6.3)/10)
                minf = 1/(1 + exp(-(vm + 40)/5))
                hinf = 1/(1 + exp((vm + 60)/7))
                htau = 1/q + hinf
                hextra = exp(vm/10)
            }
            """;
    /** The current needs minf only; hinf is read after the procedure, but not for the current. */
    private static final String NOT_READ = """
                rates(v)
                seen = hinf
                i = gbar*minf*(v + 70)
            """;
    /** The current reads hinf too, and htau is read before the procedure writes it (the second evaluation's read). */
    private static final String READ = """
                before = htau
                rates(v)
                i = gbar*minf*hinf*(v + 70)
            """;
    /**
     * Read first (and all itself: a statement reading what it writes stays in both): every value the evaluation
     * writes is then needed by the evaluation at v, and nothing is left out of the first.
     */
    private static final String WHOLE = "    all = all + hinf + htau + hextra + seen + before\n";
    private static final String[] COLUMNS = {"minf", "hinf", "htau", "hextra", "count", "seen", "before"};
    private static final int STEPS = 40;

    @Test
    void aProcedureOutputOnlyReadAfterTheCurrentIsLeftOutOfTheFirstEvaluation() {
        NmodlMechanism sliced = NmodlMechanism.compile("notread.mod", MOD.formatted(NOT_READ));
        assertThat(firstCopy(sliced)).containsExactly("double l_q = 0.0;", "c_count[k] = (c_count[k] + 1.0);",
                "c_minf[k] = (1.0 / (1.0 + org.spineformer.engine.simd.StrictExp.exp(((-(l_vm + 40.0)) / 5.0))));");
        sameBitsAsWhole(sliced, NmodlMechanism.compile("notreadwhole.mod", MOD.formatted(WHOLE + NOT_READ)));
    }

    @Test
    void aProcedureOutputTheCurrentOrTheSecondEvaluationReadsStaysInTheFirst() {
        NmodlMechanism sliced = NmodlMechanism.compile("read.mod", MOD.formatted(READ));
        assertThat(String.join("\n", firstCopy(sliced))).contains("c_hinf[k] =", "c_htau[k] =", "l_q =")
                .doesNotContain("c_hextra[k] =");
        Simulation sim = sameBitsAsWhole(sliced, NmodlMechanism.compile("readwhole.mod", MOD.formatted(WHOLE + READ)));
        // before ends at the first evaluation's htau, at v + 0.001: not the one the phase leaves, at v
        assertThat(sim.block("slice").column("before")[0]).isNotEqualTo(sim.block("slice").column("htau")[0]);
    }

    /** The body of pf_rates, the procedure's copy for the first evaluation. */
    private static List<String> firstCopy(NmodlMechanism mechanism) {
        List<String> source = Arrays.stream(mechanism.javaSource().split("\n")).map(String::strip).toList();
        int at = source.indexOf("private void pf_rates(int k, CellState s, double l_vm) {");
        assertThat(at).as("pf_rates in\n" + mechanism.javaSource()).isPositive();
        return source.subList(at + 1, source.size()).stream().takeWhile(l -> !l.equals("}")).toList();
    }

    /** Steps both files side by side; v and every column shared must be the same bits after each step. */
    private static Simulation sameBitsAsWhole(NmodlMechanism sliced, NmodlMechanism whole) {
        assertThat(whole.javaSource()).as("the whole file's first evaluation").doesNotContain("currentFirst");
        Simulation a = simulation(sliced);
        Simulation b = simulation(whole);
        for (int step = 0; step < STEPS; step++) {
            a.step();
            b.step();
            assertThat(a.state().v).as("v after step " + step).isEqualTo(b.state().v);
            for (String column : COLUMNS) {
                assertThat(a.block("slice").column(column)).as(column + " after step " + step)
                        .isEqualTo(b.block("slice").column(column));
            }
        }
        assertThat(a.block("slice").column("count")[0]).as("evaluations of the procedure").isEqualTo(2 * STEPS + 2);
        return a;
    }

    private static Simulation simulation(NmodlMechanism mechanism) {
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(mechanism));
        b.insert("slice", section, Map.of("gbar", 0.01));
        Simulation sim = b.build(0.025, 6.3);
        sim.initialize(-65.0);
        return sim;
    }
}
