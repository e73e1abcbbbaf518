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
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A cnexp equation whose slope is of parameters only keeps the slope and 1 - exp(dt a) per instance, and a math call
 * of what rarely changes its value, keyed by the bits of their inputs and dt (docs/dev/nmodl.md, "Speed"): after a
 * parameter or dt changes, the states must follow the new values, bit for bit as cnexp computed every step.
 */
class DecayMemoTest {
    private static final String MOD = """
            NEURON { SUFFIX decay RANGE tau, x0 }
            PARAMETER { tau = 5 (ms) x0 = 3 }
            STATE { x y z }
            INITIAL { x = 1 y = 1 z = 1 }
            BREAKPOINT { SOLVE states METHOD cnexp }
            : a statement that assigns tau: without it, the vector kernel keeps the slopes without checks
            : (ParameterQuotients, ParameterQuotientsTest), not by the memo tested here
            PROCEDURE settau(t (ms)) { tau = t }
            DERIVATIVE states {
                x' = -x/tau
                y' = (x0 - y)/tau
                : a math call of a parameter: kept with the bits of its argument (pow(x0, 3) would be IntegerPower's)
                z' = pow(2, x0) - z/tau
            }
            """;

    /** A LOCAL named like a PARAMETER hides it: the slope of the LOCAL is not kept with the parameter's bits. */
    private static final String SHADOWED = """
            NEURON { SUFFIX shadowed RANGE tau, tauLocal }
            PARAMETER { tau = 5 (ms) tauLocal = 2 (ms) }
            STATE { x }
            INITIAL { x = 1 }
            BREAKPOINT { SOLVE states METHOD cnexp }
            DERIVATIVE states {
                LOCAL tau
                tau = tauLocal
                x' = -x/tau
            }
            """;

    /** cnexp's update for x' = f0 - x/tau, written here as nocmodl's C has it: x + (1 - exp(dt a)) (-f0/a - x). */
    private static double cnexp(double x, double f0, double tau, double dt) {
        double a = -1.0 / tau;
        return x + (1.0 - Math.exp(dt * a)) * (-f0 / a - x);
    }

    /**
     * In vector lanes the memo is checked per group of slots: a parameter changed at one slot of a group must be seen
     * (every slot of the group computed again), the other groups keep theirs. 16 instances (whole groups of 8 or
     * 4); the exponential in lanes and in their scalar twins is StrictExp's (VectorEmitter).
     */
    @Test
    void inLanesAParameterChangedAtOneSlotIsSeen() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        NmodlMechanism m = NmodlMechanism.compile("decay.mod", MOD);
        Simulation sim = cell(m, "decay", INSTANCES, 0.025);
        MechanismBlock block = sim.block("decay");
        assertThat(block.size()).isEqualTo(INSTANCES);
        double[] x = new double[INSTANCES];
        double[] y = new double[INSTANCES];
        double[] tau = new double[INSTANCES];
        java.util.Arrays.fill(x, 1);
        java.util.Arrays.fill(y, 1);
        java.util.Arrays.fill(tau, 5);
        for (int change = 0; change < 4; change++) {
            if (change > 0) {
                // one slot: the third of the first group, then the last slot, then the first again
                int k = change == 2 ? INSTANCES - 1 : 2;
                tau[k] = 5 + change;
                block.setParameter("tau", k, tau[k]);
            }
            for (int step = 0; step < 3; step++) {
                block.advance(sim.state());
                for (int k = 0; k < INSTANCES; k++) {
                    x[k] = cnexpStrict(x[k], -0.0 / tau[k], tau[k], 0.025);
                    y[k] = cnexpStrict(y[k], 3 / tau[k], tau[k], 0.025);
                    assertThat(block.get("x", k)).as("x at slot %d, tau %s", k, tau[k]).isEqualTo(x[k]);
                    assertThat(block.get("y", k)).as("y at slot %d, tau %s", k, tau[k]).isEqualTo(y[k]);
                }
            }
        }
    }

    private static final int INSTANCES = 16;

    /** A dendrite of {@code instances} segments, each with the mechanism {@code suffix}, initialized at -65 mV. */
    static Simulation cell(NmodlMechanism m, String suffix, int instances, double dt) {
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("dend", 160, instances, 35.4, 1, Morphology.filled(instances, 2));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert(suffix, section, Map.of());
        Simulation sim = b.build(dt, 6.3);
        sim.initialize(-65);
        return sim;
    }

    /**
     * In vector lanes a group whose slots all have the inputs' bits of the values computed last (lane 0 of the last
     * group computed) reads those shared values instead of its own kept arrays: after dt changes, and after the
     * parameter changes in some groups only, each group must still get the values of its own inputs.
     */
    @Test
    void inLanesTheSharedValuesFollowDtAndEachGroupsParameters() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        NmodlMechanism m = NmodlMechanism.compile("decay.mod", MOD);
        assertThat(m.javaSource()).as("the shared values are what is being tested").contains("_shared(k0, s)");
        Simulation sim = cell(m, "decay", INSTANCES, 0.025);
        // the same nodes, another dt
        Simulation other = cell(m, "decay", INSTANCES, 0.05);
        MechanismBlock block = sim.block("decay");
        double[] x = new double[INSTANCES];
        double[] tau = new double[INSTANCES];
        java.util.Arrays.fill(x, 1);
        java.util.Arrays.fill(tau, 5);
        // {dt, tau of the first half, tau of the second half}: dt changed, then each half's tau on its own
        double[][] settings = {{0.025, 5, 5}, {0.05, 5, 5}, {0.025, 5, 5}, {0.025, 5, 7}, {0.025, 7, 7},
            {0.025, 5, 7}, {0.05, 5, 5}};
        for (double[] set : settings) {
            for (int k = 0; k < INSTANCES; k++) {
                tau[k] = k < INSTANCES / 2 ? set[1] : set[2];
                block.setParameter("tau", k, tau[k]);
            }
            CellState state = set[0] == sim.state().dt ? sim.state() : other.state();
            for (int step = 0; step < 3; step++) {
                block.advance(state);
                for (int k = 0; k < INSTANCES; k++) {
                    x[k] = cnexpStrict(x[k], -0.0 / tau[k], tau[k], set[0]);
                    assertThat(block.get("x", k)).as("x at slot %d, tau %s, dt %s", k, tau[k], set[0])
                            .isEqualTo(x[k]);
                }
            }
        }
    }

    /** {@link #cnexp} with StrictExp's exponential, the one of a block's phases in vector lanes. */
    private static double cnexpStrict(double x, double f0, double tau, double dt) {
        double a = -1.0 / tau;
        return x + (1.0 - StrictExp.exp(dt * a)) * (-f0 / a - x);
    }

    @Test
    void aLocalHidingAParameterIsReadEveryStep() {
        NmodlMechanism m = NmodlMechanism.compile("shadowed.mod", SHADOWED);
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert("shadowed", section, Map.of());
        Simulation sim = b.build(0.025, 6.3);
        sim.initialize(-65);
        MechanismBlock block = sim.block("shadowed");
        double x = 1;
        for (double tauLocal : new double[] {2, 3, 0.5}) {
            block.setParameter("tauLocal", 0, tauLocal);
            for (int step = 0; step < 3; step++) {
                block.advance(sim.state());
                x = cnexp(x, -0.0 / tauLocal, tauLocal, 0.025);
                assertThat(block.get("x", 0)).as("x with the LOCAL tau = %s", tauLocal).isEqualTo(x);
            }
        }
    }

    @Test
    void theStatesFollowAParameterAndDtChangedBetweenSteps() {
        NmodlMechanism m = NmodlMechanism.compile("decay.mod", MOD);
        // the memos are what is being tested
        assertThat(m.javaSource()).contains("m0_ok[k]", "Math.pow(2.0, mc2_x1)");
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b.insert("decay", section, Map.of());
        Simulation sim = b.build(0.025, 6.3);
        sim.initialize(-65);
        MechanismBlock block = sim.block("decay");
        // dt is fixed per cell state: the same block advanced with a second model's state, built with another dt
        ModelBuilder b2 = new ModelBuilder(morphology, Catalogue.discover().register(m));
        b2.insert("decay", section, Map.of());
        Simulation other = b2.build(0.05, 6.3);
        double x = 1;
        double y = 1;
        double z = 1;
        double[][] settings = {{5, 0.025, 3}, {7, 0.025, 3}, {7, 0.05, 3}, {7, 0.05, -2}, {5, 0.025, -2}};
        for (double[] set : settings) {
            block.setParameter("tau", 0, set[0]);
            block.setParameter("x0", 0, set[2]);
            CellState state = set[1] == sim.state().dt ? sim.state() : other.state();
            assertThat(state.dt).isEqualTo(set[1]);
            for (int step = 0; step < 3; step++) {
                block.advance(state);
                x = cnexp(x, -0.0 / set[0], set[0], set[1]);
                y = cnexp(y, set[2] / set[0], set[0], set[1]);
                z = cnexp(z, Math.pow(2, set[2]) - 0.0 / set[0], set[0], set[1]);
                assertThat(block.get("x", 0)).as("x at tau %s, dt %s", set[0], set[1]).isEqualTo(x);
                assertThat(block.get("y", 0)).as("y at tau %s, dt %s, x0 %s", set[0], set[1], set[2]).isEqualTo(y);
                assertThat(block.get("z", 0)).as("z at tau %s, dt %s, x0 %s", set[0], set[1], set[2]).isEqualTo(z);
            }
        }
    }
}
