package org.spineformer.cli;

import org.spineformer.experiments.trial.TrialRunner;
import picocli.CommandLine.Option;

/** {@code --threads T}, as every command that runs trials in parallel on this machine takes it (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "T", description = "Worker threads; default: all cores.")
    private Integer threads;

    /** Refuses fewer than one thread, in the option's name. */
    void check() {
        if (threads != null) {
            OptionChecks.atLeast("--threads", threads, 1);
        }
    }

    /** The threads given, or all cores. */
    int count() {
        return threads == null ? TrialRunner.allCores() : threads;
    }
}
