package org.spineformer.experiments.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.Provenance;

class TrialRunnerTest {
    /** A cheap stand-in for a simulation: some draws from the trial's stream. */
    record Fake(int index, long draw, double[] values) {
    }

    record Settings(String panel, double windowS) {
    }

    private static final Settings SETTINGS = new Settings("fake", 1.0);

    private static final Trial<Fake> FAKE = (index, random, progress) -> {
        progress.accept(0.5);
        double[] values = new double[1 + index % 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 1e-13;
        }
        return new Fake(index, random.nextLong(), values);
    };

    @TempDir
    Path tmp;

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<Fake> one = TrialRunner.inMemory(1).run("fake", SETTINGS, 11, 40, FAKE, Fake.class);
        List<Fake> four = TrialRunner.inMemory(4).run("fake", SETTINGS, 11, 40, FAKE, Fake.class);
        assertSame(one, four);
        for (int i = 0; i < 40; i++) {
            assertThat(one.get(i).index()).isEqualTo(i);
        }
        List<Fake> otherSeed = TrialRunner.inMemory(2).run("fake", SETTINGS, 12, 40, FAKE, Fake.class);
        assertThat(otherSeed.get(0).draw()).isNotEqualTo(one.get(0).draw());
    }

    @Test
    void aFailedTrialIsReportedInItsOwnWords() {
        Trial<Fake> fails = (index, random, progress) -> {
            throw new IllegalStateException("v is not finite at soma(0.5)");
        };
        assertThatThrownBy(() -> TrialRunner.inMemory(1).run("fake", SETTINGS, 5, 1, fails, Fake.class))
                .hasMessage("trial 0 failed: v is not finite at soma(0.5)");
    }

    @Test
    void aRecordedResultThatDoesNotFitIsReportedWithItsFileAndLine() throws IOException {
        Path dir = tmp.resolve("run");
        TrialRunner.inDirectory(dir, 1, null, false).run("fake", SETTINGS, 5, 2, FAKE, Fake.class);
        Path trials = dir.resolve(TrialJournal.TRIALS_FILE);
        List<String> lines = Files.readAllLines(trials);
        int line = 2;
        String trial = lines.get(line - 1).substring("{\"trial\":".length(), lines.get(line - 1).indexOf(','));
        lines.set(line - 1, "{\"trial\":" + trial + ",\"result\":{\"index\":\"seven\"}}");
        Files.write(trials, lines);
        assertThatThrownBy(() -> TrialRunner.inDirectory(dir, 1, null, false).run("fake", SETTINGS, 5, 2, FAKE,
                Fake.class))
                .hasMessageStartingWith(trials + " line 2: the recorded result does not fit this run's trials (")
                .hasMessageContaining("\"seven\"").hasMessageEndingWith("Remove that line to run the trial again,"
                        + " or choose another --out")
                .message().doesNotContain("org.spineformer").doesNotContain("$").doesNotContain("TrialRunnerTest");
    }

    @Test
    void runJsonRecordsItsProvenanceWhichAResumeByAnotherBuildIgnores() throws IOException {
        Path dir = tmp.resolve("run");
        TrialRunner.inDirectory(dir, 1, null, false).run("fake", SETTINGS, 5, 2, FAKE, Fake.class);
        String text = Files.readString(dir.resolve(TrialJournal.RUN_FILE));
        var provenance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("provenance");
        assertThat(provenance.path("spineformer_version").asText()).isEqualTo(Provenance.version());
        assertThat(provenance.path("java").asText()).startsWith(System.getProperty("java.version"));
        // As if an older build had started the run: it resumes, and the file keeps the starter's provenance.
        String older = text.replace(Provenance.version(), "0.0.1");
        Files.writeString(dir.resolve(TrialJournal.RUN_FILE), older);
        assertThat(TrialRunner.inDirectory(dir, 1, null, false).run("fake", SETTINGS, 5, 3, FAKE, Fake.class))
                .hasSize(3);
        assertThat(Files.readString(dir.resolve(TrialJournal.RUN_FILE))).isEqualTo(older);
    }

    @Test
    void interruptedRunResumesWithoutLosingOrRepeatingTrials() throws IOException {
        List<Fake> uninterrupted = TrialRunner.inMemory(3).run("fake", SETTINGS, 5, 30, FAKE, Fake.class);
        Path dir = tmp.resolve("run");
        AtomicInteger calls = new AtomicInteger();
        Trial<Fake> failsAfterTen = (index, random, progress) -> {
            if (calls.incrementAndGet() > 10) {
                throw new IllegalStateException("killed");
            }
            return FAKE.run(index, random, progress);
        };
        assertThatThrownBy(() -> runner(dir, 3).run("fake", SETTINGS, 5, 30, failsAfterTen, Fake.class))
                .isInstanceOf(TrialFailedException.class).hasMessageContaining("killed");
        Set<Integer> recordedFirst = new HashSet<>(indicesInFile(dir));
        assertThat(recordedFirst).hasSize(10);

        Set<Integer> rerun = ConcurrentHashMap.newKeySet();
        Trial<Fake> counting = (index, random, progress) -> {
            rerun.add(index);
            return FAKE.run(index, random, progress);
        };
        List<Fake> resumed = runner(dir, 2).run("fake", SETTINGS, 5, 30, counting, Fake.class);
        assertSame(resumed, uninterrupted);
        assertThat(rerun).hasSize(20).doesNotContainAnyElementsOf(recordedFirst);
        List<Integer> lines = indicesInFile(dir);
        assertThat(lines).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void tornLastLineIsIgnoredAndCutOff() throws IOException {
        Path dir = tmp.resolve("torn");
        runner(dir, 2).run("fake", SETTINGS, 1, 4, FAKE, Fake.class);
        Path file = dir.resolve(TrialJournal.TRIALS_FILE);
        Files.writeString(file, "{\"trial\":7,\"result\":{\"ind", StandardOpenOption.APPEND);
        List<Fake> results = runner(dir, 2).run("fake", SETTINGS, 1, 8, FAKE, Fake.class);
        assertSame(results, TrialRunner.inMemory(1).run("fake", SETTINGS, 1, 8, FAKE, Fake.class));
        assertThat(Files.readString(file)).endsWith("\n").doesNotContain("\"ind\n");
        assertThat(indicesInFile(dir)).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void completedRunIsNotRunAgainAndCanBeExtended() {
        Path dir = tmp.resolve("extend");
        runner(dir, 2).run("fake", SETTINGS, 3, 5, FAKE, Fake.class);
        AtomicInteger calls = new AtomicInteger();
        Trial<Fake> counting = (index, random, progress) -> {
            calls.incrementAndGet();
            return FAKE.run(index, random, progress);
        };
        runner(dir, 2).run("fake", SETTINGS, 3, 5, counting, Fake.class);
        assertThat(calls).hasValue(0);
        List<Fake> more = runner(dir, 2).run("fake", SETTINGS, 3, 8, counting, Fake.class);
        assertThat(calls).hasValue(3);
        assertSame(more, TrialRunner.inMemory(1).run("fake", SETTINGS, 3, 8, FAKE, Fake.class));
        List<Fake> fewer = runner(dir, 2).run("fake", SETTINGS, 3, 2, counting, Fake.class);
        assertThat(fewer).hasSize(2);
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherArgumentsInTheSameDirectoryAreAClearError() {
        Path dir = tmp.resolve("mismatch");
        runner(dir, 1).run("fake", SETTINGS, 3, 2, FAKE, Fake.class);
        assertThatThrownBy(() -> runner(dir, 1).run("fake", new Settings("fake", 0.5), 3, 2, FAKE, Fake.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment.windowS: 1.0 there, 0.5 here").hasMessageContaining("--out");
        assertThatThrownBy(() -> runner(dir, 1).run("fake", SETTINGS, 4, 2, FAKE, Fake.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed: 3 there, 4 here");
    }

    @Test
    void aDirectoryInUseIsRefused() throws IOException {
        Path dir = tmp.resolve("busy");
        Trial<Fake> nested = (index, random, progress) -> {
            runner(dir, 1).run("inner", SETTINGS, 3, 1, FAKE, Fake.class);
            return FAKE.run(index, random, progress);
        };
        assertThatThrownBy(() -> runner(dir, 1).run("fake", SETTINGS, 3, 1, nested, Fake.class))
                .isInstanceOf(TrialFailedException.class).hasMessageContaining("in use by another run");
    }

    @Test
    void nonFiniteValuesSurviveTheJournal() {
        Path dir = tmp.resolve("nan");
        Trial<Fake> odd = (index, random, progress) -> new Fake(index, 0,
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE});
        runner(dir, 1).run("fake", SETTINGS, 3, 1, odd, Fake.class);
        Fake back = runner(dir, 1).run("fake", SETTINGS, 3, 1, FAKE, Fake.class).get(0);
        assertThat(back.values()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE);
    }

    @Test
    void progressReportsTrialsDoneOfTotal() {
        StringWriter text = new StringWriter();
        TrialRunner.inDirectory(tmp.resolve("progress"), 2, new PrintWriter(text), false)
                .run("fig-x", SETTINGS, 3, 6, FAKE, Fake.class);
        String out = text.toString();
        assertThat(out).contains("fig-x [").contains("6/6 trials").contains("ETA");
        StringWriter again = new StringWriter();
        TrialRunner.inDirectory(tmp.resolve("progress"), 2, new PrintWriter(again), false)
                .run("fig-x", SETTINGS, 3, 6, FAKE, Fake.class);
        assertThat(again.toString()).contains("6/6 trials (6 resumed)");
    }

    @Test
    void badThreadCountIsNamed() {
        assertThatThrownBy(() -> TrialRunner.inMemory(0)).hasMessageContaining("threads = 0");
    }

    private static TrialRunner runner(Path dir, int threads) {
        return TrialRunner.inDirectory(dir, threads, null, false);
    }

    private static List<Integer> indicesInFile(Path dir) throws IOException {
        List<Integer> indices = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(TrialJournal.TRIALS_FILE), StandardCharsets.UTF_8)) {
            String digits = line.substring("{\"trial\":".length(), line.indexOf(','));
            indices.add(Integer.parseInt(digits));
        }
        return indices;
    }

    private static void assertSame(List<Fake> a, List<Fake> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).index()).isEqualTo(b.get(i).index());
            assertThat(a.get(i).draw()).isEqualTo(b.get(i).draw());
            assertThat(a.get(i).values()).containsExactly(b.get(i).values());
        }
    }
}
