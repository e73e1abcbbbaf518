package org.spineformer.spark;

import java.io.IOException;
import org.spineformer.experiments.sweep.Sweep;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * {@code --engine spark}: a sweep's trials as Spark tasks ({@link SparkTrials}), then each grid point analysed and
 * written on the driver as the local engine does, plus {@code trials.parquet} next to its {@code trials.csv}
 * ({@link TrialsParquet}).
 *
 * <p>Found by {@link java.util.ServiceLoader}, which makes one whether or not Spark is on the class path, so
 * nothing here names a Spark class: without Spark, running a sweep is a clear error rather than a linkage error.
 */
public final class SparkSweepEngine implements SweepEngine {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(Sweep<?, ?, ?> sweep, Options options) throws IOException {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkSweepEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--engine spark: Spark is not on the class path; submit the sweep with "
                    + "spark-submit --class org.spineformer.cli.Main spineformer-spark.jar sweep ... (docs/user/spark.md)");
        }
        SparkTrials.run(sweep, options);
        for (int p = 0; p < sweep.points().size(); p++) {
            options.console().println("== " + sweep.experiment().name() + " "
                    + (sweep.points().get(p).name().isEmpty() ? "(defaults)" : sweep.points().get(p).name()) + " -> "
                    + sweep.directory(p));
            options.console().flush();
            // Every trial is recorded now: this reads them back, analyses and writes as the local engine does.
            sweep.finish(p, TrialRunner.inDirectory(sweep.directory(p), 1, null, false));
            TrialsParquet.write(sweep.directory(p).resolve(TrialsParquet.CSV),
                    sweep.directory(p).resolve(TrialsParquet.FILE));
        }
    }
}
