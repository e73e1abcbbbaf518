package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.experiments.trial.TrialRunner;
import picocli.CommandLine.Command;

/**
 * What reaches the user when a run fails inside a trial (reproduce, sweep, attention --backend biophysical all let
 * the runner's TrialFailedException reach Main) or through a bug: one line in the user's words, never a Java class
 * name or a stack trace.
 */
class FailureReportTest {
    /** A passive soma driven by an electrode whose current overflows the first step: a real engine blow-up. */
    private static Simulation blowingUp() {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover());
        b.insert("pas", soma, Map.of());
        b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 1.0, "dur", 1e9, "amp", Double.MAX_VALUE));
        return b.build(0.025, 37);
    }

    /** Trials whose simulation blows up on another thread, as a cell run inside a trial may. */
    @Command(name = "blowup")
    static final class BlowUp implements Callable<Integer> {
        @Override
        public Integer call() {
            TrialRunner.inMemory(1).run("blowup", Map.of("window", 1.0), 3, 2, (index, random, progress) ->
                    CompletableFuture.supplyAsync(() -> {
                        Simulation sim = blowingUp();
                        sim.initialize(-65);
                        sim.run(20);
                        return 0.0;
                    }).join(), Double.class);
            return 0;
        }
    }

    /** A bug: an exception without a message, wrapped the way reflection wraps it. */
    @Command(name = "bug")
    static final class Bug implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException(new NullPointerException());
        }
    }

    /** A file that vanished under the run, reported the way java.nio reports it: the bare path. */
    @Command(name = "vanished")
    static final class Vanished implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            throw new NoSuchFileException("/data/run/trials.csv");
        }
    }

    /** The same wrapped as a stream or a lambda must wrap it. */
    @Command(name = "vanished-unchecked")
    static final class VanishedUnchecked implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UncheckedIOException(new AccessDeniedException("/data/run"));
        }
    }

    private static void assertOneCleanReport(CliRun r) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("org.spineformer").doesNotContain("java.").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aBlowUpInsideATrialIsReportedInTheUsersWordsWithTheWayToResume() {
        CliRun r = CliRun.runWith(new BlowUp(), "blowup");
        assertOneCleanReport(r);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).startsWith("spineformer: trial 0 failed: the simulation blew up: v = ")
                .contains(" at soma(0.5) by t = ").contains(Main.RESUME);
    }

    @Test
    void aFileSystemRefusalNamesThePathAndTheReason() {
        CliRun r = CliRun.runWith(new Vanished(), "vanished");
        assertOneCleanReport(r);
        assertThat(r.err()).isEqualTo("spineformer: /data/run/trials.csv: no such file or folder\n");
        CliRun u = CliRun.runWith(new VanishedUnchecked(), "vanished-unchecked");
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err()).isEqualTo("spineformer: /data/run: permission denied\n");
    }

    @Test
    void aBugIsOneLineWithoutAStackTrace() {
        CliRun r = CliRun.runWith(new Bug(), "bug");
        assertOneCleanReport(r);
        assertThat(r.err()).isEqualTo("spineformer: internal error: no description; please report it with the command"
                + " line (SPINEFORMER_DEBUG=1 prints the details)\n");
    }
}
