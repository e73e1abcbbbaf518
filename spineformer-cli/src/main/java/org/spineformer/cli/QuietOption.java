package org.spineformer.cli;

import java.io.PrintWriter;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.spineformer.engine.NonFiniteStateException;
import picocli.CommandLine.Option;

/** {@code --quiet}: no progress on stderr (a picocli mixin of every command that shows its progress). */
final class QuietOption {
    @Option(names = "--quiet", description = "No progress on stderr.")
    private boolean quiet;

    /** Where progress goes: {@code err}, or nowhere (null) with --quiet. */
    PrintWriter progressTo(PrintWriter err) {
        return quiet ? null : err;
    }

    /** A progress bar on {@code err} counting to {@code total} {@code unit}, or none (null) with --quiet. */
    Progress bar(PrintWriter err, String unit, double total) {
        return quiet ? null : new Progress(err, unit, total);
    }

    /**
     * Runs a simulation that reports its progress to the consumer it is given (null with --quiet), shown as a bar of
     * {@code total} {@code unit} on {@code err}; a run that blows up ends the bar's line first, so that its message
     * stands on a line of its own.
     */
    <T> T withProgress(PrintWriter err, String unit, double total, Function<DoubleConsumer, T> run) {
        Progress bar = bar(err, unit, total);
        T result;
        try {
            result = run.apply(bar == null ? null : bar::update);
        } catch (NonFiniteStateException e) {
            if (bar != null) {
                err.println(); // the error on a line of its own, not after the bar
            }
            throw e;
        }
        if (bar != null) {
            bar.finish();
        }
        return result;
    }
}
