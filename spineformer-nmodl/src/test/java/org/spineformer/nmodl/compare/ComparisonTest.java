package org.spineformer.nmodl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.nmodl.compare.ComparisonRow.Verdict;

/** The parts of {@code nmodl compare} that need no NEURON: the columns' verdicts, the CSVs, the inputs refused. */
class ComparisonTest {
    /** The command's default: 1e-6 of a trace's scale (issue 17's bound for a mechanism alone). */
    private static final double TOLERANCE = 1e-6;
    private static final Path FILE = Path.of("mods/leak.mod");

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
    void neuronsNanIsNotComparedAndAColumnMissingHereIsNamed() {
        double[] t = {0, 1};
        List<ComparisonRow> rows = compare(neuron("t", t, "i", new double[] {0, Double.NEGATIVE_INFINITY},
                "w[1]", new double[] {1, 1}), Map.of("t", t, "i", new double[] {0, 1}));
        assertThat(rows).extracting(ComparisonRow::verdict).containsExactly(Verdict.MATCH,
                Verdict.NEURON_NOT_FINITE, Verdict.NOT_HERE);
        assertThat(rows.get(1).detail()).isEqualTo("NEURON's -Infinity at t = 1.0 ms");
        // nothing comparable differs, but a column NEURON lists is missing here: not a match
        assertThat(Comparison.allMatch(rows)).isFalse();
        assertThat(Comparison.allMatch(rows.subList(0, 2))).isTrue();
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
