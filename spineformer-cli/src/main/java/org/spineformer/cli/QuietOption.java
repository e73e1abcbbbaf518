package org.spineformer.cli;

import java.io.PrintWriter;
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
}
