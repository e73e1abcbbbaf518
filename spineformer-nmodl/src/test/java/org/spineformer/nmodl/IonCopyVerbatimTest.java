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
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.LaneRuns.Observed;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.check.IonCopyVerbatim;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * A VERBATIM block inside a block whose statements are {@code x = _ion_x;} (C comments aside) is compiled as the
 * assignment of the ion's value at the node, where it stands, as nocmodl's C runs it: {@code verbatim/copyca.mod} (in
 * INITIAL, and in a PROCEDURE the BREAKPOINT of a current calls under an IF on t, after the file set the cai it
 * writes) and {@code verbatim/copypool.mod} (in the BREAKPOINT of a pool without a current, which NEURON runs after
 * the SOLVE, and in a DERIVATIVE block) against NEURON's runs ({@code reference/verbatim}), in trials in lanes, and
 * the near misses refused; {@code y = _ion_x;} into another of the mechanism's names the same way ({@code
 * verbatim/copyother.mod}: in INITIAL, into a RANGE and a GLOBAL variable, and in a PROCEDURE after the file set x).
 */
class IonCopyVerbatimTest {
    private static final double DT_MS = 0.025;
    /** NEURON's default cai (cai0_ca_ion, mM), which the node keeps until a mechanism writes it. */
    private static final double DEFAULT_CAI_MM = 5e-5;
    /** NEURON's default cao (cao0_ca_ion, mM). */
    private static final double DEFAULT_CAO_MM = 2;
    private static final String REFUSED = "VERBATIM is not supported: C code cannot run on the JVM";
    private static final String POOL = "NEURON { SUFFIX cp USEION ca READ cao WRITE cai, ica VALENCE 2"
            + " USEION k READ ek }\nASSIGNED { v (mV) cao (mM) cai (mM) ica (mA/cm2) ek (mV) rest (mM) }\n"
            + "BREAKPOINT { ica = 0.001*(v - 120) }\n";

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String reference, String runName) {
        SingleMechanismRun.assertMatchesNeuron(reference + ".mod", reference, runName);
    }

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("verbatim/copyca", "verbatim/copypool", "verbatim/copyother");
    }

    /**
     * NEURON's own columns show that the copies ran where they stand (so matching them above means something):
     * INITIAL's undid its assignment (back is the node's default, start cset); until tcopy the BREAKPOINT's cset
     * reached the ion, after it the PROCEDURE's copy gave the value the state phase left (seen: the second
     * evaluation's, after the first one's copy); the pool's DERIVATIVE block read the node's cao, not the 0 it
     * assigned (its BREAKPOINT, in the state phase, runs from the first step), and after tfreeze its BREAKPOINT's
     * copy undid each step's update, so the pool stood still.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronCopiedWhereTheBlocksStand(String runName) {
        ReferenceRun ca = ReferenceRun.load("/reference/verbatim/copyca/" + runName);
        assertThat(ca.column("start")[0]).isEqualTo(0.001);
        assertThat(ca.column("back")[0]).isEqualTo(DEFAULT_CAI_MM);
        double[] t = ca.column("t_ms");
        double[] restored = ca.column("restored");
        double[] seen = ca.column("seen");
        for (int k = 1; k < t.length; k++) {
            if (t[k] < 40) {
                assertThat(restored[k]).as("restored at %s ms", t[k]).isEqualTo(0.001);
            } else if (t[k] > 41) {
                assertThat(restored[k]).as("restored at %s ms", t[k]).isEqualTo(seen[k]).isNotEqualTo(0.001);
            }
        }
        ReferenceRun pool = ReferenceRun.load("/reference/verbatim/copypool/" + runName);
        double[] tp = pool.column("t_ms");
        double[] after = pool.column("after");
        double[] seenPool = pool.column("seen");
        double[] outside = pool.column("outside");
        for (int k = 1; k < tp.length; k++) {
            assertThat(outside[k]).as("outside at %s ms", tp[k]).isEqualTo(DEFAULT_CAO_MM);
            if (tp[k] < 50) {
                assertThat(after[k]).as("after at %s ms", tp[k]).isEqualTo(seenPool[k]);
            } else if (tp[k] > 51) {
                assertThat(after[k]).as("after at %s ms", tp[k]).isEqualTo(after[k - 1])
                        .isNotEqualTo(seenPool[k]);
            }
        }
    }

    /**
     * NEURON's own columns show that a copy into another name set that name to the node's value and left x as the file
     * set it: INITIAL's start and the GLOBAL rest are the node's default cai, back is cset; from tcopy, the
     * PROCEDURE's fromnode is the node's value, neither the cset it had just given cai nor the cai the second
     * evaluation saw (cset, from the first one).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronCopiedIntoOtherNames(String runName) {
        ReferenceRun other = ReferenceRun.load("/reference/verbatim/copyother/" + runName);
        assertThat(other.column("start")[0]).isEqualTo(DEFAULT_CAI_MM);
        assertThat(other.column("back")[0]).isEqualTo(0.001);
        double[] t = other.column("t_ms");
        double[] fromNode = other.column("fromnode");
        double[] seen = other.column("seen");
        double[] rest = other.column("restcopy");
        for (int k = 1; k < t.length; k++) {
            assertThat(rest[k]).as("rest at %s ms", t[k]).isEqualTo(DEFAULT_CAI_MM);
            if (t[k] < 40) {
                assertThat(fromNode[k]).as("fromnode at %s ms", t[k]).isZero();
            } else if (t[k] > 41) {
                assertThat(fromNode[k]).as("fromnode at %s ms", t[k]).isPositive().isNotEqualTo(0.001)
                        .isNotEqualTo(seen[k]);
                assertThat(seen[k]).as("seen at %s ms", t[k]).isEqualTo(0.001);
            }
        }
    }

    /** The copies read the ion's arrays at the instance's node, not the mechanism's own columns. */
    @Test
    void theCopyReadsTheNode() {
        NmodlMechanism m = NmodlMechanism.compile("copyca.mod", Resources.text("/mod/verbatim/copyca.mod"));
        assertThat(m.javaSource()).contains("c_cai[k] = ion_ca_concentration[laneNode[k]];")
                .contains("c_eca[k] = ion_ca_reversal[laneNode[k]];");
    }

    /** Each trial's own tcopy in lanes gives each lane its trial's bits alone. */
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {3, 8})
    void lanesGiveEachTrialsBits(int lanes) {
        List<Double> times = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            times.add(10.01 + 4 * lane);
        }
        Observed together = run(times);
        List<Observed> alone = times.stream().map(t -> run(List.of(t))).toList();
        assertEachLaneIsItsTrialAlone(together, alone);
    }

    private static Observed run(List<Double> copyTimes) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        NmodlMechanism copyca = NmodlMechanism.compile("copyca.mod", Resources.text("/mod/verbatim/copyca.mod"));
        NmodlMechanism copypool = NmodlMechanism.compile("copypool.mod",
                Resources.text("/mod/verbatim/copypool.mod"));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(copyca).register(copypool));
        b.insert("pas", soma, Map.of("g", 1e-4, "e", -70.0));
        b.insert("copyca", soma, Map.of());
        b.insert("copypool", soma, Map.of());
        b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 20.0, "amp", 0.3));
        int lanes = copyTimes.size();
        Simulation sim = b.build(DT_MS, 37, lanes);
        MechanismBlock ca = sim.block("copyca");
        MechanismBlock pool = sim.block("copypool");
        for (int lane = 0; lane < lanes; lane++) {
            ca.setParameter("tcopy", 0, lane, copyTimes.get(lane));
            pool.setParameter("tfreeze", 0, lane, copyTimes.get(lane) + 10);
        }
        int node = sim.discretization().segmentNode(soma, 0);
        return LaneRuns.run(sim, new int[] {node}, List.of(ca, pool), -70, 60);
    }

    private static List<String> problems(String text) {
        return Checker.check(Parser.parse("cp.mod", text)).stream().map(Diagnostic::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cai = _ion_cai;", "  cai=_ion_cai ;  cao = _ion_cao;\n", "/* the node's */ cai = _ion_cai;"
        + " // again\r\n ek = _ion_ek;", "cai = _ion_cao;", "rest = _ion_cai; cai = _ion_cai;"})
    void acceptedAndNoted(String verbatim) {
        String text = POOL + "INITIAL {\n  VERBATIM\n" + verbatim + "\n  ENDVERBATIM\n}\n";
        assertThat(problems(text)).as(verbatim).isEmpty();
        assertThat(NmodlMechanism.problems(Parser.parse("cp.mod", text))).as(verbatim).isEmpty();
        String copies = String.join(", ", IonCopyVerbatim.copies(verbatim).stream()
                .map(c -> c.target() + " = _ion_" + c.source()).toList());
        assertThat(IonCopyVerbatim.notes(Parser.parse("cp.mod", text))).singleElement().hasToString("cp.mod:5:3:"
                + " note: VERBATIM of ion copies (" + copies + ") compiled as assignments of the ion's values at the"
                + " node, which nocmodl's C reads there");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cai = _ion_cai", "cai = _ion_cai; cao = 1;", "cai = _ion_cai;;",
        "cai = 2*_ion_cai;", "return 0;\ncai = _ion_cai;", "", "/* only a comment */", "_ion_cai = cai;"})
    void nearMissesAreRefused(String verbatim) {
        assertThat(problems(POOL + "INITIAL {\n  VERBATIM\n" + verbatim + "\n  ENDVERBATIM\n}\n")).as(verbatim)
                .containsExactly("cp.mod:5:3: " + REFUSED);
    }

    /** Between blocks the text is not in a C function, where the assignment would not compile: the plain refusal. */
    @Test
    void betweenBlocksIsRefused() {
        assertThat(problems("VERBATIM\ncai = _ion_cai;\nENDVERBATIM\n" + POOL)).containsExactly("cp.mod:1:1: "
                + REFUSED);
    }

    @Test
    void copiesNeuronDoesNotHaveAreRefused() {
        assertThat(problems(POOL + "INITIAL {\n  VERBATIM\n  nai = _ion_nai;\n  ENDVERBATIM\n}\n")).containsExactly(
                "cp.mod:5:3: VERBATIM 'nai = _ion_nai;': nai is not a variable of a USEION statement of this file, so"
                        + " nocmodl defines no _ion_nai (NEURON's C does not compile)");
        assertThat(problems(POOL + "INITIAL {\n  VERBATIM\n  ica = _ion_ica;\n  ENDVERBATIM\n}\n")).containsExactly(
                "cp.mod:5:3: VERBATIM 'ica = _ion_ica;' is not supported: ica is written, not READ, so nocmodl never"
                        + " copies it from the node: _ion_ica is the node's value of the other mechanisms (not"
                        + " modelled)");
        assertThat(problems(POOL + "PROCEDURE p(cai (mM)) {\n  VERBATIM\n  cai = _ion_cai;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:5:3: VERBATIM 'cai = _ion_cai;' is not supported: cai is a LOCAL or an"
                        + " argument here, but the C text assigns the mechanism's cai (nocmodl names its LOCALs and"
                        + " arguments _lcai)");
        assertThat(problems(POOL + "PROCEDURE p() {\n  LOCAL cai\n  VERBATIM\n  cai = _ion_cai;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:6:3: VERBATIM 'cai = _ion_cai;' is not supported: cai is a LOCAL or an"
                        + " argument here, but the C text assigns the mechanism's cai (nocmodl names its LOCALs and"
                        + " arguments _lcai)");
    }

    /** Another name must be the mechanism's own variable, which the C text assigns as the compiled assignment does. */
    @Test
    void copiesIntoNamesNotModelledAreRefused() {
        String why = " is not a PARAMETER, ASSIGNED or STATE of this mechanism that is not an array (what the C text"
                + " would assign is not modelled)";
        assertThat(problems(POOL + "INITIAL {\n  VERBATIM\n  carest = _ion_cai;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:5:3: VERBATIM 'carest = _ion_cai;' is not supported: carest" + why);
        assertThat(problems(POOL + "INITIAL {\n  VERBATIM\n  v = _ion_ek;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:5:3: VERBATIM 'v = _ion_ek;' is not supported: v" + why);
        assertThat(problems(POOL + "ASSIGNED { w[2] }\nINITIAL {\n  VERBATIM\n  w = _ion_cai;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:6:3: VERBATIM 'w = _ion_cai;' is not supported: w" + why);
        assertThat(problems(POOL + "PROCEDURE p() {\n  LOCAL rest\n  VERBATIM\n  rest = _ion_cai;\n  ENDVERBATIM\n}\n"))
                .containsExactly("cp.mod:6:3: VERBATIM 'rest = _ion_cai;' is not supported: rest is a LOCAL or an"
                        + " argument here, but the C text assigns the mechanism's rest (nocmodl names its LOCALs and"
                        + " arguments _lrest)");
    }

    @Test
    void whereNotYetIsRefused() {
        assertThat(problems(POOL + "STATE { a b }\nKINETIC k {\n  VERBATIM\n  cao = _ion_cao;\n  ENDVERBATIM\n"
                + "  ~ a <-> b (1, 1)\n}\n")).containsExactly("cp.mod:6:3: VERBATIM 'cao = _ion_cao;' in a KINETIC"
                + " block is not supported: not yet (its solver evaluates the block several times)");
        assertThat(problems(POOL + "ASSIGNED { y }\nPROCEDURE r(x) {\n  TABLE y FROM 0 TO 1 WITH 10\n  VERBATIM\n"
                + "  cao = _ion_cao;\n  ENDVERBATIM\n  y = x*cao\n}\n")).containsExactly("cp.mod:7:3: VERBATIM"
                + " 'cao = _ion_cao;' in a block with a TABLE is not supported: not yet (the table would hold the"
                + " values of the node it was built at)");
    }
}
