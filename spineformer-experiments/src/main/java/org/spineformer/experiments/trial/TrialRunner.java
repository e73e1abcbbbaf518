package org.spineformer.experiments.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.io.json.JsonErrors;

/**
 * Runs an experiment's trials on a fixed pool of threads and returns their results in index order.
 *
 * <p>Trial i gets the random stream {@link TrialSeeds#random}(seed, i), so results do not depend on the number of
 * threads or on which trials ran before. With an output directory, every finished trial is recorded at once
 * ({@link TrialJournal}: {@code run.json}, {@code trials.jsonl}); a later run with the same arguments skips the
 * recorded trials and runs only the others, so an interrupted run resumes where it stopped. The trial count is not
 * one of those arguments: trial i is the same whatever the count, so a run can be extended with more trials, or
 * summarised over fewer, in the same directory.
 *
 * <p>When a trial throws, no new trial starts, the ones under way finish and are recorded, and
 * {@link TrialFailedException} is thrown.
 */
public final class TrialRunner {
    private final Path dir;
    private final int threads;
    private final PrintWriter progress;
    private final boolean interactive;

    private TrialRunner(Path dir, int threads, PrintWriter progress, boolean interactive) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
        this.dir = dir;
        this.threads = threads;
        this.progress = progress;
        this.interactive = interactive;
    }

    /**
     * A runner that records trials in {@code dir} and resumes from them.
     *
     * @param progress where the progress bar goes (stderr), or null for none
     * @param interactive redraw the bar in place (a terminal) rather than print lines
     */
    public static TrialRunner inDirectory(Path dir, int threads, PrintWriter progress, boolean interactive) {
        if (dir == null) {
            throw new IllegalArgumentException("dir is null");
        }
        return new TrialRunner(dir, threads, progress, interactive);
    }

    /** A runner that keeps nothing: every call runs all trials. No progress output. */
    public static TrialRunner inMemory(int threads) {
        return new TrialRunner(null, threads, null, false);
    }

    /** The number of available processors: the default thread count. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The directory trials are recorded in, or null. */
    public Path directory() {
        return dir;
    }

    /** A runner like this one recording in {@code subdirectory} (for an experiment that needs another one first). */
    public TrialRunner in(Path subdirectory) {
        return new TrialRunner(subdirectory, threads, progress, interactive);
    }

    /**
     * Runs trials 0 .. trials - 1 (those not recorded yet) and returns all their results in index order.
     *
     * @param label names the run in the progress bar
     * @param experiment the settings that determine every trial's result (written to run.json and checked on
     *     resume); anything Jackson writes, typically the experiment's config without its trial count
     * @param seed the run's seed
     * @param type the result's class, to read recorded results back
     * @throws IllegalArgumentException if the directory holds a run with another experiment or seed
     * @throws TrialFailedException if a trial threw
     */
    public <R> List<R> run(String label, Object experiment, long seed, int trials, Trial<R> trial, Class<R> type) {
        if (trials < 0) {
            throw new IllegalArgumentException("trials = " + trials + " must be >= 0");
        }
        try (TrialJournal journal = dir == null ? null : TrialJournal.open(dir, experiment, seed)) {
            return run(label, seed, trials, trial, type, journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record trials in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The results of trials 0 .. trials - 1 if this runner's directory has recorded them all, else empty; runs no
     * trial and writes no journal. A directory without a run, or in use by another run (whose trials are under way),
     * has not recorded them.
     *
     * @throws IllegalArgumentException if the directory holds a run with another experiment or seed
     */
    public <R> Optional<List<R>> recorded(Object experiment, long seed, int trials, Class<R> type) {
        if (dir == null || !Files.isRegularFile(dir.resolve(TrialJournal.RUN_FILE)) || TrialJournal.inUse(dir)) {
            return Optional.empty();
        }
        try (TrialJournal journal = TrialJournal.open(dir, experiment, seed)) {
            Map<Integer, JsonNode> recorded = journal.finished();
            List<R> results = new ArrayList<>(trials);
            for (int i = 0; i < trials; i++) {
                if (!recorded.containsKey(i)) {
                    return Optional.empty();
                }
                results.add(read(recorded.get(i), type, journal.where(i)));
            }
            return Optional.of(results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trials recorded in " + dir + ": " + e.getMessage(), e);
        }
    }

    private <R> List<R> run(String label, long seed, int trials, Trial<R> trial, Class<R> type, TrialJournal journal) {
        Object[] results = new Object[trials];
        List<Integer> todo = new ArrayList<>();
        Map<Integer, JsonNode> recorded = journal == null ? Map.of() : journal.finished();
        for (int i = 0; i < trials; i++) {
            JsonNode r = recorded.get(i);
            if (r == null) {
                todo.add(i);
            } else {
                results[i] = read(r, type, journal.where(i));
            }
        }
        int resumed = trials - todo.size();
        ProgressBar bar = progress == null ? null
                : new ProgressBar(progress, label, trials, resumed, interactive, System::nanoTime);
        AtomicInteger finished = new AtomicInteger(resumed);
        Map<Integer, Double> underWay = new ConcurrentHashMap<>();
        AtomicReference<TrialFailedException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, todo.size())), r -> {
            Thread t = new Thread(r, "trial-" + label);
            t.setDaemon(true); // an interrupted command line exits; the journal already holds every finished trial
            return t;
        });
        try {
            for (int index : todo) {
                pool.execute(() -> {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        R result = trial.run(index, TrialSeeds.random(seed, index), fraction -> {
                            underWay.put(index, Math.max(0, Math.min(1, fraction)));
                            report(bar, finished, underWay);
                        });
                        String json = toJson(result);
                        if (journal != null) {
                            journal.append(index, json);
                        }
                        // What a resumed run reads back, so a result is the same object either way.
                        results[index] = read(JournalJson.tree(json), type, "trial " + index);
                        finished.incrementAndGet();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, new TrialFailedException(index, e));
                    } finally {
                        underWay.remove(index);
                    }
                    report(bar, finished, underWay);
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the trials under way
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running trials of " + label, e);
        }
        if (bar != null) {
            bar.finish(finished.get());
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<R> list = new ArrayList<>(trials);
        for (Object r : results) {
            list.add(type.cast(r));
        }
        return list;
    }

    /**
     * A trial result as the journal records it; an engine that runs trials elsewhere sends them back in this form,
     * so that they are recorded exactly as here ({@link JournalJson}: NaN as null, infinities as +-1e999).
     */
    public static String toJson(Object result) {
        return JournalJson.write(result);
    }

    private static void report(ProgressBar bar, AtomicInteger finished, Map<Integer, Double> underWay) {
        if (bar != null) {
            bar.update(finished.get() + underWay.values().stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    /** A recorded result; {@code where} names it in the error ("DIR/trials.jsonl line 7"). */
    private static <R> R read(JsonNode node, Class<R> type, String where) {
        try {
            return JournalJson.read(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": the recorded result does not fit this run's trials ("
                    + JsonErrors.reason(e) + "); the file was changed by hand or by another program. Remove that"
                    + " line to run the trial again, or choose another --out", e);
        }
    }
}
