package org.spineformer.nmodl;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derivative equations inside an IF against NEURON 8.2.2 running the project's {@code mod/ifeq/} files (references
 * recorded by {@code reference/kinetic/record.py}, PROVENANCE.md), every column of the three voltage-clamp steps and
 * the current clamp. One IF of t (5.01 to 12.01 ms) and one of v (above -50 mV):
 * <ul>
 * <li>eulif (euler, uncoupled) and eulcif (euler, coupled): where the IF skips an equation, NEURON moves the state
 * by the Dx of the step that last ran it (0 before the first: x stays at 0.2 for 5 ms, then drifts linearly after
 * 12 ms);</li>
 * <li>difif (derivimplicit, uncoupled) and dicif (coupled): the same kept Dx in the residual of NEURON's Newton
 * iteration;</li>
 * <li>cnxif (cnexp): the exponential step is in place in the IF, so a skipped state stays.</li>
 * </ul>
 */
class EquationInsideIfReferenceTest {
    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("eulif", "eulcif", "difif", "dicif", "cnxif");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        SingleMechanismRun.assertMatchesNeuron("ifeq/" + mechanism + ".mod", "ifeq/" + mechanism, runName);
    }
}
