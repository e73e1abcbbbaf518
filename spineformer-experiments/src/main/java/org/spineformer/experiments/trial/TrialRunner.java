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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.spineformer.cell.replay.CommonStarts;
import org.spineformer.cell.replay.Replay;
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
    private final int lanes;

    private TrialRunner(Path dir, int threads, PrintWriter progress, boolean interactive, int lanes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes = " + lanes + " must be >= 1");
        }
        this.dir = dir;
        this.threads = threads;
        this.progress = progress;
        this.interactive = interactive;
        this.lanes = lanes;
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
        return new TrialRunner(dir, threads, progress, interactive, 1);
    }

    /** A runner that keeps nothing: every call runs all trials. No progress output. */
    public static TrialRunner inMemory(int threads) {
        return new TrialRunner(null, threads, null, false, 1);
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
        return new TrialRunner(subdirectory, threads, progress, interactive, lanes);
    }

    /**
     * A runner like this one that runs the replays of {@link ReplayTrial}s in groups of {@code lanes} trials, each
     * group one simulation in lanes (1: every trial alone, as other trials always run).
     */
    public TrialRunner withLanes(int lanes) {
        return new TrialRunner(dir, threads, progress, interactive, lanes);
    }

    /** The trials run together in lanes (1: each alone). */
    public int lanes() {
        return lanes;
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
        Run<R> run = new Run<>(seed, trial, type, journal, results, bar, new AtomicInteger(resumed));
        List<List<Integer>> groups = groups(todo, trial instanceof ReplayTrial ? lanes : 1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, groups.size())), r -> {
            Thread t = new Thread(r, "trial-" + label);
            t.setDaemon(true); // an interrupted command line exits; the journal already holds every finished trial
            return t;
        });
        try {
            for (List<Integer> group : groups) {
                pool.execute(() -> {
                    if (run.failure.get() != null) {
                        return;
                    }
                    if (group.size() == 1) {
                        run.alone(group.get(0));
                    } else {
                        run.inLanes(group);
                    }
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
            bar.finish(run.finished.get());
        }
        if (run.failure.get() != null) {
            throw run.failure.get();
        }
        List<R> list = new ArrayList<>(trials);
        for (Object r : results) {
            list.add(type.cast(r));
        }
        return list;
    }

    /** The trials to run in groups of {@code size}, in index order (the last group may be smaller). */
    static List<List<Integer>> groups(List<Integer> todo, int size) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += size) {
            groups.add(List.copyOf(todo.subList(from, Math.min(todo.size(), from + size))));
        }
        return groups;
    }

    /** One call of {@link #run}: its trials' results, journal, progress and first failure, shared by the threads. */
    private static final class Run<R> {
        private final long seed;
        private final Trial<R> trial;
        private final Class<R> type;
        private final TrialJournal journal;
        private final Object[] results;
        private final ProgressBar bar;
        private final AtomicInteger finished;
        private final Map<Integer, Double> underWay = new ConcurrentHashMap<>();
        private final AtomicReference<TrialFailedException> failure = new AtomicReference<>();
        /** Set when the model's mechanisms turned out not to run lanes: later groups run their trials alone. */
        private final AtomicBoolean noLanes = new AtomicBoolean();
        /** The rests the replays begin with, each simulated once for the run. */
        private final CommonStarts starts = new CommonStarts();

        Run(long seed, Trial<R> trial, Class<R> type, TrialJournal journal, Object[] results, ProgressBar bar,
            AtomicInteger finished) {
            this.seed = seed;
            this.trial = trial;
            this.type = type;
            this.journal = journal;
            this.results = results;
            this.bar = bar;
            this.finished = finished;
        }

        /** Runs trial {@code index} alone, as every trial runs without lanes (a replay from its common start). */
        void alone(int index) {
            try {
                if (trial instanceof ReplayTrial<R> replays) {
                    replayAlone(index, replays.draw(index, TrialSeeds.random(seed, index)));
                } else {
                    finish(index, trial.run(index, TrialSeeds.random(seed, index),
                            fraction -> progress(index, fraction)));
                }
            } catch (Throwable e) {
                fail(index, e);
            }
        }

        /**
         * Draws the group's trials, replays those that fit together (one model, the same run settings) in lanes
         * and any other alone, and records each trial as its group ends. A trial that fails (its draw, its lane
         * blowing up, its reading) is the run's failure; the group's other trials are recorded.
         */
        void inLanes(List<Integer> group) {
            ReplayTrial<R> replays = (ReplayTrial<R>) trial;
            List<Integer> drawnIndices = new ArrayList<>();
            List<Replayed<R>> drawn = new ArrayList<>();
            for (int index : group) {
                try {
                    drawn.add(replays.draw(index, TrialSeeds.random(seed, index)));
                    drawnIndices.add(index);
                } catch (Throwable e) {
                    fail(index, e);
                }
            }
            while (!drawn.isEmpty()) {
                List<Integer> indices = new ArrayList<>();
                List<Replayed<R>> together = new ArrayList<>();
                for (int k = 0; k < drawn.size(); k++) {
                    if (together.isEmpty() || together.get(0).fitsWith(drawn.get(k))) {
                        indices.add(drawnIndices.remove(k));
                        together.add(drawn.remove(k));
                        k--;
                    }
                }
                if (together.size() == 1 || noLanes.get()) {
                    for (int k = 0; k < together.size(); k++) {
                        replayAlone(indices.get(k), together.get(k));
                    }
                } else {
                    replayInLanes(indices, together);
                }
            }
        }

        private void replayAlone(int index, Replayed<R> d) {
            try {
                finish(index, d.runAlone(fraction -> progress(index, fraction), starts));
            } catch (Throwable e) {
                fail(index, e);
            }
        }

        private void replayInLanes(List<Integer> indices, List<Replayed<R>> together) {
            Replayed<R> first = together.get(0);
            List<Replay.Outcome> outcomes;
            try {
                outcomes = Replay.runLanes(together.stream().map(Replayed::stimulus).toList(), first.model(),
                        first.record(), t -> {
                            for (int index : indices) {
                                progress(index, t / first.stimulus().tstopMs());
                            }
                        }, starts);
            } catch (UnsupportedOperationException e) {
                // a mechanism of this model does not run lanes (found at build, before any step): each alone
                noLanes.set(true);
                for (int k = 0; k < together.size(); k++) {
                    replayAlone(indices.get(k), together.get(k));
                }
                return;
            } catch (Throwable e) {
                for (int index : indices) {
                    fail(index, e);
                }
                return;
            }
            for (int k = 0; k < together.size(); k++) {
                int index = indices.get(k);
                Replay.Outcome o = outcomes.get(k);
                try {
                    if (o.failure() != null) {
                        throw o.failure();
                    }
                    finish(index, together.get(k).read().apply(o.result()));
                } catch (Throwable e) {
                    fail(index, e);
                }
            }
        }

        private void progress(int index, double fraction) {
            underWay.put(index, Math.max(0, Math.min(1, fraction)));
            report();
        }

        /** Records a finished trial, and keeps what a resumed run reads back, so a result is the same either way. */
        private void finish(int index, R result) throws IOException {
            try {
                String json = toJson(result);
                if (journal != null) {
                    journal.append(index, json);
                }
                results[index] = read(JournalJson.tree(json), type, "trial " + index);
                finished.incrementAndGet();
            } finally {
                underWay.remove(index);
                report();
            }
        }

        private void fail(int index, Throwable e) {
            failure.compareAndSet(null, new TrialFailedException(index, e));
            underWay.remove(index);
            report();
        }

        private void report() {
            if (bar != null) {
                bar.update(finished.get() + underWay.values().stream().mapToDouble(Double::doubleValue).sum());
            }
        }
    }

    /**
     * A trial result as the journal records it; an engine that runs trials elsewhere sends them back in this form,
     * so that they are recorded exactly as here ({@link JournalJson}: NaN as null, infinities as +-1e999).
     */
    public static String toJson(Object result) {
        return JournalJson.write(result);
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
