package org.spineformer.nmodl;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KINETIC schemes solved by METHOD sparse and coupled derivimplicit, against NEURON 8.2.2 running the same mod files (the project's own,
 * {@code mod/kinetic/}; references recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md), three
 * voltage-clamp steps and a current clamp with pas each, every column:
 * <ul>
 * <li>kin3: a linear three-state scheme with CONSERVE, started by STEADYSTATE sparse;
 * <li>bind: a nonlinear scheme (A + B, 2 A: Newton iterations, negative states clipped), COMPARTMENT volumes, a
 *     flux (&lt;&lt;), an irreversible reaction (-&gt;), f_flux and b_flux read after a reaction, CONSERVE with
 *     volumes;
 * <li>lin4: a linear four-state scheme started by a LINEAR block (SOLVE name in INITIAL, as Allen's NaV);
 * <li>cpl: a DERIVATIVE block of two coupled nonlinear equations by METHOD derivimplicit (NEURON's Newton
 *     iteration with its numerical Jacobian);
 * <li>ksum: rates written as sums without parentheses ({@code ~ C <-> O (ka + a1, b1 - ka)}), whose fluxes nocmodl
 *     makes by pasting the species after the rate's text ({@code ka + a1 * C}, Jacobian term {@code ka + a1}),
 *     beside one in parentheses, in a nonlinear scheme (O + O);
 * <li>nconv: a nonlinear scheme (A + A) whose forward rate switches with A, so that its Newton iterations never
 *     converge: NEURON goes on with sparse()'s last (21st) iterate, every step (A cycles with period 4), and so
 *     must the compiled block (it stopped with an error before);
 * <li>shells: a scheme over STATE arrays as calcium diffusion shells are written (c[4], B[4], CB[4]): a flux into
 *     c[0], diffusion {@code ~ c[j] <-> c[j + 1]} and buffering {@code ~ c[j] + B[j] <-> CB[j]} in FROM loops,
 *     {@code COMPARTMENT j, vol[j] {c B CB}} giving each element its volume;
 * <li>conarr: a CONSERVE of STATE array elements and a scalar ({@code CONSERVE F + c[0] + c[1] + c[2] = 0.8*tot},
 *     the scalar F taking the law's row as nocmodl's, each element's volume from an indexed COMPARTMENT) in a
 *     nonlinear scheme started by STEADYSTATE sparse;
 * <li>kineu, kinrk: a scheme over a scalar and a STATE array solved by METHOD euler and runge (nocmodl's
 *     derivative form: each state's derivative its fluxes over its volume, the CONSERVE ignored), a rate moving
 *     with t, an assigned variable read from f_flux and b_flux;
 * <li>linarr: a chain over a STATE array and a scalar started by a LINEAR block whose equations run in a FROM loop
 *     with an IF (the rows counted as they run, as nocmodl's _counte), the array's elements unknowns;
 * <li>confrom: a CONSERVE inside a FROM loop over a STATE array ({@code CONSERVE F + c[j] = 0.8*tot}), which
 *     nocmodl runs in place at each pass: each pass sets the law's row again, so the row ends with the last pass's
 *     right-hand side and every pass's columns (a scheme that runs away to ~1e8: NEURON's numbers all the same).
 * </ul>
 */
class KineticReferenceTest {
    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("kin3", "bind", "lin4", "cpl", "ksum", "nconv", "shells", "conarr", "kineu",
                "kinrk", "linarr", "confrom");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        String file = switch (mechanism) {
            case "lin4" -> "lin_init";
            case "cpl" -> "derivimplicit_coupled";
            default -> mechanism;
        };
        SingleMechanismRun.assertMatchesNeuron("kinetic/" + file + ".mod", "kinetic/" + mechanism, runName);
    }
}
