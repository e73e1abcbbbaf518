package org.spineformer.experiments.sweep;

import java.io.IOException;
import org.spineformer.experiments.trial.TrialRunner;

/** Runs a sweep on this machine: point after point, each point's trials on {@code threads} threads. */
public final class LocalSweepEngine implements SweepEngine {
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(Sweep<?, ?, ?> sweep, Options options) throws IOException {
        for (int p = 0; p < sweep.points().size(); p++) {
            options.console().println("== " + sweep.experiment().name() + " "
                    + (sweep.points().get(p).name().isEmpty() ? "(defaults)" : sweep.points().get(p).name()) + " -> "
                    + sweep.directory(p));
            options.console().flush();
            sweep.finish(p, TrialRunner.inDirectory(sweep.directory(p), options.threads(), options.progress(),
                    options.interactive()).withLanes(options.lanes()));
        }
    }
}
