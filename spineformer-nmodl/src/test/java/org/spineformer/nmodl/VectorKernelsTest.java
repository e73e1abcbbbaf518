package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.simd.Simd;
import org.spineformer.nmodl.gen.ExactConductance;
import org.spineformer.nmodl.gen.FunctionTable;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * The vector kernels (instances in vector lanes, VectorEmitter) give the scalar kernels' bits: every project mod
 * file that compiles (the bundled sets and the test files), on a cell of a soma and a 19-segment dendrite (20
 * density instances: two whole groups of 8, or five of 4, and a tail), or as 19 point processes along the dendrite
 * (two on one segment), driven by somatic pulses and, for NET_RECEIVE, spike trains, for 60 ms: the potentials at
 * every step and every field of the block at the end are the same with the vector kernels on as with the scalar
 * kernels alone.
 */
class VectorKernelsTest {
    private static final double DT_MS = 0.025;
    private static final double TSTOP_MS = 60;
    private static final int DENDRITE_SEGMENTS = 19;

    /** Every project mod file (main and test resources) that compiles, by resource path. */
    static Stream<String> modFiles() throws IOException, URISyntaxException {
        Map<String, Path> files = new TreeMap<>();
        for (URL root : Collections.list(VectorKernelsTest.class.getClassLoader().getResources("mod"))) {
            Path dir = Path.of(root.toURI());
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".mod")).forEach(p -> files.put(
                        dir.relativize(p).toString().replace('\\', '/'), p));
            }
        }
        List<String> compiling = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            // from the file, so that the files it INCLUDEs are read
            if (NmodlMechanism.problems(org.spineformer.nmodl.parse.Parser.parse(e.getValue())).isEmpty()) {
                compiling.add(e.getKey());
            }
        }
        return compiling.stream();
    }

    private static String text(String path) throws IOException, URISyntaxException {
        return Files.readString(file(path), StandardCharsets.ISO_8859_1);
    }

    /**
     * A project mod file compiled: from its file when it INCLUDEs others (read from its folder), else from its text
     * named by its resource path, as the other tests compile it (a compiled class is cached by its text and its
     * messages name the file that compiled it first; other tests assert those names).
     */
    private static NmodlMechanism compile(String path) throws IOException, URISyntaxException {
        String text = text(path);
        return text.contains("INCLUDE") ? NmodlMechanism.compile(file(path)) : NmodlMechanism.compile(path, text);
    }

    private static Path file(String path) throws IOException, URISyntaxException {
        for (URL root : Collections.list(VectorKernelsTest.class.getClassLoader().getResources("mod"))) {
            Path p = Path.of(root.toURI()).resolve(path);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException(path);
    }

    private record Run(List<double[]> traces, List<Double> fields) {
    }

    private static FunctionTable table(int arguments) {
        if (arguments == 1) {
            return FunctionTable.of(new double[] {1, 3}, new double[] {-80, 40});
        }
        if (arguments == 2) {
            return FunctionTable.of(new double[] {1, 3, 2, 4}, FunctionTable.Axis.points(-80, 40),
                    FunctionTable.Axis.points(0, 1));
        }
        FunctionTable.Axis[] axes = new FunctionTable.Axis[arguments];
        double[] values = new double[1 << arguments];
        for (int i = 0; i < arguments; i++) {
            axes[i] = i == 0 ? FunctionTable.Axis.points(-80, 40) : FunctionTable.Axis.points(0, 1);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + i;
        }
        return FunctionTable.of(values, axes);
    }

    private static Run run(NmodlMechanism m, String text, boolean vector) {
        return run(m, text, vector, true);
    }

    private static Run run(NmodlMechanism m, String text, boolean vector, boolean tables) {
        return run(m, text, vector, tables, true);
    }

    private static Run run(NmodlMechanism m, String text, boolean vector, boolean tables, boolean exactConductance) {
        Morphology morph = new Morphology();
        int soma = morph.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = morph.addChild("dend", 400, DENDRITE_SEGMENTS, 120, 1, Morphology.filled(DENDRITE_SEGMENTS, 2),
                soma, 1);
        Catalogue catalogue = Catalogue.discover().register(m);
        // a FUNCTION_TABLE's values are the model's to give (FunctionTableTest): two points across the run's v (and
        // two of each further argument)
        m.functionTableNames().forEach(name -> m.setFunctionTable(name, table(m.functionTableArguments(name))));
        ModelBuilder b = new ModelBuilder(morph, catalogue);
        b.insert("pas", soma, Map.of("g", 1e-4, "e", -65.0));
        b.insert("pas", dend, Map.of("g", 1e-4, "e", -65.0));
        if (m.kind() == Mechanism.Kind.DENSITY) {
            b.insert(m.name(), soma, Map.of());
            b.insert(m.name(), dend, Map.of());
        } else {
            List<Synapse> targets = new ArrayList<>();
            for (int j = 0; j < DENDRITE_SEGMENTS; j++) {
                // two on the first segment: slots of one group on one node
                double x = j == 0 ? 0.5 / DENDRITE_SEGMENTS : (j - 0.5) / DENDRITE_SEGMENTS;
                PointProcess pp = b.addPointProcess(m.name(), dend, x, Map.of());
                targets.add(new Synapse(pp, 0.0005 * (1 + j % 3), 1.0 + 0.1 * j));
            }
            if (text.contains("NET_RECEIVE")) {
                b.addSpikeSource(new double[] {3, 11.3, 12, 30.7, 44}, targets);
            }
        }
        b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 20.0, "amp", 0.3));
        Simulation sim = b.build(DT_MS, 34);
        MechanismBlock block = sim.block(m.name());
        ((VectorKernels) block).setVectorKernels(vector);
        ((ExactConductance) block).setExactConductance(exactConductance);
        block.setUseTables(tables);
        Recorder rec = new Recorder(1);
        var d = sim.discretization();
        rec.add("soma", sim.state().v, d.segmentNode(soma, 0));
        for (int j = 0; j < DENDRITE_SEGMENTS; j += 6) {
            rec.add("dend" + j, sim.state().v, d.segmentNode(dend, j));
        }
        sim.addObserver(rec);
        sim.initialize(-65);
        sim.run(TSTOP_MS);
        List<Double> fields = new ArrayList<>();
        for (FieldSpec f : m.fields()) {
            for (double value : block.column(f.name())) {
                fields.add(value);
            }
        }
        return new Run(rec.names().stream().map(rec::column).toList(), fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modFiles")
    void vectorKernelsGiveTheScalarKernelsBits(String path) throws IOException, URISyntaxException {
        String text = text(path);
        NmodlMechanism m = compile(path);
        Run scalar = run(m, text, false);
        Run vector = run(m, text, true);
        for (int c = 0; c < scalar.traces().size(); c++) {
            assertThat(vector.traces().get(c)).as("trace %d", c).isEqualTo(scalar.traces().get(c));
        }
        assertThat(vector.fields()).as("every field at the end").isEqualTo(scalar.fields());
    }

    /** The project's mechanisms whose current is affine in v (ExactConductanceTest), by resource path. */
    static Stream<String> affineModFiles() {
        List<String> files = new ArrayList<>(PaperModFiles.FILES);
        BundledMod.files("hay2011").forEach(f -> files.add("hay2011/" + f));
        return files.stream().distinct().filter(f -> !f.endsWith("/NMDA.mod") && !f.endsWith("/cadspine.mod")
                && !f.endsWith("/CaDynamics_E2.mod"));
    }

    /** NEURON's numerical di/dv (the exact conductance switched off) in lanes gives the scalar kernels' bits too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("affineModFiles")
    void theNumericalConductanceInLanesGivesTheScalarKernelsBits(String path) throws IOException,
            URISyntaxException {
        String text = text(path);
        NmodlMechanism m = compile(path);
        Run scalar = run(m, text, false, true, false);
        Run vector = run(m, text, true, true, false);
        for (int c = 0; c < scalar.traces().size(); c++) {
            assertThat(vector.traces().get(c)).as("trace %d", c).isEqualTo(scalar.traces().get(c));
        }
        assertThat(vector.fields()).as("every field at the end").isEqualTo(scalar.fields());
    }

    /**
     * Without its table, keptcols.mod's FUNCTION rate reads the column shift, written in the same step, from memory
     * while the vector kernel holds the group's columns in locals: they must be written before its lane-by-lane
     * call (fails when VectorEmitter skips that write).
     */
    @Test
    void aFunctionWithoutItsTableReadsTheColumnsWrittenBeforeItsCall() throws IOException, URISyntaxException {
        String path = "vector/keptcols.mod";
        String text = text(path);
        NmodlMechanism m = compile(path);
        Run scalar = run(m, text, false, false);
        Run vector = run(m, text, true, false);
        for (int c = 0; c < scalar.traces().size(); c++) {
            assertThat(vector.traces().get(c)).as("trace %d", c).isEqualTo(scalar.traces().get(c));
        }
        assertThat(vector.fields()).as("every field at the end").isEqualTo(scalar.fields());
    }

    /**
     * repeatedexp.mod's current phase in lanes takes exp 5 times per evaluation, not 6: efun's exp of its argument,
     * bound to flux's LOCAL nu whose exp was taken, is that result; shifted's nu and bumped's x change between their
     * two exponentials, which are both taken (the bits: vectorKernelsGiveTheScalarKernelsBits).
     */
    @Test
    void anExponentialOfLanesAlreadyTakenIsReusedUntilTheyChange() throws IOException, URISyntaxException {
        String source = compile("vector/repeatedexp.mod").javaSource();
        String kernel = source.substring(source.indexOf("private int vcurrents(CellState s)"));
        kernel = kernel.substring(0, kernel.indexOf("\n    }\n"));
        assertThat(kernel.split("LaneMath\\.exp\\(", -1).length - 1).as("exponentials in the two evaluations")
                .isEqualTo(2 * 5);
    }

    /**
     * Non-integer powers and logarithms go in lanes by LaneMath (VectorMath.pow and .log), not lane by lane by Math's
     * (the bits: vectorKernelsGiveTheScalarKernelsBits); the scalar code's twins are StrictPow and StrictLog. Of
     * PARAMETERs and celsius (a temperature factor, a kept log in a cnexp equation) they keep Math's, scalar and
     * lane by lane.
     */
    @Test
    void powersAndLogarithmsGoInLanes() throws IOException, URISyntaxException {
        String source = compile("vector/powlog.mod").javaSource();
        String currents = kernel(source, "private int vcurrents(CellState s)");
        String states = kernel(source, "private int vadvance(CellState s)");
        // odd, square and zero, soft and near, in each of the two evaluations
        assertThat(count(currents, "LaneMath.pow(")).as("powers in the current phase").isEqualTo(2 * 3);
        assertThat(count(currents, "LaneMath.log(")).as("logarithms in the current phase").isEqualTo(2 * 2);
        assertThat(count(states, "LaneMath.pow(")).as("the Hill function's power in the state phase").isEqualTo(1);
        assertThat(count(currents, "vm_pow2()")).as("the temperature factor, lane by lane, once").isEqualTo(1);
        assertThat(source).contains("vsA[j] = Math.log(vsA[j]);") // the kept log(tscale)
                .contains("vsA[j] = Math.pow(vsA[j], vsB[j]);")
                .contains("c_tadj[k] = Math.pow(c_q10[k], ((s.celsius - c_temp[k]) / 10.0));")
                .contains("c_hill[k] = (1.0 / (1.0 + org.spineformer.engine.simd.StrictPow.pow(")
                .contains("c_soft[k] = org.spineformer.engine.simd.StrictLog.log(");
    }

    /**
     * A state kernel whose only lane-by-lane call is one power takes it over every group in one call (VectorEmitter's
     * power pass: va_states stores each group's arguments and nothing else, one LaneMath.pow, vd_states in vadvance reads its
     * group's result); powlog's, an exponential beside its power, keeps its power per group. The bits of both:
     * vectorKernelsGiveTheScalarKernelsBits.
     */
    @Test
    void aStateKernelsOnePowerIsTakenOverEveryGroupInOneCall() throws IOException, URISyntaxException {
        String source = compile("vector/powpass.mod").javaSource();
        String states = kernel(source, "private int vadvance(CellState s)");
        assertThat(count(states, "LaneMath.pow(")).as("one power over every group, none per group").isEqualTo(1);
        assertThat(states).contains("LaneMath.pow(pwX, pwY, pwPQ);").contains("fromArray(VS, pwX, k0)");
        assertThat(count(kernel(source, "private void va_states(int k0, CellState s)"), ".intoArray("))
                .as("the pass of arguments writes the power's two and nothing else").isEqualTo(2);
        String powlog = compile("vector/powlog.mod").javaSource();
        assertThat(powlog).as("a power and an exponential").doesNotContain("va_states");
        assertThat(count(kernel(powlog, "private int vadvance(CellState s)"), "LaneMath.pow(vsA, vsB, vsPQ)"))
                .as("the power per group").isEqualTo(1);
    }

    private static String kernel(String source, String signature) {
        String kernel = source.substring(source.indexOf(signature));
        return kernel.substring(0, kernel.indexOf("\n    }\n"));
    }

    private static int count(String text, String call) {
        return text.split(java.util.regex.Pattern.quote(call), -1).length - 1;
    }

    @Test
    void thePapersMechanismsAndTheHayCalciumHaveVectorKernels() throws IOException, URISyntaxException {
        assertThat(Simd.enabled()).as("the tests run with the Vector API").isTrue();
        // 16 instances on consecutive nodes (whole groups whose node arrays are read and written as vectors), and
        // 16 on every other node (each group's node values gathered and scattered slot by slot)
        int[] consecutive = new int[16];
        int[] apart = new int[16];
        for (int k = 0; k < 16; k++) {
            consecutive[k] = k;
            apart[k] = 2 * k;
        }
        Map<String, String> phases = new TreeMap<>();
        Map<String, String> phasesApart = new TreeMap<>();
        for (String path : modFiles().toList()) {
            NmodlMechanism m = compile(path);
            phases.put(path, phases(m.newBlock(consecutive)));
            phasesApart.put(path, phases(m.newBlock(apart)));
        }
        assertThat(phases).containsEntry("ellwood2024/AMPA_WITH_CA.mod", "currents advance")
                .containsEntry("ellwood2024/NMDA.mod", "currents advance")
                .containsEntry("ellwood2024/cadspine.mod", " advance")
                .containsEntry("hay2011/NaTa_t.mod", "currents")
                .containsEntry("hay2011/SKv3_1.mod", "currents")
                .containsEntry("hay2011/Im.mod", "currents")
                .containsEntry("hay2011/SK_E2.mod", "currents advance")
                .containsEntry("hay2011/CaDynamics_E2.mod", " advance");
        // a current phase without an exponential in lanes only on consecutive nodes: gathered slot by slot, the
        // scalar kernel is faster (VectorEmitter); with one (AMPA_WITH_CA's sigmoid) in lanes either way
        assertThat(phasesApart).containsEntry("ellwood2024/AMPA_WITH_CA.mod", "currents advance")
                .containsEntry("ellwood2024/NMDA.mod", " advance")
                .containsEntry("hay2011/NaTa_t.mod", "")
                .containsEntry("hay2011/SK_E2.mod", " advance");
    }

    private static String phases(MechanismBlock block) {
        boolean[] p = ((VectorKernels) block).vectorPhases();
        return (p[0] ? "currents" : "") + (p[1] ? " advance" : "");
    }
}
