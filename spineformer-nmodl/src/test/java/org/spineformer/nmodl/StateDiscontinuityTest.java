package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.nmodl.LaneRuns.assertEachLaneIsItsTrialAlone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.LaneRuns.Observed;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * {@code state_discontinuity(x, value)} outside NET_RECEIVE as NEURON 8.2.2 runs it (docs/dev/nmodl.md, "state_discontinuity
 * outside NET_RECEIVE"): assigned only while discontinuities are allowed (not in finitialize's current evaluation)
 * and the mechanism's current evaluation at v has not raised its flag. {@code discon/sdbp.mod} (a current: at_time,
 * a plain IF on t, a PROCEDURE, INITIAL, a counter), {@code discon/sdstate.mod} (no current, a DERIVATIVE block) and
 * {@code discon/sdeuler.mod} (an euler DERIVATIVE block, FUNCTIONs, BEFORE STEP and AFTER SOLVE) against NEURON's
 * runs ({@code reference/discon}, recorded by {@code reference/kinetic/record.py}).
 */
class StateDiscontinuityTest {
    private static final double DT_MS = 0.025;
    /** Half of sdeuler's jumps of w (1): it decays by w dt / 4, below 0.03 a step, so only a jump rises by more. */
    private static final double HALF_A_JUMP = 0.5;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String reference, String runName) {
        SingleMechanismRun.assertMatchesNeuron(reference + ".mod", reference, runName);
    }

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("discon/sdbp", "discon/sdstate", "discon/sdeuler");
    }

    /**
     * NEURON's own columns tell the semantics apart (so matching them above means something): n counts one
     * assignment per step, none at finitialize (n = 0 at t = 0, k after k steps; two per step, or one at
     * finitialize, would be other numbers); the evaluation at v saw the new value (seen = n); INITIAL's assignment
     * happened (h = 0.2 at t = 0); g jumped once, in the step whose mid-step time reaches tev = 30 ms; without a
     * current, c counts the steps too (the BREAKPOINT in the state phase).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronAssignsOncePerStep(String runName) {
        ReferenceRun bp = ReferenceRun.load("/reference/discon/sdbp/" + runName);
        double[] t = bp.column("t_ms");
        double[] n = bp.column("n");
        for (int k = 0; k < t.length; k++) {
            assertThat(n[k]).as("n at step %d", k).isEqualTo(k);
        }
        assertThat(bp.column("seen")).isEqualTo(n);
        assertThat(bp.column("h")[0]).isEqualTo(0.2);
        double[] g = bp.column("g");
        int jumps = 0;
        for (int k = 1; k < t.length; k++) {
            if (g[k] > g[k - 1]) {
                jumps++;
                assertThat(t[k]).as("the step of g's jump ends at").isCloseTo(30.0, org.assertj.core.data.Offset
                        .offset(DT_MS));
            }
        }
        assertThat(jumps).isEqualTo(1);
        double[] c = ReferenceRun.load("/reference/discon/sdstate/" + runName).column("c");
        for (int k = 0; k < c.length; k++) {
            assertThat(c[k]).as("c at step %d", k).isEqualTo(k);
        }
    }

    /**
     * NEURON's own columns of sdeuler: the FUNCTION the euler DERIVATIVE block calls, the one the BREAKPOINT of a
     * mechanism with a current calls (twice per step, assigning in one) and AFTER SOLVE assign once per step (k after
     * k steps); BEFORE STEP once per step and once in finitialize (k + 1); w rose by about 1 in each of the 4 steps
     * that start in (20, 20.1) ms.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronAssignsOncePerStepInFunctionsEulerAndBeforeAfter(String runName) {
        ReferenceRun euler = ReferenceRun.load("/reference/discon/sdeuler/" + runName);
        for (String counter : List.of("nfd", "nfb", "na", "nb")) {
            double[] n = euler.column(counter);
            int atFinitialize = counter.equals("nb") ? 1 : 0;
            for (int k = 0; k < n.length; k++) {
                assertThat(n[k]).as("%s at step %d", counter, k).isEqualTo(k + atFinitialize);
            }
        }
        double[] w = euler.column("w");
        int jumps = 0;
        for (int k = 1; k < w.length; k++) {
            jumps += w[k] - w[k - 1] > HALF_A_JUMP ? 1 : 0;
        }
        assertThat(jumps).isEqualTo(4);
    }

    /** The BREAKPOINT with the call keeps NEURON's two evaluations and runs in scalar kernels only. */
    @Test
    void theCurrentPhaseIsNeuronsNumericalOne() {
        NmodlMechanism m = NmodlMechanism.compile("sdbp.mod", Resources.text("/mod/discon/sdbp.mod"));
        assertThat(m.javaSource()).contains("discontinuityFlag = true;").contains("s.discontinuitiesAllowed");
        assertThat(m.javaSource()).doesNotContain("exactConductance = !");
    }

    /** Each trial's own event time in lanes gives each lane its trial's bits alone. */
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {3, 8})
    void lanesGiveEachTrialsBits(int lanes) {
        List<Double> times = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            times.add(20.0 + 3 * lane);
        }
        Observed together = run(times);
        List<Observed> alone = times.stream().map(t -> run(List.of(t))).toList();
        assertEachLaneIsItsTrialAlone(together, alone);
    }

    private static Observed run(List<Double> eventTimes) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        NmodlMechanism sdbp = NmodlMechanism.compile("sdbp.mod", Resources.text("/mod/discon/sdbp.mod"));
        NmodlMechanism sdstate = NmodlMechanism.compile("sdstate.mod", Resources.text("/mod/discon/sdstate.mod"));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(sdbp).register(sdstate));
        b.insert("pas", soma, Map.of("g", 1e-4, "e", -70.0));
        b.insert("sdbp", soma, Map.of());
        b.insert("sdstate", soma, Map.of());
        PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 20.0, "amp", 0.1));
        int lanes = eventTimes.size();
        Simulation sim = b.build(DT_MS, 37, lanes);
        MechanismBlock block = sim.block("sdbp");
        for (int lane = 0; lane < lanes; lane++) {
            block.setParameter("tev", 0, lane, eventTimes.get(lane));
        }
        int node = sim.discretization().segmentNode(soma, 0);
        return LaneRuns.run(sim, new int[] {node}, List.of(block, sim.block("sdstate")), -70, 60);
    }

    private static List<String> problems(String body) {
        String text = "NEURON { SUFFIX sd RANGE g }\nASSIGNED { v g y }\n" + body;
        return Checker.check(Parser.parse("sd.mod", text)).stream().map(Diagnostic::toString).toList();
    }

    /** Anything but the statement with a variable and its value: nocmodl's C would not compile. */
    @Test
    void otherFormsAreRefused() {
        String why = "state_discontinuity is a statement of its own with a variable and its new value,"
                + " state_discontinuity(x, value): NEURON's C function takes the variable's address and gives no value";
        assertThat(problems("BREAKPOINT {\n  y = state_discontinuity(g, 1)\n}\n")).containsExactly("sd.mod:4:7: " + why);
        assertThat(problems("BREAKPOINT {\n  state_discontinuity(g)\n}\n")).containsExactly("sd.mod:4:3: " + why);
        assertThat(problems("BREAKPOINT {\n  state_discontinuity(2*g, 1)\n}\n")).containsExactly("sd.mod:4:3: " + why);
        assertThat(problems("BREAKPOINT {\n  g = state_discontinuity(g, 1)\n}\n")).containsExactly("sd.mod:4:7: "
                + why);
        assertThat(problems("BREAKPOINT {\n  state_discontinuity(g, y + 1)\n}\n")).isEmpty();
    }
}
