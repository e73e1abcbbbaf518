package org.spineformer.nmodl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of published mod files given with {@code -Dspineformer.modDirs=DIR1:DIR2...} (not committed: they
 * are others' code; docs/dev/nmodl.md says how to fetch them). Without the property the tests that use them report
 * themselves skipped.
 */
final class ModDirs {
    static final String PROPERTY = "spineformer.modDirs";

    private ModDirs() {
    }

    /** Every .mod file of the given folders, sorted; skips the calling test when the property is not set. */
    static List<Path> modFiles() {
        String dirs = System.getProperty(PROPERTY, "");
        assumeTrue(!dirs.isBlank(), "skipped: no -D" + PROPERTY + "=DIR1:DIR2... given (see docs/dev/nmodl.md)");
        return Arrays.stream(dirs.split(":")).map(Path::of).flatMap(ModDirs::modFilesIn).sorted().toList();
    }

    private static Stream<Path> modFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("-D" + PROPERTY + ": " + dir + " is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mod")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
