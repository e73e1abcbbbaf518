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
 * The current phase's evaluation at v leaves out what the state phase writes again before it reads it, after the
 * first current phase after INITIAL (docs/dev/nmodl.md, "The evaluation at v with only what is seen"). Each file is
 * run against itself with one statement added after the procedure that reads its outputs, so that the evaluation at
 * v stays whole: v and every value after initialization and after each step must be the same bits, with the state
 * phase's table of v and without it.
 */
class EvaluationAtVTest {
    /** INITIAL does not call rates: after it only the current phase's evaluation at v has written hinf and htau. */
    private static final String MOD = """
            NEURON {
                SUFFIX atv
                NONSPECIFIC_CURRENT i
                RANGE gbar, minf, hinf, htau, all
            }
            PARAMETER { gbar = 0.001 (S/cm2) }
            ASSIGNED { v (mV) celsius (degC) i (mA/cm2) minf hinf htau all }
            STATE { h }
            INITIAL { h = 0.5 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                rates(v)
            %s
                i = gbar*minf*h*(v + 70)
            }
            DERIVATIVE states {
            %s
            }
            PROCEDURE rates(vm (mV)) {
                LOCAL q
                q = 3^((celsius - 6.3)/10)
                minf = 1/(1 + exp(-(vm + 40)/5))
                hinf = 1/(1 + exp((vm + 60)/7))
                htau = 1/q + 2/(1 + exp((vm + 50)/10))
            }
            """;
    /** The state phase writes minf, hinf and htau before it reads them. */
    private static final String WRITES_FIRST = """
                rates(v)
                h' = (hinf - h)/htau
            """;
    /** The state phase reads hinf and htau before it writes them: the current phase's values. */
    private static final String READS_FIRST = """
                h' = (hinf - h)/htau
                rates(v)
            """;
    /** Reads what rates wrote, for nothing the current needs: the evaluation at v then stays whole. */
    private static final String WHOLE = "    all = hinf + htau";
    private static final String[] COLUMNS = {"minf", "hinf", "htau", "h", "i"};
    private static final int STEPS = 40;

    @Test
    void whatTheStatePhaseWritesBeforeReadingItIsLeftOutOfTheEvaluationAtV() {
        NmodlMechanism sliced = NmodlMechanism.compile("atv.mod", MOD.formatted("", WRITES_FIRST));
        assertThat(copyAtV(sliced)).containsExactly("double l_q = 0.0;",
                "c_minf[k] = (1.0 / (1.0 + org.spineformer.engine.simd.StrictExp.exp(((-(l_vm + 40.0)) / 5.0))));");
        assertThat(sliced.javaSource()).as("the state phase read from a table of v").contains("rateTable_states");
        NmodlMechanism whole = NmodlMechanism.compile("atvwhole.mod", MOD.formatted(WHOLE, WRITES_FIRST));
        sameBits(sliced, whole, true);
        sameBits(sliced, whole, false);
    }

    @Test
    void whatTheStatePhaseReadsBeforeWritingItStaysInTheEvaluationAtV() {
        NmodlMechanism kept = NmodlMechanism.compile("atvread.mod", MOD.formatted("", READS_FIRST));
        assertThat(kept.javaSource()).doesNotContain("currentAtV");
        NmodlMechanism whole = NmodlMechanism.compile("atvreadwhole.mod", MOD.formatted(WHOLE, READS_FIRST));
        sameBits(kept, whole, true);
    }

    /** The body of pv_rates, the procedure's copy for the evaluation at v. */
    private static List<String> copyAtV(NmodlMechanism mechanism) {
        List<String> source = Arrays.stream(mechanism.javaSource().split("\n")).map(String::strip).toList();
        int at = source.indexOf("private void pv_rates(int k, CellState s, double l_vm) {");
        assertThat(at).as("pv_rates in\n" + mechanism.javaSource()).isPositive();
        return source.subList(at + 1, source.size()).stream().takeWhile(l -> !l.equals("}")).toList();
    }

    /** Both files side by side: v and every column shared the same bits after initialization and each step. */
    private static void sameBits(NmodlMechanism sliced, NmodlMechanism whole, boolean tables) {
        assertThat(whole.javaSource()).as("the whole file's evaluation at v").doesNotContain("currentAtV");
        Simulation a = simulation(sliced, tables);
        Simulation b = simulation(whole, tables);
        for (int step = 0; step <= STEPS; step++) {
            assertThat(a.state().v).as("v after step " + step).isEqualTo(b.state().v);
            for (String column : COLUMNS) {
                assertThat(a.block("atv").column(column)).as(column + " after step " + step + ", tables " + tables)
                        .isEqualTo(b.block("atv").column(column));
            }
            a.step();
            b.step();
        }
    }

    private static Simulation simulation(NmodlMechanism mechanism, boolean tables) {
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(mechanism));
        b.insert("atv", section, Map.of("gbar", 0.01));
        Simulation sim = b.build(0.025, 6.3);
        sim.setUseTables(tables);
        sim.initialize(-65.0);
        return sim;
    }
}
