package org.spineformer.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.experiments.trial.TrialJournal;
import org.spineformer.experiments.trial.TrialRunner;

class LocalSweepEngineTest {
    private static final FakeExperiment FAKE = new FakeExperiment();
    private static final List<String> GRID = List.of("scale=1,2", "trials=4");

    @TempDir
    Path tmp;

    @BeforeEach
    void forgetCalls() {
        FakeExperiment.CALLS.clear();
    }

    private static SweepEngine.Options options(int threads) {
        return new SweepEngine.Options(threads, null, new PrintWriter(new StringWriter()), null, false);
    }

    private static void sweep(Path dir, int threads) throws IOException {
        SweepEngine.Options options = options(threads);
        SweepEngines.find("local").run(Sweep.prepare(FAKE, GRID, dir, options), options);
    }

    @Test
    void eachPointGetsItsOutputsAndJournals() throws IOException {
        sweep(tmp, 2);
        for (String point : List.of("scale=1/trials=4", "scale=2/trials=4")) {
            Path dir = tmp.resolve(point);
            assertThat(dir.resolve("trials.csv")).isRegularFile();
            assertThat(dir.resolve("summary.json")).isRegularFile();
            assertThat(Files.readAllLines(dir.resolve(TrialJournal.TRIALS_FILE))).hasSize(4);
            assertThat(Files.readAllLines(dir.resolve("second").resolve(TrialJournal.TRIALS_FILE))).hasSize(4);
            assertThat(Files.readAllLines(dir.resolve("trials.csv"))).hasSize(1 + 8);
        }
        assertThat(FakeExperiment.CALLS).hasSize(2 * 2 * 4);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        sweep(tmp.resolve("one"), 1);
        sweep(tmp.resolve("three"), 3);
        for (String point : List.of("scale=1/trials=4", "scale=2/trials=4")) {
            assertThat(Files.readString(tmp.resolve("three").resolve(point).resolve("trials.csv")))
                    .isEqualTo(Files.readString(tmp.resolve("one").resolve(point).resolve("trials.csv")));
        }
    }

    @Test
    void aRerunOfAPartlyFinishedSweepRunsOnlyTheMissingTrials() throws IOException {
        sweep(tmp.resolve("whole"), 2);
        Path dir = tmp.resolve("partial");
        sweep(dir, 2);
        // As if the sweep had been killed: one point's second set has 1 of 4 trials, the other point none.
        Path kept = dir.resolve("scale=1/trials=4/second").resolve(TrialJournal.TRIALS_FILE);
        Files.writeString(kept, Files.readAllLines(kept).get(0) + "\n", StandardCharsets.UTF_8);
        deleteTree(dir.resolve("scale=2/trials=4"));
        FakeExperiment.CALLS.clear();

        sweep(dir, 2);

        assertThat(FakeExperiment.CALLS.keySet()).hasSize(3 + 8)
                .allMatch(k -> k.startsWith("2.0/") || k.startsWith("1.0/1/"));
        assertThat(FakeExperiment.CALLS.values()).allMatch(n -> n.get() == 1);
        for (String point : List.of("scale=1/trials=4", "scale=2/trials=4")) {
            assertThat(Files.readString(dir.resolve(point).resolve("trials.csv")))
                    .isEqualTo(Files.readString(tmp.resolve("whole").resolve(point).resolve("trials.csv")));
        }
    }

    @Test
    void aBadParameterFailsBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("never");
        assertThatThrownBy(() -> Sweep.prepare(FAKE, List.of("scale=1,0"), dir, options(1)))
                .hasMessageContaining("scale=0").hasMessageContaining("must be > 0");
        assertThat(dir).doesNotExist();
        assertThat(FakeExperiment.CALLS).isEmpty();
    }

    @Test
    void anUnknownEngineNamesTheAvailableOnesAndTheSparkJar() {
        assertThatThrownBy(() -> SweepEngines.find("spark")).hasMessageContaining("available: local")
                .hasMessageContaining("spineformer-spark.jar");
    }

    @Test
    void workersRunTheSameTrialsFromTheSweepsSerializableForm() throws Exception {
        Sweep<FakeExperiment.Config, FakeExperiment.Inputs, FakeExperiment.Run> sweep =
                Sweep.prepare(FAKE, GRID, tmp.resolve("w"), options(1));
        sweep.finish(1, TrialRunner.inDirectory(sweep.directory(1), 1, null, false));
        String recorded = Files.readAllLines(sweep.journalDirectory(1, 1).resolve(TrialJournal.TRIALS_FILE)).stream()
                .filter(l -> l.startsWith("{\"trial\":2,")).findFirst().orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sweep.trials());
        }
        SweepTrials<?, ?, ?> shipped;
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (SweepTrials<?, ?, ?>) in.readObject();
        }
        assertThat(recorded).isEqualTo("{\"trial\":2,\"result\":" + shipped.run(1, 1, 2) + "}");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
