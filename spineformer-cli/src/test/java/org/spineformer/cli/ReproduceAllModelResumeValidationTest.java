package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce all --quick --model} (issue 19's acceptance: every panel runs, resumes and is deterministic across
 * thread counts, like the paper's cell): every panel that runs the cell writes the same data on 1 and 2 threads, and
 * again after an interruption (every journal with more than one trial cut to its first half, the panels' analysis
 * outputs deleted) resumed on the other thread count. Validation tier: three runs of the small spiny test cell of
 * ReproduceModelTest, about 75 s of CPU.
 */
@Tag("validation")
class ReproduceAllModelResumeValidationTest {
    private static void reproduceAll(String model, Path out, String threads) {
        CliRun r = run("reproduce", "all", "--quick", "--model", model, "--threads", threads, "--quiet", "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** Every panel's data files (CSV and NPZ), relative to the run's folder. */
    private static Set<Path> dataFiles(Path root) throws IOException {
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".npz"))
                    .forEach(f -> files.add(root.relativize(f)));
        }
        return files;
    }

    private static void assertSameData(Path expected, Path actual, Set<Path> files, String how) throws IOException {
        assertThat(dataFiles(actual)).as(how).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readAllBytes(actual.resolve(f))).as(f + " " + how)
                    .isEqualTo(Files.readAllBytes(expected.resolve(f)));
        }
    }

    @Test
    void everyPanelIsTheSameOnOneAndTwoThreadsAndAfterAResume(@TempDir Path dir) throws IOException,
            URISyntaxException {
        String model = Path.of(getClass().getResource("/models/small_spiny.json").toURI()).toString();
        Path one = dir.resolve("one"), two = dir.resolve("two");
        reproduceAll(model, one, "1");
        reproduceAll(model, two, "2");
        Set<Path> files = dataFiles(one);
        // trials.csv of the ten panels that run the cell (fig3fg's in its folder, its two jitters' journals below it)
        assertThat(files.stream().filter(f -> f.getFileName().toString().equals("trials.csv"))).hasSize(10);
        assertSameData(one, two, files, "on 2 threads");

        List<Path> journals;
        try (Stream<Path> all = Files.walk(two)) {
            journals = all.filter(f -> f.getFileName().toString().equals("trials.jsonl")).toList();
        }
        Set<Path> interrupted = new TreeSet<>();
        for (Path journal : journals) {
            List<String> lines = Files.readAllLines(journal);
            if (lines.size() > 1) {
                Files.write(journal, lines.subList(0, lines.size() / 2));
                interrupted.add(two.resolve(two.relativize(journal).getName(0))); // the panel's folder
            }
        }
        assertThat(interrupted).as("panels with more than one trial").hasSizeGreaterThanOrEqualTo(8);
        for (Path panel : interrupted) {
            try (Stream<Path> all = Files.walk(panel)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    // the panels' analysis; the bAP delays the panels read stay, as an interruption leaves them
                    if (name.equals("summary.json")
                            || (name.endsWith(".csv") || name.endsWith(".npz")) && !name.startsWith("bap_delays")) {
                        Files.delete(f);
                    }
                }
            }
        }
        reproduceAll(model, two, "1");
        assertSameData(one, two, files, "after an interruption on 2 threads resumed on 1");
        for (Path journal : journals) {
            assertThat(Files.readAllLines(journal)).as(journal + " complete again")
                    .hasSameSizeAs(Files.readAllLines(one.resolve(two.relativize(journal))));
        }
    }
}
