package org.spineformer.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.spineformer.experiments.sweep.Sweep;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepFailedException;
import org.spineformer.experiments.sweep.SweepTrials;
import org.spineformer.experiments.sweep.TrialSet;
import org.spineformer.experiments.trial.ProgressBar;
import org.spineformer.experiments.trial.TrialJournal;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's unrecorded trials as Spark tasks, one trial a task, and records each in its journal on the driver
 * as its result arrives, so that a sweep killed half-way resumes with only the missing trials.
 *
 * <p>A task gets the sweep's trials (experiment, configs, shared inputs) as a broadcast and returns the trial's
 * result as the JSON text its journal records, the text a local run writes for the same trial. A task that throws
 * is retried by Spark ({@code spark.task.maxFailures}; on a local master, {@code local[N,F]}); when Spark gives up,
 * the job fails with {@link SweepFailedException}, the finished trials kept.
 */
final class SparkTrials {
    /** Trial {@code index} of set {@code set} of grid point {@code point}. */
    record Task(int point, int set, int index) implements Serializable {
    }

    /** A task's trial result, as JSON. */
    record Outcome(Task task, String json) implements Serializable {
    }

    private SparkTrials() {
    }

    static void run(Sweep<?, ?, ?> sweep, SweepEngine.Options options) throws IOException {
        List<List<TrialJournal>> journals = new ArrayList<>();
        try {
            List<Task> todo = new ArrayList<>();
            int total = 0;
            for (int p = 0; p < sweep.points().size(); p++) {
                List<TrialJournal> pointJournals = new ArrayList<>();
                journals.add(pointJournals);
                List<TrialSet> sets = sweep.trialSets(p);
                for (int s = 0; s < sets.size(); s++) {
                    TrialSet set = sets.get(s);
                    TrialJournal journal = TrialJournal.open(sweep.journalDirectory(p, s), set.fingerprint(),
                            set.seed());
                    pointJournals.add(journal);
                    for (int i = 0; i < set.trials(); i++) {
                        if (!journal.finished().containsKey(i)) {
                            todo.add(new Task(p, s, i));
                        }
                    }
                    total += set.trials();
                }
            }
            options.console().println(sweep.experiment().name() + ": " + todo.size() + " of " + total
                    + " trials to run on Spark" + (todo.size() < total ? " (the others are recorded)" : ""));
            options.console().flush();
            if (!todo.isEmpty()) {
                ProgressBar bar = options.progress() == null ? null : new ProgressBar(options.progress(),
                        sweep.experiment().name(), total, total - todo.size(), options.interactive(), System::nanoTime);
                runOnSpark(sweep, options, todo, new Record(journals, bar, total - todo.size()));
                if (bar != null) {
                    bar.finish(total);
                }
            }
        } finally {
            for (List<TrialJournal> pointJournals : journals) {
                for (TrialJournal journal : pointJournals) {
                    journal.close();
                }
            }
        }
    }

    private static void runOnSpark(Sweep<?, ?, ?> sweep, SweepEngine.Options options, List<Task> todo,
                                   Record record) {
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession.Builder builder = SparkSession.builder().appName("spineformer sweep " + sweep.experiment().name());
        if (options.master() != null) {
            builder.master(options.master());
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SweepTrials<?, ?, ?>> trials = context.broadcast(sweep.trials());
            // One trial a partition, so each is a task of its own, retried on its own.
            JavaRDD<Task> tasks = context.parallelize(todo, todo.size());
            spark.sparkContext().runJob(tasks.rdd(), new RunTrial(trials), record,
                    ClassTag$.MODULE$.apply(Outcome.class));
        } catch (Exception e) { // Scala declares no exceptions: javac does not see the SparkException a job throws
            if (e instanceof SparkException) {
                throw new SweepFailedException("trials failed on Spark after its retries (" + e.getMessage()
                        + "); the finished trials are recorded, rerun the same sweep to resume", e);
            }
            throw e;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    /** On an executor: runs a partition's one trial. */
    private static final class RunTrial extends AbstractFunction1<Iterator<Task>, Outcome> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<SweepTrials<?, ?, ?>> trials;

        RunTrial(Broadcast<SweepTrials<?, ?, ?>> trials) {
            this.trials = trials;
        }

        @Override
        public Outcome apply(Iterator<Task> partition) {
            Task t = partition.next();
            try {
                return new Outcome(t, trials.value().run(t.point(), t.set(), t.index()));
            } catch (IOException e) {
                throw new UncheckedIOException("trial " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /** On the driver, as each task's result arrives (Spark calls it from one thread at a time): records it. */
    private static final class Record extends AbstractFunction2<Object, Outcome, BoxedUnit> {
        private final List<List<TrialJournal>> journals;
        private final ProgressBar bar;
        private int finished;

        Record(List<List<TrialJournal>> journals, ProgressBar bar, int resumed) {
            this.journals = journals;
            this.bar = bar;
            this.finished = resumed;
        }

        @Override
        public BoxedUnit apply(Object partition, Outcome outcome) {
            Task t = outcome.task();
            journals.get(t.point()).get(t.set()).append(t.index(), outcome.json());
            finished++;
            if (bar != null) {
                bar.update(finished);
            }
            return BoxedUnit.UNIT;
        }
    }
}
