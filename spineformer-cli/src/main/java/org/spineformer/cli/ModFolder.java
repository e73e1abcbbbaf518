package org.spineformer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.spineformer.nmodl.NmodlCheck;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The {@code .mod} files of one folder ({@code --mod DIR}), compiled. */
final class ModFolder {
    private ModFolder() {
    }

    /**
     * Compiles every {@code .mod} file of {@code dir} (in name order) into {@code compiled}; each file that does not
     * compile is named on {@code err} with its reasons, then a count. Returns whether all compiled.
     */
    static boolean compile(Path dir, List<NmodlMechanism> compiled, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--mod " + dir + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".mod")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("--mod " + dir + ": cannot list the folder", e);
        }
        List<Path> failed = new ArrayList<>();
        for (Path f : files) {
            List<Diagnostic> problems = NmodlCheck.check(f);
            if (problems.isEmpty()) {
                try {
                    compiled.add(NmodlMechanism.compile(f));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            } else {
                failed.add(f);
                problems.forEach(err::println);
            }
        }
        if (!failed.isEmpty()) {
            err.printf("%d of %d mod files in %s do not compile%n", failed.size(), files.size(), dir);
        }
        err.flush();
        return failed.isEmpty();
    }
}
