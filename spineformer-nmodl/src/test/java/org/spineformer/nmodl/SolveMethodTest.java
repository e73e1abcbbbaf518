package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlException;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * One step of x' = (xinf - x)/tau from x = 0 by each SOLVE method, against the method's formula written out here:
 * cnexp the exact exponential, derivimplicit backward Euler, euler forward Euler; coupled equations by
 * derivimplicit (NEURON's Newton iteration) and by euler (NEURON's euler_thread).
 */
class SolveMethodTest {
    /** Roundings of a few operations on values of order 1. */
    private static final double ROUNDING = 1e-15;
    private static final double DT = 0.025;
    private static final double TAU = 5;
    private static final double XINF = 2;

    private static String relaxation(String method) {
        return "NEURON { SUFFIX relax RANGE tau, xinf }\nPARAMETER { tau = " + TAU + " (ms) xinf = " + XINF + " }\n"
                + "STATE { x }\nINITIAL { x = 0 }\nBREAKPOINT { SOLVE s METHOD " + method + " }\n"
                + "DERIVATIVE s { x' = (xinf - x)/tau }\n";
    }

    @ParameterizedTest
    @CsvSource({"cnexp", "derivimplicit", "euler"})
    void oneStep(String method) {
        NmodlMechanism m = NmodlMechanism.compile(method + ".mod", relaxation(method));
        CellState s = new CellState(new double[] {100}, new double[] {100}, DT, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        block.advance(s);
        double expected = switch (method) {
            case "cnexp" -> XINF * (1 - Math.exp(-DT / TAU));
            case "derivimplicit" -> DT * XINF / TAU / (1 + DT / TAU);
            default -> DT * XINF / TAU;
        };
        assertThat(block.get("x", 0)).isCloseTo(expected, within(ROUNDING));
    }

    /**
     * Each STATE x starts at x0 before INITIAL (nocmodl's initmodel): the PARAMETER x0 when the file declares one (a
     * GLOBAL u0, a RANGE m0 set per instance), else its START value, else 0. NEURON 8.2.2 initializing this file
     * with m0 set to 0.45 gave u = 0.7, w = 0.3, m = 0.45 (run once by hand).
     */
    @Test
    void statesStartAtTheirX0() {
        NmodlMechanism m = NmodlMechanism.compile("st0.mod", "NEURON { SUFFIX st0 RANGE m0 }\n"
                + "PARAMETER { u0 = 0.7 m0 = 0.2 }\nSTATE { u w START 0.3 m }\nINITIAL { }\nBREAKPOINT { }\n");
        CellState s = new CellState(new double[] {100}, new double[] {100}, DT, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.setParameter("m0", 0, 0.45);
        block.initialize(s);
        assertThat(new double[] {block.get("u", 0), block.get("w", 0), block.get("m", 0)})
                .containsExactly(0.7, 0.3, 0.45);
    }

    /** A pool whose influx is held at 0 or more (an IF in the block) relaxes by backward Euler. */
    @Test
    void derivimplicitWithAConditionalInflux() {
        String pool = "NEURON { SUFFIX pool RANGE influx }\nPARAMETER { influx = -1 }\nASSIGNED { drive }\n"
                + "STATE { c }\nINITIAL { c = 1 }\nBREAKPOINT { SOLVE s METHOD derivimplicit }\n"
                + "DERIVATIVE s {\n  drive = influx\n  if (drive < 0) { drive = 0 }\n  c' = drive - c/" + TAU + "\n}\n";
        NmodlMechanism m = NmodlMechanism.compile("pool.mod", pool);
        CellState s = new CellState(new double[] {100}, new double[] {100}, DT, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        block.advance(s);
        assertThat(block.get("c", 0)).isCloseTo(1 / (1 + DT / TAU), within(ROUNDING));
    }

    /**
     * Coupled equations by derivimplicit are solved together, by NEURON's Newton iteration: one step of a' = b - a,
     * b' = a - b from (1, 0) is backward Euler's (a - b shrinks by 1/(1 + 2 dt), a + b stays 1). Solved one by one
     * (a first, with b still 0) a would be 1/(1 + dt).
     */
    @Test
    void coupledEquationsAreSolvedTogether() {
        MechanismBlock block = oneStepOfCoupledPair("derivimplicit");
        double difference = 1 / (1 + 2 * DT);
        assertThat(block.get("a", 0)).isCloseTo((1 + difference) / 2, within(ROUNDING));
        assertThat(block.get("b", 0)).isCloseTo((1 - difference) / 2, within(ROUNDING));
    }

    /**
     * Coupled equations by euler as NEURON's euler_thread: every derivative at the old states, then each state
     * moved: one step of a' = b - a, b' = a - b from (1, 0) gives (1 - dt, dt). Solved one by one in place (a
     * first) b would be dt (1 - dt).
     */
    @Test
    void coupledEquationsByEulerUseTheOldStates() {
        MechanismBlock block = oneStepOfCoupledPair("euler");
        assertThat(block.get("a", 0)).isCloseTo(1 - DT, within(ROUNDING));
        assertThat(block.get("b", 0)).isCloseTo(DT, within(ROUNDING));
    }

    /** One step of a' = b - a, b' = a - b from (1, 0) by the given METHOD, in one instance. */
    private static MechanismBlock oneStepOfCoupledPair(String method) {
        NmodlMechanism m = NmodlMechanism.compile("two.mod", "NEURON { SUFFIX two }\nSTATE { a b }\n"
                + "INITIAL { a = 1 b = 0 }\nBREAKPOINT { SOLVE s METHOD " + method + " }\n"
                + "DERIVATIVE s {\n  a' = b - a\n  b' = a - b\n}\n");
        CellState s = new CellState(new double[] {100}, new double[] {100}, DT, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        block.advance(s);
        return block;
    }
}
