package org.spineformer.model.neuron;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A live NEURON 8.2, driven from the validation tests that compare an exported script's cell or run with ours
 * (spineformer-model's and, through this module's test jar, spineformer-cell's): the Python that imports
 * {@code neuron}, nrnivmodl, and any command with its output. Where NEURON or nrnivmodl is missing, the test is
 * skipped (a JUnit assumption), not failed.
 */
public final class NeuronProcess {
    /** Where Python with NEURON may be: the PATH's python3, or Debian's (python3-neuron) if that one lacks it. */
    private static final String[] PYTHONS = {"python3", "/usr/bin/python3"};
    /** Longer than nrnivmodl on a mechanism set or NEURON on a whole cell take on a 2-core machine (a few minutes). */
    private static final long TIMEOUT_S = 600;
    /**
     * Passed to nrnivmodl as {@code -loadflags} when not blank (on Debian's NEURON 8.2.2:
     * {@code "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"}).
     */
    public static final String LOADFLAGS_PROPERTY = "spineformer.nrnivmodl.loadflags";

    /** A finished command: its exit code and its stdout and stderr together. */
    public record Result(int exit, String output) {
    }

    private NeuronProcess() {
    }

    /** The first Python that imports {@code neuron}; the calling test is skipped when none does. */
    public static String python() {
        for (String candidate : PYTHONS) {
            try {
                if (run(List.of(candidate, "-c", "import neuron"), Path.of(".")).exit() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        assumeTrue(false, "skipped: no python3 imports neuron (tried " + String.join(", ", PYTHONS) + ")");
        return null;
    }

    /** nrnivmodl run in {@code mod} on its .mod files; the calling test is skipped when there is no nrnivmodl. */
    public static Result nrnivmodl(Path mod) throws IOException {
        List<String> command = new ArrayList<>(List.of("nrnivmodl"));
        String loadflags = System.getProperty(LOADFLAGS_PROPERTY, "");
        if (!loadflags.isBlank()) {
            command.addAll(List.of("-loadflags", loadflags));
        }
        command.add(".");
        try {
            return run(command, mod);
        } catch (IOException e) {
            assumeTrue(false, "skipped: no nrnivmodl on the PATH");
            throw e;
        }
    }

    /** The mechanism library nrnivmodl built in {@code mod}; the calling test is skipped when it built none. */
    public static Path library(Path mod, Result built) {
        Path library = Stream.of(mod.resolve("x86_64/.libs/libnrnmech.so"), mod.resolve("x86_64/libnrnmech.so"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(library != null, "skipped: nrnivmodl built no libnrnmech.so: " + built.output());
        return library;
    }

    /** Runs {@code command} in {@code workDir} to its end (at most {@link #TIMEOUT_S}). */
    public static Result run(List<String> command, Path workDir) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile()).redirectErrorStream(true)
                .start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IOException(command + ": did not finish in " + TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), output);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command + ": interrupted", e);
        }
    }
}
