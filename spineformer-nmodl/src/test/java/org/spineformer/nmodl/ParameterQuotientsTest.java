package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.simd.StrictExp;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A vector DERIVATIVE kernel keeps what it computes from parameters only (quotients of parameters, and a cnexp
 * slope of parameters with its 1 - exp(dt a) and -f0/a) per slot, computed again only when dt or a parameter may
 * have changed (docs/dev/nmodl.md, "Speed"): after a parameter is set, a column handed out is written, dt changes or
 * INITIAL assigns a parameter, the states must follow, bit for bit as cnexp computed every step; a parameter that
 * the file assigns elsewhere is not kept.
 */
class ParameterQuotientsTest {
    /** x's slope and y's slope and f0 of parameters only; w's f0 reads the state x times a quotient of parameters. */
    private static final String KEPT = """
            : Spineformer's own test file
            NEURON { SUFFIX kept RANGE tau, yinf, tauy, w0, tauw }
            PARAMETER { tau = 5 (ms) yinf = 3 tauy = 7 (ms) w0 = 2 tauw = 11 (ms) }
            STATE { x y w }
            INITIAL {
                if (tau < 1) {
                    tau = 1
                }
                x = 1 y = 1 w = 1
            }
            BREAKPOINT { SOLVE states METHOD cnexp }
            DERIVATIVE states {
                x' = -x/tau
                y' = (yinf - y)/tau + yinf/tauy
                w' = x*(w0/tauw) - w/tau
            }
            """;

    /** tau assigned by the DERIVATIVE itself: of a parameter the file writes, so nothing of it is kept here. */
    private static final String ASSIGNED = """
            : Spineformer's own test file
            NEURON { SUFFIX assigned RANGE tau, scale }
            PARAMETER { tau = 5 (ms) scale = 1 }
            STATE { x }
            INITIAL { x = 1 }
            BREAKPOINT { SOLVE states METHOD cnexp }
            DERIVATIVE states {
                tau = 5*scale
                x' = -x/tau
            }
            """;

    private static final int INSTANCES = 16;

    /** cnexp's x + (1 - exp(dt a)) (-f0/a - x), a = -1/tau, with StrictExp (a phase in vector lanes). */
    private static double cnexp(double x, double f0, double tau, double dt) {
        double a = -1.0 / tau;
        return x + (1.0 - StrictExp.exp(dt * a)) * (-f0 / a - x);
    }

    /** The expected states of every slot, stepped as NEURON's cnexp steps them, in the file's order. */
    private static final class Expected {
        final double[] x = filled(1);
        final double[] y = filled(1);
        final double[] w = filled(1);
        final double[] tau = filled(5);
        final double[] tauy = filled(7);

        void step(double dt) {
            for (int k = 0; k < INSTANCES; k++) {
                x[k] = cnexp(x[k], -0.0 / tau[k], tau[k], dt);
                y[k] = cnexp(y[k], 3 / tau[k] + 3 / tauy[k], tau[k], dt);
                w[k] = cnexp(w[k], x[k] * (2 / 11.0), tau[k], dt);
            }
        }

        void assertEquals(MechanismBlock block, String when) {
            for (int k = 0; k < INSTANCES; k++) {
                assertThat(block.get("x", k)).as("x at slot %d, %s", k, when).isEqualTo(x[k]);
                assertThat(block.get("y", k)).as("y at slot %d, %s", k, when).isEqualTo(y[k]);
                assertThat(block.get("w", k)).as("w at slot %d, %s", k, when).isEqualTo(w[k]);
            }
        }

        private static double[] filled(double value) {
            double[] a = new double[INSTANCES];
            Arrays.fill(a, value);
            return a;
        }
    }

    @Test
    void theKeptValuesFollowParametersSetColumnsWrittenDtAndInitial() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        NmodlMechanism m = NmodlMechanism.compile("kept.mod", KEPT);
        // what is being tested: kept per slot, no check per group
        assertThat(m.javaSource()).contains("parameterQuotients(s)", "pq_0[k] =").doesNotContain("_shared(k0, s)");
        Simulation sim = DecayMemoTest.cell(m, "kept", INSTANCES, 0.025);
        Simulation other = DecayMemoTest.cell(m, "kept", INSTANCES, 0.05);
        MechanismBlock block = sim.block("kept");
        Expected e = new Expected();
        advance(block, sim.state(), e, 3, "at the defaults");
        // a parameter set at one slot, then at all: MechanismBlock's fieldSet
        block.setParameter("tauy", 2, 9);
        e.tauy[2] = 9;
        advance(block, sim.state(), e, 3, "tauy set at slot 2");
        for (int k = 0; k < INSTANCES; k++) {
            block.setParameter("tau", k, 6);
            e.tau[k] = 6;
        }
        advance(block, sim.state(), e, 3, "tau set everywhere");
        // another dt (a second model's state), then back
        advance(block, other.state(), e, 3, "dt 0.05");
        advance(block, sim.state(), e, 3, "dt 0.025 again");
        // INITIAL assigns tau (0.5 -> 1) after the kept values were computed with 0.5
        for (int k = 0; k < INSTANCES; k++) {
            block.setParameter("tau", k, 0.5);
            e.tau[k] = 0.5;
        }
        advance(block, sim.state(), e, 1, "tau 0.5");
        sim.initialize(-65);
        Expected after = new Expected();
        System.arraycopy(e.tauy, 0, after.tauy, 0, INSTANCES);
        Arrays.fill(after.tau, 1);
        advance(block, sim.state(), after, 3, "tau 1 from INITIAL");
        // a column handed out and written between steps (fieldAccess): read again at every step
        double[] tau = block.column("tau");
        for (int change = 0; change < 3; change++) {
            tau[INSTANCES - 1 - change] = 4 + change;
            after.tau[INSTANCES - 1 - change] = 4 + change;
            advance(block, sim.state(), after, 2, "tau written at slot " + (INSTANCES - 1 - change));
        }
    }

    private static void advance(MechanismBlock block, CellState state, Expected e, int steps, String when) {
        for (int step = 0; step < steps; step++) {
            block.advance(state);
            e.step(state.dt);
            e.assertEquals(block, when + ", step " + step);
        }
    }

    @Test
    void aParameterTheFileAssignsIsNotKept() {
        NmodlMechanism m = NmodlMechanism.compile("assigned.mod", ASSIGNED);
        assertThat(m.javaSource()).doesNotContain("parameterQuotients");
        Simulation sim = DecayMemoTest.cell(m, "assigned", INSTANCES, 0.025);
        MechanismBlock block = sim.block("assigned");
        double[] x = new double[INSTANCES];
        Arrays.fill(x, 1);
        for (double scale : new double[] {1, 2, 0.5}) {
            for (int k = 0; k < INSTANCES; k++) {
                block.setParameter("scale", k, scale);
            }
            for (int step = 0; step < 3; step++) {
                block.advance(sim.state());
                for (int k = 0; k < INSTANCES; k++) {
                    x[k] = cnexp(x[k], -0.0 / (5 * scale), 5 * scale, 0.025);
                    assertThat(block.get("x", k)).as("x at slot %d, scale %s", k, scale).isEqualTo(x[k]);
                }
            }
        }
    }
}
