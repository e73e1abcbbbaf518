package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.spineformer.nmodl.NmodlCheck;
import org.spineformer.nmodl.NrnivmodlOrder;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The {@code .mod} files of one folder ({@code --mod DIR}), compiled. */
final class ModFolder {
    /** The name a mod file gives its mechanism in its NEURON block. */
    private static final Pattern NAME = Pattern.compile("\\b(?:SUFFIX|POINT_PROCESS|ARTIFICIAL_CELL)\\s+(\\w+)");

    private ModFolder() {
    }

    /**
     * A mod file that does not compile: the mechanism it declares (null when no NEURON block names one) and why.
     */
    record Failure(Path file, String mechanism, List<Diagnostic> problems) {
    }

    /**
     * Compiles every {@code .mod} file of {@code dir} (in nrnivmodl's order, {@link NrnivmodlOrder}, which is their
     * order among NEURON's mechanism types) into {@code compiled}; the checker's notes
     * (what it recognized, e.g. a VERBATIM {@code return 0;} left out) and each file that does not compile, with its
     * reasons, then a count, are written to {@code err}. Returns whether all compiled.
     */
    static boolean compile(Path dir, List<NmodlMechanism> compiled, PrintWriter err) {
        Map<Path, NmodlMechanism> files = new LinkedHashMap<>();
        List<Diagnostic> notes = new ArrayList<>();
        List<Failure> failed = compileEach(dir, files, notes);
        compiled.addAll(files.values());
        notes.forEach(err::println);
        report(failed, dir, err);
        return failed.isEmpty();
    }

    /**
     * Compiles every {@code .mod} file of {@code dir} (in nrnivmodl's order) that passes the checks into {@code files}
     * (file to mechanism), each given the FUNCTION_TABLE values of its {@code NAME.tables.json} when there is one
     * ({@link ModTables}), adding the checker's notes on every file to {@code notes}; returns the files that do not
     * compile.
     */
    static List<Failure> compileEach(Path dir, Map<Path, NmodlMechanism> files, List<Diagnostic> notes) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--mod " + dir + ": not a folder");
        }
        List<Path> mods;
        try (Stream<Path> list = Files.list(dir)) {
            mods = list.filter(f -> f.getFileName().toString().endsWith(".mod")).sorted(NrnivmodlOrder.FILES).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("--mod " + dir + ": cannot list the folder", e);
        }
        List<Failure> failed = new ArrayList<>();
        for (Path f : mods) {
            NmodlCheck.Report report = NmodlCheck.report(f);
            List<Diagnostic> problems = report.problems();
            notes.addAll(report.notes());
            try {
                if (problems.isEmpty()) {
                    NmodlMechanism m = NmodlMechanism.compile(f);
                    Path tables = ModTables.beside(f);
                    if (Files.isRegularFile(tables)) {
                        ModTables.apply(tables, m);
                    }
                    files.put(f, m);
                } else {
                    Matcher name = NAME.matcher(Files.readString(f));
                    failed.add(new Failure(f, name.find() ? name.group(1) : null, problems));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return failed;
    }

    /** Names each failed file with its reasons on {@code err}, then how many of the folder's files failed. */
    static void report(List<Failure> failed, Path dir, PrintWriter err) {
        for (Failure f : failed) {
            f.problems().forEach(err::println);
        }
        if (!failed.isEmpty()) {
            err.printf("%d of %d mod files in %s do not compile%n", failed.size(), count(dir), dir);
        }
        err.flush();
    }

    private static long count(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".mod")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("--mod " + dir + ": cannot list the folder", e);
        }
    }
}
