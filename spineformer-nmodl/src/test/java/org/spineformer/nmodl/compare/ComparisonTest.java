package org.spineformer.nmodl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.NonFiniteStateException;
import org.spineformer.nmodl.compare.ComparisonRow.Verdict;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * The parts of {@code nmodl compare} that need no NEURON (a shell script stands in for NEURON's Python where one
 * runs): the columns' verdicts, the runs' that cannot be compared, the CSVs, the inputs refused.
 */
class ComparisonTest {
    /** The command's default: 1e-6 of a trace's scale (issue 17's bound for a mechanism alone). */
    private static final double TOLERANCE = 1e-6;
    private static final Path FILE = Path.of("mods/leak.mod");
    /** A leak whose current is the log of v, nan from the first step: our engine stops it. */
    private static final String BOOM = "NEURON { SUFFIX boom NONSPECIFIC_CURRENT i }\nASSIGNED { v (mV) i (mA/cm2) }"
            + "\nBREAKPOINT { i = 0.001*log(v) }\n";

    private static NeuronTrace neuron(Object... columns) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i += 2) {
            m.put((String) columns[i], (double[]) columns[i + 1]);
        }
        return new NeuronTrace(m);
    }

    private static List<ComparisonRow> compare(NeuronTrace neuron, Map<String, double[]> here) {
        return Comparison.columns(FILE, "leak", "iclamp", 37, neuron, here, TOLERANCE);
    }

    @Test
    void aColumnMatchesWithinTheToleranceOfItsScaleAndDiffersBeyondIt() {
        double[] t = {0, 0.025, 0.05};
        NeuronTrace n = neuron("t", t, "v", new double[] {-70, -60, -50}, "m", new double[] {0, 0.5, 1});
        // v off by 4e-5 mV (< 1e-6 of its scale, 70 mV); m off by 2e-6 of its scale, 1
        List<ComparisonRow> rows = compare(n, Map.of("t", t, "v", new double[] {-70, -60.00004, -50},
                "m", new double[] {0, 0.500002, 1}));
        assertThat(rows).extracting(ComparisonRow::column).containsExactly("t", "v", "m");
        assertThat(rows).extracting(ComparisonRow::verdict).containsExactly(Verdict.MATCH, Verdict.MATCH,
                Verdict.DIFFERS);
        assertThat(rows.get(1).scale()).isEqualTo(70);
        assertThat(rows.get(1).largest()).isCloseTo(4e-5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows.get(2).detail()).isEqualTo("largest at t = 0.025 ms: NEURON 0.5, here 0.500002");
        assertThat(Comparison.allMatch(rows)).isFalse();
        assertThat(Comparison.allMatch(rows.subList(0, 2))).isTrue();
    }

    @Test
    void anAllZeroTraceDemandsZeroAndANanHereDiffers() {
        double[] t = {0, 1};
        List<ComparisonRow> rows = compare(neuron("t", t, "i", new double[] {0, 0}, "g", new double[] {1, 2}),
                Map.of("t", t, "i", new double[] {0, 2e-6}, "g", new double[] {1, Double.NaN}));
        assertThat(rows).extracting(ComparisonRow::verdict).containsExactly(Verdict.MATCH, Verdict.DIFFERS,
                Verdict.DIFFERS);
    }

    @Test
    void neuronsRowsBeforeItsFirstNanAreComparedAndAColumnMissingHereIsNamed() {
        double[] t = {0, 1, 2};
        NeuronTrace n = neuron("t", t, "i", new double[] {0, 1, Double.NEGATIVE_INFINITY}, "m", new double[] {0.5, 1,
                1}, "w[1]", new double[] {1, 1, 1});
        List<ComparisonRow> rows = compare(n, Map.of("t", t, "i", new double[] {0, 1, 1}, "m",
                new double[] {0.5, 1, 7}));
        assertThat(rows).extracting(ComparisonRow::verdict).containsExactly(Verdict.NEURON_NOT_FINITE,
                Verdict.NEURON_NOT_FINITE, Verdict.NEURON_NOT_FINITE, Verdict.NOT_HERE);
        assertThat(rows.get(1).detail()).isEqualTo("NEURON's -Infinity in i at t = 2.0 ms; the rows before match");
        assertThat(rows.get(2).largest()).as("m's last row, after NEURON's -inf, is not compared").isZero();
        // nothing that decides the exit code differs, but a column NEURON lists is missing here: not a match
        assertThat(Comparison.allMatch(rows)).isFalse();
        assertThat(Comparison.allMatch(List.of(rows.get(0), new ComparisonRow(FILE, "leak", "iclamp", 37, "v", 0, 70,
                Verdict.MATCH, "")))).isTrue();
        // a difference before NEURON's first nan, in any column, is one
        List<ComparisonRow> earlier = compare(n, Map.of("t", t, "i", new double[] {0, 1, 1}, "m",
                new double[] {0.5, 2, 1}));
        assertThat(earlier.get(2).verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(earlier.get(2).detail()).isEqualTo("largest at t = 1.0 ms: NEURON 1.0, here 2.0");
        assertThat(Comparison.allMatch(earlier)).isFalse();
    }

    @Test
    void aRunStoppedHereIsNeuronNotFiniteOnlyForANanNoEarlierThanNeurons() {
        NmodlMechanism boom = NmodlMechanism.compile("boom.mod", BOOM);
        ComparedMechanism m = ComparedMechanism.of(Path.of("boom.mod"), Parser.parse("boom.mod", BOOM));
        NonFiniteStateException blewUp = catchThrowableOfType(NonFiniteStateException.class,
                () -> SpineformerRun.run(boom, m, Map.of(), CompareProtocol.ICLAMP, 37, List.of("v")));
        double at = blewUp.timeMs();
        NeuronTrace nanThen = neuron("t", new double[] {0, at}, "v", new double[] {-70, Double.NaN});
        NeuronTrace nanLater = neuron("t", new double[] {0, at + 1}, "v", new double[] {-70, Double.NaN});
        NeuronTrace finite = neuron("t", new double[] {0, at}, "v", new double[] {-70, -69});
        assertThat(Comparison.failedHere(FILE, "boom", "iclamp", 37, nanThen, blewUp)).satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NEURON_NOT_FINITE);
            assertThat(r.detail()).isEqualTo("NEURON's NaN in v at t = " + at + " ms; here: " + blewUp.getMessage());
        });
        assertThat(Comparison.failedHere(FILE, "boom", "iclamp", 37, nanLater, blewUp).verdict())
                .isEqualTo(Verdict.FAILED_HERE);
        assertThat(Comparison.failedHere(FILE, "boom", "iclamp", 37, finite, blewUp).verdict())
                .isEqualTo(Verdict.FAILED_HERE);
        // an error of ours is one even where NEURON's run blew up
        ComparisonRow ours = Comparison.failedHere(FILE, "boom", "iclamp", 37, nanThen,
                new IllegalStateException("a singular matrix"));
        assertThat(ours.verdict()).isEqualTo(Verdict.FAILED_HERE);
        assertThat(ours.detail()).isEqualTo("java.lang.IllegalStateException: a singular matrix");
        assertThat(Verdict.FAILED_HERE.decidesExit()).isTrue();
    }

    @Test
    void aRunWithoutNeuronsTraceFailsTheExitCodeOnlyWhenNeuronLoadedTheLibrary(@TempDir Path dir) throws IOException {
        Path leakFile = Files.writeString(dir.resolve("leak.mod"), BOOM.replace("SUFFIX boom", "SUFFIX leak")
                .replace("log(v)", "(v + 70)"));
        NmodlMechanism leak = NmodlMechanism.compile(leakFile);
        ComparedMechanism m = ComparedMechanism.of(leakFile, Parser.parse(leakFile));
        // NEURON's run raising after the library loaded (as for a FUNCTION_TABLE without values)
        List<ComparisonRow> raised = comparison(dir, python(dir, "loaded", "echo '" + CompareScript.LOADED
                + "'\necho 'hoc error: table not specified' >&2\nexit 1")).mechanism(leak, m, dir.resolve("lib.so"),
                dir.resolve("runs-raised"));
        assertThat(raised).hasSize(4).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NEURON_RUN_FAILED);
            assertThat(r.detail()).startsWith("no trace (exit 1: ").endsWith("hoc error: table not specified)");
        });
        assertThat(Comparison.allMatch(raised)).isFalse();
        assertThat(dir.resolve("runs-raised/leak.log")).as("the script's output, kept").isRegularFile();
        // the library not loaded: NEURON's failure, named, not counted
        List<ComparisonRow> notLoaded = comparison(dir, python(dir, "unloaded", "echo 'dlopen failed' >&2\nexit 1"))
                .mechanism(leak, m, dir.resolve("lib.so"), dir.resolve("runs-unloaded"));
        assertThat(notLoaded).hasSize(4).extracting(ComparisonRow::verdict).containsOnly(Verdict.NEURON_FAILED);
        // a Python that cannot start: the mechanism's runs fail, the comparison goes on
        List<ComparisonRow> noPython = comparison(dir, dir.resolve("no-python").toString())
                .mechanism(leak, m, dir.resolve("lib.so"), dir.resolve("runs-none"));
        assertThat(noPython).hasSize(4).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NEURON_FAILED);
            assertThat(r.detail()).startsWith("no trace (Cannot run program \"" + dir.resolve("no-python"));
        });
    }

    @Test
    void aRunDeletesAnEarlierComparisonsFilesFirst(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path stale = Files.createDirectories(out.resolve("neuron/07-old/runs"));
        Files.writeString(stale.resolve("leak_iclamp_37.0.csv"), "t,v\n0,-70\n");
        Files.writeString(out.resolve(Comparison.CSV), "an earlier run's\n");
        Files.writeString(out.resolve("notes.txt"), "the user's");
        ComparisonRow notCompiled = ComparisonRow.whole(FILE, null, "", Double.NaN, Verdict.NOT_COMPILED, "x");
        List<ComparisonRow> rows = new Comparison(new LiveNeuron(python(dir, "nothing", "exit 0"),
                dir.resolve("nrnivmodl"), ""), List.of(37.0), TOLERANCE, ParameterSettings.NONE, out,
                new PrintWriter(new StringWriter())).run(new Comparison.Compiled(Map.of(), Map.of(),
                List.of(notCompiled)));
        assertThat(rows).containsExactly(notCompiled);
        assertThat(out.resolve("neuron")).doesNotExist();
        assertThat(out.resolve(Comparison.CSV)).doesNotExist();
        assertThat(out.resolve("notes.txt")).hasContent("the user's");
    }

    /** A shell script standing in for NEURON's Python, running {@code body} whatever it is given. */
    private static String python(Path dir, String name, String body) throws IOException {
        Path script = Files.writeString(dir.resolve(name + ".sh"), "#!/bin/sh\n" + body + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script.toString();
    }

    private static Comparison comparison(Path dir, String python) {
        return new Comparison(new LiveNeuron(python, dir.resolve("nrnivmodl"), ""), List.of(37.0), TOLERANCE,
                ParameterSettings.NONE, dir.resolve("out"), new PrintWriter(new StringWriter()));
    }

    @Test
    void runsOfAnotherLengthAreOneRowAndNothingComparedIsNoMatch() {
        List<ComparisonRow> rows = compare(neuron("t", new double[] {0, 1, 2}), Map.of("t", new double[] {0, 1}));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.ROWS_DIFFER);
            assertThat(r.detail()).isEqualTo("NEURON 3 rows, here 2 rows");
        });
        assertThat(Comparison.allMatch(List.of(ComparisonRow.whole(FILE, "leak", "iclamp", 37,
                Verdict.NEURON_FAILED, "segmentation fault")))).isFalse();
    }

    @Test
    void theCsvQuotesWhatNeedsItAndLeavesNanEmpty() {
        ComparisonRow failed = ComparisonRow.whole(Path.of("a,b.mod"), null, "", Double.NaN, Verdict.NOT_COMPILED,
                "a,b.mod:2:1: VERBATIM is not supported: \"C\" code");
        ComparisonRow matched = new ComparisonRow(FILE, "leak", "vclamp_m60", 6.3, "ion.ik", 2e-12, 0.5,
                Verdict.MATCH, "");
        assertThat(ComparisonRow.csv(List.of(failed, matched)).lines()).containsExactly(ComparisonRow.HEADER,
                "\"a,b.mod\",,,,,,,,not compiled,\"a,b.mod:2:1: VERBATIM is not supported: \"\"C\"\" code\"",
                "mods/leak.mod,leak,vclamp_m60,6.3,ion.ik,2.0E-12,0.5,4.0E-12,match,");
    }

    @Test
    void neuronsCsvReadsPythonsNonFiniteNumbers(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("run.csv"), "t,v,m\n0,-80,nan\n0.025,-inf,inf\n");
        NeuronTrace trace = NeuronTrace.read(csv);
        assertThat(trace.columns().keySet()).containsExactly("t", "v", "m");
        assertThat(trace.columns().get("v")).containsExactly(-80, Double.NEGATIVE_INFINITY);
        assertThat(trace.columns().get("m")).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        Path torn = Files.writeString(dir.resolve("torn.csv"), "t,v\n0,-80\n0.025\n");
        assertThatThrownBy(() -> NeuronTrace.read(torn)).hasMessage(torn + ":3: 1 values, the header names 2");
    }

    @Test
    void inputsAreModFilesOrFoldersWithThem(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("b.mod"), ""), b = Files.writeString(dir.resolve("a.mod"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertThat(Comparison.modFiles(List.of(dir))).containsExactly(b, a);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Comparison.modFiles(List.of(empty)))
                .hasMessage(empty + ": a folder without .mod files");
        assertThatThrownBy(() -> Comparison.modFiles(List.of(dir.resolve("notes.txt"))))
                .hasMessage(dir.resolve("notes.txt") + ": not a .mod file");
        assertThatThrownBy(() -> Comparison.modFiles(List.of(dir.resolve("none.mod"))))
                .hasMessage(dir.resolve("none.mod") + ": no such file or folder");
    }
}
