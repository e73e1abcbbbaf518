package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * A vector current phase whose groups are runs of VL slots on consecutive nodes, found anywhere, does the slots
 * before a run of groups by the scalar kernel, then the groups that follow one another in a loop of their own
 * (docs/dev/nmodl.md, "Speed", g17 session 41): the scalar kernel's bits, the slots before the first group
 * included.
 */
class CurrentGroupGapsTest {
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;
    private static final int VL = org.spineformer.engine.simd.Simd.preferredLanes();
    private static final int SEGMENTS = 40;

    /** A synaptic-like current without an exponential (its groups are runs only), its state changing with v. */
    private static final String CHANNEL = """
            NEURON { POINT_PROCESS gapped NONSPECIFIC_CURRENT i RANGE g, gbar }
            PARAMETER { gbar = 0.002 (uS) e = -80 (mV) }
            ASSIGNED { v (mV) i (nA) g (uS) }
            STATE { m }
            INITIAL { m = 0.1 }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                g = gbar*m*m
                i = g*(v - e)
            }
            DERIVATIVE states { m' = (1/(1 + exp(-(v + 40)/5)) - m)/3 }
            """;

    @Test
    void theSlotsBeforeAGroupAndTheGroupsGiveTheScalarKernelsBits() {
        NmodlMechanism m = NmodlMechanism.compile("gapped.mod", CHANNEL);
        assertThat(run(m, true)).as("lanes against scalar").isEqualTo(run(m, false));
    }

    /**
     * Instances on a's nodes 30, 5 and 30 in node order (two on one node: their additions in slot order), then 2 VL
     * on its nodes 10 onwards, consecutive (VL-slot groups from slot 3), then one on its node 35 (by the scalar
     * kernel after the groups); a passive leak. Every field of every instance and every node's v after each step.
     */
    private static double[] run(NmodlMechanism m, boolean vector) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 10, 1, 35.4, 1, Morphology.filled(1, 10));
        int a = morphology.addChild("a", 400, SEGMENTS, 35.4, 1, Morphology.filled(SEGMENTS, 2), soma, 1);
        ModelBuilder builder = new ModelBuilder(morphology, Catalogue.discover().register(m));
        builder.insert("pas", soma, Map.of("g", 1e-4, "e", -65.0));
        builder.insert("pas", a, Map.of("g", 1e-4, "e", -65.0));
        int[] inNodeOrder = segmentsInNodeOrder(builder, a);
        for (int j : new int[] {30, 5, 30}) {
            builder.addPointProcess("gapped", a, x(inNodeOrder[j]), Map.of("gbar", 0.001 * (1 + j)));
        }
        for (int j = 10; j < 10 + 2 * VL; j++) {
            builder.addPointProcess("gapped", a, x(inNodeOrder[j]), Map.of("gbar", 0.001 * (1 + j)));
        }
        builder.addPointProcess("gapped", a, x(inNodeOrder[35]), Map.of());
        Simulation sim = builder.build(DT_MS, 6.3);
        MechanismBlock block = sim.block("gapped");
        ((VectorKernels) block).setVectorKernels(vector);
        assertThat(block.node(2)).as("two slots on one node").isEqualTo(block.node(0));
        assertThat(block.node(3)).as("the first group's slot starts a run after other slots")
                .isNotEqualTo(block.node(2) + 1);
        for (int k = 4; k < 3 + 2 * VL; k++) {
            assertThat(block.node(k)).as("the groups' slots on consecutive nodes").isEqualTo(block.node(k - 1) + 1);
        }
        if (vector) {
            assertThat(((VectorKernels) block).vectorPhases()[0]).as("the current phase runs in lanes").isTrue();
        }
        sim.initialize(-65);
        int nodes = sim.state().nodes;
        double[] out = new double[STEPS * (block.size() * m.fields().size() + nodes)];
        int o = 0;
        for (int step = 0; step < STEPS; step++) {
            // a depolarization at the shared node in the first steps, so that every node's v moves
            sim.state().v[block.node(0)] += step < 5 ? 20 : 0;
            sim.step();
            for (int k = 0; k < block.size(); k++) {
                for (var f : m.fields()) {
                    out[o++] = block.get(f.name(), k);
                }
            }
            for (int nd = 0; nd < nodes; nd++) {
                out[o++] = sim.state().v[nd];
            }
        }
        return out;
    }

    /** The segments of {@code section}, ordered by their nodes (the engine numbers a section's nodes its own way). */
    private static int[] segmentsInNodeOrder(ModelBuilder builder, int section) {
        var discretization = builder.build(DT_MS, 6.3).discretization();
        return IntStream.range(0, SEGMENTS).boxed()
                .sorted(Comparator.comparingInt(seg -> discretization.segmentNode(section, seg)))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double x(int segment) {
        return (segment + 0.5) / SEGMENTS;
    }
}
