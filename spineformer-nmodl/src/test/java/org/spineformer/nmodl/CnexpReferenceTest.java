package org.spineformer.nmodl;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * METHOD cnexp of equations not linear in their states, against NEURON 8.2.2 running the project's
 * {@code mod/cnexp/} files (references recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md), three
 * voltage-clamp steps and a current clamp with pas each, every column:
 * <ul>
 * <li>cnxq: {@code m' = (minf - m)/mtau - kq*m*m}, which nocmodl differentiates (product rule) but cannot write as
 *     a*m + b: its cnexp formula with the slope at the current m and no constant part,
 *     {@code m = m + (1 - exp(dt*slope))*(-m)} (so m decays to 0 whatever minf); h' beside it linear;
 * <li>cnxd: {@code n' = (ninf - n)/(ntau*(1 + n))}, n in a divisor: nocmodl solves the whole block by
 *     derivimplicit (Newton), the linear h' included.
 * </ul>
 */
class CnexpReferenceTest {
    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("cnxq", "cnxd");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        SingleMechanismRun.assertMatchesNeuron("cnexp/" + mechanism + ".mod", "cnexp/" + mechanism, runName);
    }
}
