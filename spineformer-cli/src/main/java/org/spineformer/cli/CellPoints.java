package org.spineformer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.biophysical.BiophysicalAttention;
import org.spineformer.attention.encode.RetrievalTask;
import org.spineformer.attention.reduced.KeyPlacement;
import org.spineformer.attention.reduced.OutputModel;
import org.spineformer.attention.reduced.PotentiationRule;
import org.spineformer.attention.reduced.ReducedAttention;
import org.spineformer.attention.reduced.ScoreKernel;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * The cell's trials on generated retrieval tasks (the {@code attention} command's task, no jitter), one point per
 * number of keys, match window and seed, each recorded in {@code DIR/seed=S/keys=N,window=W/trials} so that a rerun
 * resumes, for the commands that fit the reduced backend to the cell and measure their agreement.
 */
final class CellPoints {
    /**
     * One point: the task, the cell's results, the paper's threshold for the window, and the reduced backend's key
     * lag shifts and key distances for the same cell.
     */
    record Point(int keys, double windowS, long seed, RetrievalTask task, List<QueryResult> cell,
                 PotentiationRule rule, double[] lagShiftsMs, double[] distancesUm) {
        /** The reduced backend on the same inputs, with the cell's lag shifts. */
        List<QueryResult> reduced(ScoreKernel kernel, OutputModel output, int threads) {
            return new ReducedAttention(kernel, rule, output, lagShiftsMs, threads).run(task.inputs());
        }
    }

    private CellPoints() {
    }

    /** Checks the grid before any work: keys within the cell's axons, windows with a paper threshold. */
    static void check(List<Integer> keys, List<Double> windows, int queries) {
        for (int n : keys) {
            if (n < 1 || n > Ellwood2024.AXONS) {
                throw new IllegalArgumentException("--keys = " + n + ": need 1 to " + Ellwood2024.AXONS
                        + " (the cell's axons, one per key)");
            }
        }
        for (double w : windows) {
            OptionChecks.positive("--match-window", w);
            Ellwood2024.requireAtMostMaxMatchWindow("--match-window", w);
            if (!Ellwood2024.hasPaperThreshold(w)) {
                throw new IllegalArgumentException("--match-window = " + w
                        + ": the paper has thresholds for 0.5, 1 and 2 s only");
            }
        }
        OptionChecks.atLeast("--queries", queries, 1);
    }

    /** The bAP delays file: {@code path} itself or the bap_delays.npz in it. */
    static Path delaysFile(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(BapDelays.FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--bap-delays = " + path + ": no " + BapDelays.FILE
                    + " there (run 'spineformer reproduce fig2b' first)");
        }
        return file;
    }

    static Path directory(Path out, long seed, int keys, double windowS) {
        return out.resolve("seed=" + seed).resolve(String.format(Locale.ROOT, "keys=%d,window=%s", keys, windowS));
    }

    /** Runs (or resumes) one point's trials. */
    static Point run(Path out, int keys, double windowS, long seed, int queries, BapDelays delays, int threads,
                     PrintWriter progress) {
        return point(out, keys, windowS, seed, queries, delays, threads, progress, false).orElseThrow();
    }

    /** One point whose trials are all recorded already (none is run), or empty. */
    static Optional<Point> finished(Path out, int keys, double windowS, long seed, int queries, BapDelays delays) {
        return point(out, keys, windowS, seed, queries, delays, 1, null, true);
    }

    private static Optional<Point> point(Path out, int keys, double windowS, long seed, int queries, BapDelays delays,
                                         int threads, PrintWriter progress, boolean recordedOnly) {
        RetrievalTask task = RetrievalTask.generate(new RetrievalTask.Config(keys, queries, windowS, 0, seed));
        PotentiationRule rule = PotentiationRule.paper(windowS);
        BiophysicalAttention cell = new BiophysicalAttention(delays, windowS, rule.threshold(),
                TrialRunner.inDirectory(directory(out, seed, keys, windowS).resolve("trials"), threads, progress,
                        System.console() != null));
        Optional<List<QueryResult>> results = recordedOnly ? cell.recorded(task.inputs())
                : Optional.of(cell.run(task.inputs()));
        return results.map(r -> new Point(keys, windowS, seed, task, r, rule, cell.keyLagShiftsMs(keys),
                KeyPlacement.distancesUm(keys)));
    }
}
