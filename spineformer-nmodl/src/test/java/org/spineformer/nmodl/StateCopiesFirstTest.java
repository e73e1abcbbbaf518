package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector state phase copies what it reads from the nodes (v, ion variables) into the columns for every group in
 * a loop before the groups' kernels when it writes nothing to the nodes (docs/dev/nmodl.md, "Speed", g17 session
 * 38): the scalar kernel's bits. Not where it writes a concentration back, which a later slot of the same node
 * must read (a block that writes one runs in lanes only on distinct nodes, so the rule is conservative there).
 * There, a group on consecutive nodes takes its copies from the node arrays and writes the nodes from its locals.
 */
class StateCopiesFirstTest {
    private static final int INSTANCES = 20;
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;
    /** The second loop, over the groups' kernels, that only the copies-first state phase has. */
    private static final String SECOND_LOOP = "for (k0 = 0; k0 + VL <= slots; k0 += VL)";

    /** w integrates cai (AMPA_WITH_CA's g_dynamic reads cai so). */
    private static final String READS_CAI = """
            NEURON { SUFFIX rca USEION ca READ cai NONSPECIFIC_CURRENT i RANGE g }
            PARAMETER { g = 0.001 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) cai (mM) }
            STATE { w }
            INITIAL { w = 0 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                i = g*w*(v - e)
            }
            DERIVATIVE states { w' = -w/20 + 1000*cai }
            """;

    /** A calcium pool: writes cai, which a later slot on the same node reads. */
    private static final String WRITES_CAI = """
            NEURON { SUFFIX wca USEION ca READ ica WRITE cai }
            PARAMETER { taur = 15 (ms) }
            ASSIGNED { ica (mA/cm2) cai (mM) }
            STATE { ca (mM) }
            INITIAL { ca = 1e-4  cai = ca }
            BREAKPOINT { SOLVE pool METHOD cnexp }
            DERIVATIVE pool {
                ca' = -ica/10 + (1e-4 - ca)/taur
                cai = ca
            }
            """;

    @Test
    void aStatePhaseReadingTheNodesCopiesFirst() {
        NmodlMechanism m = NmodlMechanism.compile("rca.mod", READS_CAI);
        assertThat(m.javaSource()).contains(SECOND_LOOP);
        assertThat(run(m, "rca", true)).as("lanes against scalar").isEqualTo(run(m, "rca", false));
    }

    @Test
    void notWhereItWritesAConcentration() {
        NmodlMechanism m = NmodlMechanism.compile("wca.mod", WRITES_CAI);
        assertThat(m.javaSource()).contains("private int vadvance").doesNotContain(SECOND_LOOP);
        assertThat(run(m, "wca", true)).as("lanes against scalar").isEqualTo(run(m, "wca", false));
    }

    /** A calcium current at every node, so that each node's ica differs with its v. */
    private static final String CA_CURRENT = """
            NEURON { SUFFIX cal USEION ca WRITE ica RANGE g }
            PARAMETER { g = 0.001 (S/cm2) }
            ASSIGNED { v (mV) ica (mA/cm2) }
            BREAKPOINT { ica = g*(v - 100) }
            """;

    /**
     * A writer's group on consecutive nodes takes what it copies from the nodes from the node arrays and writes cai
     * to the nodes from its local (the copies' store then load of the same elements stalled: docs/dev/nmodl.md,
     * g17 session 40); a group that is not (the pool in sections a and c, whose nodes b's interleave) from the
     * columns.
     * Both with the scalar kernel's bits, the nodes' cai too.
     */
    @Test
    void aWritersGroupOnConsecutiveNodesTakesTheNodesValuesOthersTheColumns() {
        NmodlMechanism m = NmodlMechanism.compile("wca.mod", WRITES_CAI);
        assertThat(m.javaSource()).contains("(run ? DoubleVector.fromArray(VS, ion_ca_current, nd0)")
                .contains("lc_cai.intoArray(ion_ca_concentration, nd0);");
        assertThat(gappedRun(m, true)).as("lanes against scalar").isEqualTo(gappedRun(m, false));
    }

    /**
     * Sections a, b and c of 10 nodes each, b a child of a at 1, c at 0, the pool in a and c (NEURON's node order
     * puts b's and c's nodes in turn after a's: the pool's groups on a's nodes 0-7, then on 8, 9 and every other
     * node, then four slots by the scalar kernel), the calcium current everywhere: every field of the pool and every
     * node's cai after each step, each node's v set before it.
     */
    private static double[] gappedRun(NmodlMechanism m, boolean vector) {
        Morphology morphology = new Morphology();
        int a = morphology.addRoot("a", 100, 10, 35.4, 1, Morphology.filled(10, 2));
        morphology.addChild("b", 100, 10, 35.4, 1, Morphology.filled(10, 2), a, 1);
        int c = morphology.addChild("c", 100, 10, 35.4, 1, Morphology.filled(10, 2), a, 0);
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m)
                .register(NmodlMechanism.compile("cal.mod", CA_CURRENT)));
        b.insert("wca", a, Map.of());
        b.insert("wca", c, Map.of());
        for (int section = 0; section < 3; section++) {
            b.insert("cal", section, Map.of());
        }
        Simulation sim = b.build(DT_MS, 6.3);
        sim.initialize(-65);
        MechanismBlock block = sim.block("wca");
        ((VectorKernels) block).setVectorKernels(vector);
        double[] cai = sim.state().ion("ca").concentration;
        int nodes = sim.state().nodes;
        double[] out = new double[STEPS * (block.size() * m.fields().size() + nodes)];
        int o = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int nd = 0; nd < nodes; nd++) {
                sim.state().v[nd] = -70 + 3.1 * nd + 0.9 * step;
            }
            sim.step();
            for (int k = 0; k < block.size(); k++) {
                for (var f : m.fields()) {
                    out[o++] = block.get(f.name(), k);
                }
            }
            for (int nd = 0; nd < nodes; nd++) {
                out[o++] = cai[nd];
            }
        }
        return out;
    }

    /** Every field of every instance after each step, each node's v, cai and ica set before each step. */
    private static double[] run(NmodlMechanism m, String suffix, boolean vector) {
        Simulation sim = DecayMemoTest.cell(m, suffix, INSTANCES, DT_MS);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        assertThat(((VectorKernels) block).vectorPhases()[1]).as("the state phase runs in lanes").isTrue();
        var ca = sim.state().ion("ca");
        var fields = m.fields();
        double[] out = new double[STEPS * INSTANCES * fields.size()];
        int o = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < INSTANCES; k++) {
                int nd = block.node(k);
                sim.state().v[nd] = -70 + 3.1 * k + 0.9 * step;
                ca.concentration[nd] = 1e-4 * (1 + 0.3 * k + 0.1 * step);
                ca.current()[nd] = -1e-3 * (1 + 0.2 * k);
            }
            sim.step();
            for (int k = 0; k < INSTANCES; k++) {
                for (var f : fields) {
                    out[o++] = block.get(f.name(), k);
                }
            }
        }
        return out;
    }
}
