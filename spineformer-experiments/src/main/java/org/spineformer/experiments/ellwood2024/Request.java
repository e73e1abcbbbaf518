package org.spineformer.experiments.ellwood2024;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * What {@code spineformer reproduce PANEL} asks for. The options left null take the panel's defaults: the paper's
 * values, or its reduced counts with {@code quick}.
 *
 * @param out the panel's output directory
 * @param trials the number of trials (runs), or null
 * @param matchWindowS the match window (s) of the panels that have one, or null
 * @param seed the run's seed, or null for {@link #DEFAULT_SEED}
 * @param threads worker threads, at least 1
 * @param quick the reduced counts of {@code reproduce all --quick}
 * @param console where the table and notes go (stdout)
 * @param progress where the progress bar goes (stderr), or null for none
 * @param interactive whether progress is drawn in place (a terminal)
 * @param model the cell ({@code --model}; the paper's cell without it)
 * @param lanes trials run together in lanes, at least 1 ({@link TrialRunner#withLanes})
 */
public record Request(Path out, Integer trials, Double matchWindowS, Long seed, int threads, boolean quick,
                      PrintWriter console, PrintWriter progress, boolean interactive, CellModel model, int lanes) {
    public static final long DEFAULT_SEED = 0;

    public Request {
        if (out == null) {
            throw new IllegalArgumentException("out is null");
        }
        if (model == null) {
            throw new IllegalArgumentException("model is null");
        }
        if (trials != null && trials < 1) {
            throw new IllegalArgumentException("--trials = " + trials + " must be >= 1");
        }
        if (matchWindowS != null && !(matchWindowS > 0 && Double.isFinite(matchWindowS))) {
            throw new IllegalArgumentException("--match-window = " + matchWindowS + " s must be > 0");
        }
        if (matchWindowS != null) {
            Ellwood2024.requireAtMostMaxMatchWindow("--match-window", matchWindowS);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads = " + threads + " must be >= 1");
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("--lanes = " + lanes + " must be >= 1");
        }
    }

    /** A request whose trials run one by one (no lanes). */
    public Request(Path out, Integer trials, Double matchWindowS, Long seed, int threads, boolean quick,
                   PrintWriter console, PrintWriter progress, boolean interactive, CellModel model) {
        this(out, trials, matchWindowS, seed, threads, quick, console, progress, interactive, model, 1);
    }

    /** A request for the paper's cell. */
    public Request(Path out, Integer trials, Double matchWindowS, Long seed, int threads, boolean quick,
                   PrintWriter console, PrintWriter progress, boolean interactive) {
        this(out, trials, matchWindowS, seed, threads, quick, console, progress, interactive, CellModel.paper());
    }

    public int trialsOr(int fallback) {
        return trials == null ? fallback : trials;
    }

    public double matchWindowOr(double fallback) {
        return matchWindowS == null ? fallback : matchWindowS;
    }

    public long seedOr() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    /** A runner recording in {@link #out}. */
    public TrialRunner runner() {
        return TrialRunner.inDirectory(out, threads, progress, interactive).withLanes(lanes);
    }

    /** The same request for another directory with the given trial count, other options unchanged. */
    public Request in(Path dir, Integer trialCount) {
        return new Request(dir, trialCount, matchWindowS, seed, threads, quick, console, progress, interactive,
                model, lanes);
    }
}
