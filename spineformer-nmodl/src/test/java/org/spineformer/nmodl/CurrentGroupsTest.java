package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.simd.Simd;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector current phase's groups (docs/dev/nmodl.md, "Vector kernels", h18 session 38): without an exponential in
 * lanes, a group wherever VL slots are on consecutive nodes, found in slot order from any slot (Hay's apical
 * channels: their sections' nodes are broken by each section's end node), the slots between them by the scalar
 * kernel; with one, every group of VL slots from slot 0 as before. Either way the same bits as the scalar kernel.
 */
class CurrentGroupsTest {
    private static final double DT_MS = 0.025;
    private static final int STEPS = 20;

    /** A current affine in v, no exponential in the current phase (the state phase's is not in it). */
    private static final String AFFINE = """
            NEURON { SUFFIX runk USEION k READ ek WRITE ik RANGE gbar, g }
            PARAMETER { gbar = 0.002 (S/cm2) }
            ASSIGNED { v (mV) ek (mV) ik (mA/cm2) g (S/cm2) }
            STATE { m }
            BREAKPOINT {
                SOLVE states METHOD cnexp
                g = gbar*m*m
                ik = g*(v - ek)
            }
            INITIAL { m = 1/(1 + exp(-(v + 40)/9)) }
            DERIVATIVE states { m' = (1/(1 + exp(-(v + 40)/9)) - m)/2 }
            """;

    /** A current with an exponential of v: computed in lanes, so every group in lanes, gathered where it must. */
    private static final String EXPONENTIAL = """
            NEURON { SUFFIX rune NONSPECIFIC_CURRENT i RANGE gbar }
            PARAMETER { gbar = 0.002 (S/cm2) e = -20 (mV) }
            ASSIGNED { v (mV) i (mA/cm2) }
            BREAKPOINT { i = gbar*exp(0.01*v)*(v - e) }
            """;

    @Test
    void withoutAnExponentialTheGroupsAreTheRunsOfConsecutiveNodesFromAnySlot() throws Exception {
        NmodlMechanism m = NmodlMechanism.compile("runk.mod", AFFINE);
        Simulation sim = cell(m, "runk");
        MechanismBlock block = sim.block("runk");
        int[] runs = runs(block);
        assertThat(Arrays.stream(runs).anyMatch(k0 -> k0 % Simd.preferredLanes() != 0))
                .as("the cell has a run that starts at a slot not a multiple of VL").isTrue();
        assertThat(groups(block)).as("the runs, found from any slot").isEqualTo(runs);
        assertThat(run(m, "runk", "ik", true)).as("lanes against scalar").isEqualTo(run(m, "runk", "ik", false));
    }

    @Test
    void withAnExponentialEveryGroupFromSlotZero() throws Exception {
        NmodlMechanism m = NmodlMechanism.compile("rune.mod", EXPONENTIAL);
        MechanismBlock block = cell(m, "rune").block("rune");
        int lanes = Simd.preferredLanes();
        int[] aligned = new int[block.size() / lanes];
        Arrays.setAll(aligned, g -> g * lanes);
        assertThat(groups(block)).as("every group of VL slots").isEqualTo(aligned);
        assertThat(run(m, "rune", "i", true)).as("lanes against scalar").isEqualTo(run(m, "rune", "i", false));
    }

    /**
     * A section of 3 segments, a child of 13, another of 10 on it: runs of consecutive nodes among 26 slots,
     * broken where the numbering of the nodes moves between sections; gbar different in each instance.
     */
    private static Simulation cell(NmodlMechanism m, String suffix) {
        Morphology morphology = new Morphology();
        int a = morphology.addRoot("a", 30, 3, 35.4, 1, Morphology.filled(3, 2));
        int b = morphology.addChild("b", 130, 13, 35.4, 1, Morphology.filled(13, 1.5), a, 1);
        int c = morphology.addChild("c", 100, 10, 35.4, 1, Morphology.filled(10, 1), b, 1);
        ModelBuilder builder = new ModelBuilder(morphology, Catalogue.discover().register(m));
        for (int section : new int[] {a, b, c}) {
            builder.insert(suffix, section, Map.of());
        }
        Simulation sim = builder.build(DT_MS, 6.3);
        MechanismBlock block = sim.block(suffix);
        for (int k = 0; k < block.size(); k++) {
            block.setParameter("gbar", k, 0.001 * (1 + k));
        }
        sim.initialize(-65);
        return sim;
    }

    /** The runs of VL slots on consecutive nodes, found in slot order, as the test reads the block's nodes. */
    private static int[] runs(MechanismBlock block) {
        int lanes = Simd.preferredLanes();
        int[] starts = new int[block.size()];
        int count = 0;
        for (int k0 = 0; k0 + lanes <= block.size(); ) {
            boolean run = true;
            for (int j = 1; j < lanes; j++) {
                run &= block.node(k0 + j) == block.node(k0) + j;
            }
            if (run) {
                starts[count++] = k0;
                k0 += lanes;
            } else {
                k0++;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int[] groups(MechanismBlock block) throws ReflectiveOperationException {
        java.lang.reflect.Field f = block.getClass().getDeclaredField("currentGroups");
        f.setAccessible(true);
        return (int[]) f.get(block);
    }

    /** The current of every instance after each step and every node's v at the end, v set before each step. */
    private static double[] run(NmodlMechanism m, String suffix, String current, boolean vector) {
        Simulation sim = cell(m, suffix);
        MechanismBlock block = sim.block(suffix);
        ((VectorKernels) block).setVectorKernels(vector);
        int n = block.size();
        double[] out = new double[STEPS * n + sim.state().v.length];
        for (int step = 0; step < STEPS; step++) {
            for (int k = 0; k < n; k++) {
                sim.state().v[block.node(k)] = -70 + 4.1 * k + 0.9 * step;
            }
            sim.step();
            for (int k = 0; k < n; k++) {
                out[step * n + k] = block.get(current, k);
            }
        }
        System.arraycopy(sim.state().v, 0, out, STEPS * n, sim.state().v.length);
        return out;
    }
}
