package org.spineformer.nmodl.compare;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spineformer.nmodl.parse.IncludePath;

/**
 * The NEURON installation {@code nmodl compare} runs: a Python that imports {@code neuron} and nrnivmodl on the
 * PATH, checked before any work ({@link #find}).
 */
public final class LiveNeuron {
    /** Longer than nrnivmodl of a folder of a hundred files takes on a loaded 2-core machine (a few minutes). */
    private static final long NRNIVMODL_TIMEOUT_S = 1800;
    /** Longer than one mechanism's twelve runs of 100 ms take, even of a large KINETIC scheme. */
    private static final long SCRIPT_TIMEOUT_S = 1800;
    /** Where NEURON's Python looks for mechanism libraries to load at {@code import neuron}, besides x86_64/. */
    static final String NRN_NMODL_PATH = "NRN_NMODL_PATH";

    private final String python;
    private final Path nrnivmodl;
    private final String loadflags;

    /** A finished command: its exit code and its stdout and stderr together. */
    public record Result(int exit, String output) {
    }

    /** {@code python} run as NEURON's Python, {@code nrnivmodl} given {@code -loadflags loadflags} when not blank. */
    LiveNeuron(String python, Path nrnivmodl, String loadflags) {
        this.python = python;
        this.nrnivmodl = nrnivmodl;
        this.loadflags = loadflags;
    }

    /**
     * The installation of {@code python} (a command or path) and the PATH's nrnivmodl, given {@code -loadflags
     * loadflags} when not blank; an {@link IllegalArgumentException} (bad input: the command names it before any
     * work) saying what is missing when {@code python} cannot import {@code neuron} or no nrnivmodl is on the PATH.
     */
    public static LiveNeuron find(String python, String loadflags) {
        Path nrnivmodl = onPath("nrnivmodl");
        if (nrnivmodl == null) {
            throw new IllegalArgumentException("NEURON is missing: no nrnivmodl on the PATH (" + System.getenv("PATH")
                    + ")");
        }
        Result imported;
        try {
            imported = runApart(List.of(python, "-c", "import neuron"), 120);
        } catch (IOException e) {
            throw new IllegalArgumentException("NEURON is missing: cannot run python '" + python + "' ("
                    + e.getMessage() + "); give NEURON's Python with --python", e);
        }
        if (imported.exit() != 0) {
            // one line, as every refusal: Python's last, its exception
            List<String> lines = imported.output().strip().lines().toList();
            throw new IllegalArgumentException("NEURON is missing: '" + python + "' cannot import neuron (give NEURON's"
                    + " Python with --python): " + (lines.isEmpty() ? "exit " + imported.exit()
                    : lines.get(lines.size() - 1)));
        }
        return new LiveNeuron(python, nrnivmodl, loadflags);
    }

    /** Whether {@code python} imports neuron and nrnivmodl is on the PATH. */
    public static boolean available(String python) {
        try {
            find(python, "");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * nrnivmodl run in {@code modDir} on its .mod files, copied there from {@code sourceDir}, whose INCLUDEd files
     * nocmodl finds as in {@code sourceDir} (that folder and its parent put first on {@code MODL_INCLUDE}); the
     * library it built ({@code x86_64/libnrnmech.so}, or under {@code .libs}: the final link of {@code special} may
     * fail without harm), or an {@link IOException} with the end of nrnivmodl's output when it built none.
     */
    public Path build(Path modDir, Path sourceDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(nrnivmodl.toString()));
        if (!loadflags.isBlank()) {
            command.addAll(List.of("-loadflags", loadflags));
        }
        command.add(".");
        Path source = sourceDir.toAbsolutePath().normalize();
        StringBuilder include = new StringBuilder(source.toString());
        if (source.getParent() != null) {
            include.append(File.pathSeparator).append(source.getParent());
        }
        String inherited = System.getenv(IncludePath.MODL_INCLUDE);
        if (inherited != null && !inherited.isEmpty()) {
            include.append(File.pathSeparator).append(inherited);
        }
        Result r = run(command, modDir, modDir.resolve("nrnivmodl.log"), NRNIVMODL_TIMEOUT_S,
                Map.of(IncludePath.MODL_INCLUDE, include.toString()));
        return Stream.of(modDir.resolve("x86_64/.libs/libnrnmech.so"), modDir.resolve("x86_64/libnrnmech.so"))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IOException("nrnivmodl built no libnrnmech.so in " + modDir + " (exit "
                        + r.exit() + "): " + tail(r.output())));
    }

    /**
     * The names of NEURON's own mechanisms (hh, pas, ExpSyn, NetStim ...: density mechanisms and point processes
     * before any library is loaded): a library that defines one of them again cannot be loaded ("The user defined
     * name already exists").
     */
    public Set<String> builtIns() throws IOException {
        Result r = runApart(List.of(python, "-c", """
                from neuron import h
                name = h.ref("")
                for kind in (0, 1):
                    types = h.MechanismType(kind)
                    for i in range(int(types.count())):
                        types.select(i)
                        types.selected(name)
                        print("mechanism:", name[0])
                """), SCRIPT_TIMEOUT_S);
        if (r.exit() != 0) {
            throw new IOException("NEURON's Python could not list NEURON's mechanisms: " + tail(r.output()));
        }
        return r.output().lines().filter(l -> l.startsWith("mechanism: "))
                .map(l -> l.substring("mechanism: ".length()).strip()).collect(Collectors.toSet());
    }

    /**
     * The Python script {@code script} run with NEURON's Python in {@code workDir}, its output kept in {@code
     * SCRIPT.log} beside it; an {@link IOException} when it cannot start or does not finish in time.
     */
    public Result runScript(Path script, Path workDir) throws IOException {
        Path log = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.py$", "") + ".log");
        return run(List.of(python, script.toString()), workDir, log, SCRIPT_TIMEOUT_S, Map.of());
    }

    /** The last lines of a command's output, for a message. */
    public static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * {@code command} run in a fresh empty folder, deleted after, without {@code NRN_NMODL_PATH}: {@code import
     * neuron} loads the mechanism library of the folder it runs in ({@code x86_64/}) and of NRN_NMODL_PATH, which
     * would make a user's own mechanisms look like NEURON's.
     */
    private static Result runApart(List<String> command, long timeoutS) throws IOException {
        Path apart = Files.createTempDirectory("spineformer-neuron");
        try {
            Map<String, String> environment = new HashMap<>();
            environment.put(NRN_NMODL_PATH, null);
            return run(command, apart, apart.resolve("output.log"), timeoutS, environment);
        } finally {
            Folders.delete(apart);
        }
    }

    /**
     * {@code command} run in {@code workDir}, its environment changed by {@code environment} (a null value removes
     * the variable), stdin closed, stdout and stderr into {@code log} (a pipe would stay open while any process it
     * started, a forked NEURON or a compiler, holds it: the wait would never time out); on a timeout or an
     * interrupt, it and every process it started are killed.
     */
    static Result run(List<String> command, Path workDir, Path log, long timeoutS, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process p = builder.start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                kill(p);
                throw new IOException(String.join(" ", command) + ": did not finish in " + timeoutS + " s");
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        return new Result(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }

    /** {@code p} and the processes it started (listed first: once it dies, they are no longer its descendants). */
    private static void kill(Process p) {
        List<ProcessHandle> started = p.descendants().toList();
        started.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
