package org.spineformer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.experiments.sweep.Sweep;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepEngines;
import org.spineformer.experiments.sweep.SweepableExperiment;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.trial.TrialJournal;
import org.spineformer.io.csv.CsvTable;

/** Spark retries a failing task, and a rerun of a partly recorded sweep computes only the missing trials. */
@Tag("spark")
class SparkRetryAndResumeTest {
    /** Attempts per trial, by "scale/index"; the local master runs tasks in this JVM. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    record Config(int trials, long seed, double scale) {
    }

    /** @param failFirstAttempt the first attempt of every trial throws, as a lost executor would fail it */
    record Inputs(boolean failFirstAttempt) implements Serializable {
    }

    record Run(int index, double draw) {
    }

    static final class Fake implements SweepableExperiment<Config, Inputs, Run> {
        private static final long serialVersionUID = 1L;
        private final boolean failFirstAttempt;

        Fake(boolean failFirstAttempt) {
            this.failFirstAttempt = failFirstAttempt;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Class<Run> resultType() {
            return Run.class;
        }

        @Override
        public Config defaults() {
            return new Config(6, 3, 1);
        }

        @Override
        public Inputs inputs(Path dir, SweepEngine.Options options) {
            return new Inputs(failFirstAttempt);
        }

        @Override
        public List<TrialSet> trialSets(Config c, Inputs inputs) {
            return List.of(new TrialSet("", "fake", c, c.seed(), c.trials()));
        }

        @Override
        public Run trial(Config c, Inputs inputs, int set, int index, SplittableRandom random,
                         DoubleConsumer progress) {
            int attempt = ATTEMPTS.computeIfAbsent(c.scale() + "/" + index, k -> new AtomicInteger()).incrementAndGet();
            if (inputs.failFirstAttempt() && attempt == 1) {
                throw new IllegalStateException("first attempt of trial " + index + " fails");
            }
            return new Run(index, c.scale() * random.nextDouble());
        }

        @Override
        public void write(Config c, Inputs inputs, List<List<Run>> results, Path dir) {
            try {
                new CsvTable().add("trial", results.get(0).stream().mapToInt(Run::index).toArray())
                        .add("draw", results.get(0).stream().mapToDouble(Run::draw).toArray())
                        .write(dir.resolve("trials.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void sweep(Fake fake, Path dir, String master) throws IOException {
        SweepEngine.Options options = new SweepEngine.Options(1, master, new PrintWriter(new StringWriter()), null,
                false);
        SweepEngines.find("spark").run(Sweep.prepare(fake, List.of("scale=1,2"), dir, options), options);
    }

    @Test
    void aFailingTaskIsRetriedBySpark() throws IOException {
        ATTEMPTS.clear();
        sweep(new Fake(false), tmp.resolve("clean"), "local[2]");
        ATTEMPTS.clear();
        // local[N,F]: N threads, each task tried up to F times (a local master's spark.task.maxFailures)
        sweep(new Fake(true), tmp.resolve("retried"), "local[2,2]");
        assertThat(ATTEMPTS).hasSize(12).allSatisfy((trial, attempts) -> assertThat(attempts.get()).isEqualTo(2));
        for (String point : List.of("scale=1", "scale=2")) {
            assertThat(Files.readString(tmp.resolve("retried").resolve(point).resolve("trials.csv")))
                    .isEqualTo(Files.readString(tmp.resolve("clean").resolve(point).resolve("trials.csv")));
        }
    }

    @Test
    void aRerunComputesOnlyTheMissingTrials() throws IOException {
        Path whole = tmp.resolve("whole");
        Path dir = tmp.resolve("partial");
        sweep(new Fake(false), whole, "local[2]");
        sweep(new Fake(false), dir, "local[2]");
        Path journal = dir.resolve("scale=2").resolve(TrialJournal.TRIALS_FILE);
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, String.join("\n", lines.subList(0, 2)) + "\n", StandardCharsets.UTF_8);
        ATTEMPTS.clear();

        sweep(new Fake(false), dir, "local[2]");

        assertThat(ATTEMPTS).hasSize(4).allSatisfy((trial, attempts) -> {
            assertThat(trial).startsWith("2.0/");
            assertThat(attempts.get()).isEqualTo(1);
        });
        assertThat(Files.readString(dir.resolve("scale=2").resolve("trials.csv")))
                .isEqualTo(Files.readString(whole.resolve("scale=2").resolve("trials.csv")));
        assertThat(dir.resolve("scale=2").resolve(TrialsParquet.FILE)).isRegularFile();
    }
}
