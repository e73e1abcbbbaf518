package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Things nocmodl 8.2.2 and NEURON do that change values, found by running published files nobody had seen against
 * NEURON (docs/dev/nmodl.md, "A fifth fresh sample, and the samples run against NEURON" and the sixth sample), each
 * isolated in a project mod file under {@code mod/} and compared with NEURON 8.2.2 (the same folder under
 * {@code reference/}, recorded by {@code reference/kinetic/record.py}, PROVENANCE.md), every column at 1e-6 of the
 * trace's scale:
 * <ul>
 *   <li>when a TABLE is checked: in a mechanism nocmodl does not make thread safe (tabcall.mod: an assignment to a
 *   GLOBAL) at each call of the tabulated PROCEDURE, so INITIAL's call builds it from the GLOBAL INITIAL assigned;
 *   in one it makes thread safe (tabsafe.mod, the same with THREADSAFE) before INITIAL, from the value before it;
 *   </li>
 *   <li>defaults printed by printf's %g: a PARAMETER's default and a STATE's START value run with six significant
 *   digits (printg.mod), a CONSTANT with its text;</li>
 *   <li>sparse()'s first call lays out the matrix by two more calls of the KINETIC block (kincount.mod: a
 *   PROCEDURE the block calls counts its calls);</li>
 *   <li>a concentration the BREAKPOINT of a mechanism with a current assigns goes to the ion after nrn_cur's two
 *   evaluations, with the value the second left (ions/bpconc.mod);</li>
 *   <li>two BREAKPOINT blocks run as one, in file order, and so do two INITIAL blocks (breakpoint/twobp.mod: the
 *   second scales the first's current, starts m from the first's value; ModelDB 37819's NMDA.mod, tenth sample);</li>
 *   <li>a PI the file declares is the file's variable, not C's constant: a PARAMETER printed with %g (pi/parampi.mod:
 *   3.14), a CONSTANT as written (pi/constpi.mod: 3.1415927; ModelDB 168310's sinclamp.mod, twelfth sample), an
 *   ASSIGNED whatever the file last assigned it, read by a cnexp decay and by rate functions of v
 *   (pi/assignedpi.mod, pi/assignedpicall.mod: 3 from INITIAL, 2 from a time on; not kept, not tabulated).</li>
 * </ul>
 */
class NocmodlQuirksReferenceTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        SingleMechanismRun.assertMatchesNeuron(mechanism + ".mod", mechanism, runName);
    }

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("threadsafety/tabcall", "threadsafety/tabsafe", "threadsafety/printg",
                "kinetic/kincount", "ions/bpconc", "breakpoint/twobp", "pi/parampi", "pi/constpi",
                "pi/assignedpi", "pi/assignedpicall");
    }

    /**
     * NEURON's own counts (so the test above tells the semantics apart): 4 calls of the block in the first step (2
     * to lay out the matrix, 1 Newton iteration of the linear scheme, 1 after it), 2 in each later one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronLaysOutTheMatrixInTheFirstStep(String runName) {
        double[] calls = ReferenceRun.load("/reference/kinetic/kincount/" + runName).column("calls");
        assertThat(calls[1]).isEqualTo(4);
        assertThat(calls[2]).isEqualTo(6);
        assertThat(calls[calls.length - 1]).isEqualTo(4 + 2 * (calls.length - 2));
    }

    /**
     * The two TABLE files differ in NEURON's recordings by more than the tolerance (so each test above tells the
     * two semantics apart): their gates after the step to -20 mV.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void theTwoTablesDiffer(String runName) {
        double[] call = ReferenceRun.load("/reference/threadsafety/tabcall/" + runName).column("n");
        double[] safe = ReferenceRun.load("/reference/threadsafety/tabsafe/" + runName).column("n");
        assertThat(TraceAssert.relativeError(call, safe)).isGreaterThan(100 * SingleMechanismRun.TOLERANCE);
    }

    /** NEURON ran both INITIAL blocks (m starts at 0.1 + 0.2) and the second BREAKPOINT (s is set, g scaled by it). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronJoinsTheTwoBlocks(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/breakpoint/twobp/" + runName);
        assertThat(ref.column("m")[0]).isEqualTo(0.3);
        assertThat(ref.column("s")).doesNotContain(0.0);
        assertThat(ref.column("g")[0]).isEqualTo(0.002 * 0.3 * ref.column("s")[0], org.assertj.core.data.Offset
                .offset(1e-12 * 0.002));
    }

    /**
     * NEURON ran each file with its own PI (turn = 2 PI t / period with 3.14; half = 3.1415927 / 2, which the tolerance
     * of the run above could not tell from C's constant), and so does the compiled file: its half, every step.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void theFilesOwnPi(String runName) {
        ReferenceRun param = ReferenceRun.load("/reference/pi/parampi/" + runName);
        double[] t = param.column("t_ms");
        double[] turn = param.column("turn");
        int last = t.length - 1;
        assertThat(turn[last]).isEqualTo(2 * 3.14 * (t[last] - 0.0125) / 20, org.assertj.core.data.Offset
                .offset(1e-12));
        ReferenceRun constant = ReferenceRun.load("/reference/pi/constpi/" + runName);
        assertThat(constant.column("half")[last]).isEqualTo(3.1415927 / 2);
        double[] half = SingleMechanismRun.run(constant, NmodlMechanism.compile("constpi.mod",
                Resources.text("/mod/pi/constpi.mod"))).column("half");
        assertThat(half).containsOnly(3.1415927 / 2);
    }

    /**
     * How close NEURON's A is to the closed form: cnexp's decay is exact, so the recorded value (13 significant
     * digits) differs from exp's only by its rounding and the steps' products (a few 1e-15 relative each).
     */
    private static final double CLOSED_FORM_RELATIVE = 1e-11;

    /**
     * NEURON's A decayed at the rate PI / tau with PI = 3 up to tchange = 40 ms and 2 after (the BREAKPOINT's
     * assignment): exp(-3 * 40 / 50 - 2 * 60 / 50) at 100 ms, not C's PI's exp(-PI * 100 / 50) nor 3's throughout.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void anAssignedPiIsReadAsLastAssigned(String runName) {
        double[] a = ReferenceRun.load("/reference/pi/assignedpi/" + runName).column("A");
        assertThat(a[a.length - 1]).isCloseTo(Math.exp(-3.0 * 40 / 50 - 2.0 * 60 / 50),
                org.assertj.core.data.Percentage.withPercentage(100 * CLOSED_FORM_RELATIVE));
    }
}
