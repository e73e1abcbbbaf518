package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The current phase evaluates the BREAKPOINT at v + 0.001 and at v (nocmodl's nrn_cur); statements that give the
 * same values in both are run once (docs/dev/nmodl.md, "Speed"). This checks that the ones that do not stay in both
 * evaluations, with the values NEURON's two evaluations leave, and that the ones that do are run once.
 */
class CurrentPhaseTest {
    private static final String MOD = """
            NEURON {
                SUFFIX twice
                NONSPECIFIC_CURRENT i
                RANGE gbar, n, a, b, c, w
            }
            PARAMETER { gbar = 0.001 (S/cm2) }
            ASSIGNED { v (mV) i (mA/cm2) n a b c w }
            INITIAL { n = 0 }
            BREAKPOINT {
                : reads what it writes: each evaluation adds 1
                n = n + 1
                : reads b, which a later statement writes: ends at the first evaluation's b, v + 0.001
                a = b
                b = v
                : a FUNCTION reading v: at v + 0.001, then at v
                c = vget()
                : the same in both evaluations: run once
                w = 2*gbar
                i = w*(v + 70)
            }
            FUNCTION vget() { vget = v }
            """;
    /** The potential the compartment starts at (mV). */
    private static final double V0 = -65.0;

    private static NmodlMechanism mechanism;
    private static Simulation sim;
    private static MechanismBlock block;

    @BeforeAll
    static void oneCurrentPhase() {
        mechanism = NmodlMechanism.compile("twice.mod", MOD);
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(mechanism));
        b.insert("twice", section, Map.of());
        sim = b.build(0.025, 6.3);
        sim.initialize(V0);
        block = sim.block("twice");
        double n = block.column("n")[0];
        // the only change in between: n counts the evaluations
        block.currents(sim.state());
        assertThat(block.column("n")[0] - n).as("evaluations of the BREAKPOINT in one current phase").isEqualTo(2.0);
    }

    @Test
    void aStatementReadingWhatALaterOneWritesKeepsTheFirstEvaluationsValue() {
        assertThat(block.column("a")[0]).isEqualTo(V0 + 0.001);
        assertThat(block.column("b")[0]).isEqualTo(V0);
    }

    @Test
    void aFunctionReadingVSeesTheEvaluationsV() {
        assertThat(block.column("c")[0]).isEqualTo(V0);
    }

    @Test
    void onlyTheStatementThatIsTheSameInBothEvaluationsRunsOnce() {
        assertThat(block.column("w")[0]).isEqualTo(2 * 0.001);
        List<String> source = Arrays.stream(mechanism.javaSource().split("\n")).map(String::strip).toList();
        int once = source.indexOf("private void currentOnce(int k, CellState s) {");
        assertThat(once).as("currentOnce in\n" + mechanism.javaSource()).isPositive();
        assertThat(source.subList(once + 1, source.size()).stream().takeWhile(l -> !l.equals("}")).toList())
                .containsExactly("c_w[k] = (2.0 * c_gbar[k]);");
    }
}
