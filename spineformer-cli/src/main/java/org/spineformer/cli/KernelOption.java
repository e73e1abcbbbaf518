package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spineformer.attention.reduced.ScoreKernel;
import picocli.CommandLine.Option;

/**
 * {@code --kernel PATH}: the score kernel of Figure 2C-D that the reduced scores use, from a fig2cd output folder or
 * its kernel.csv, or the bundled fit (a picocli mixin of the attention commands).
 */
final class KernelOption {
    /** The file a fig2cd output folder holds the kernel in. */
    private static final String FILE = "kernel.csv";

    @Option(names = "--kernel", paramLabel = "PATH",
            description = "The score kernel: a fig2cd output folder (or its kernel.csv); default: the bundled fit.")
    private Path path;

    boolean given() {
        return path != null;
    }

    /** The kernel file given: PATH, or PATH/kernel.csv for a folder; null without --kernel. */
    Path file() {
        return path == null ? null : Files.isDirectory(path) ? path.resolve(FILE) : path;
    }

    /** Refuses a --kernel that holds no kernel file, in the option's name, before any work. */
    void check() {
        if (path != null && !Files.isRegularFile(file())) {
            throw new IllegalArgumentException("--kernel " + path + ": no " + FILE + " there (run 'spineformer"
                    + " reproduce fig2cd' first)");
        }
    }

    /** The kernel given, or the bundled fit. */
    ScoreKernel read() throws IOException {
        return path == null ? ScoreKernel.fitted() : ScoreKernel.read(path);
    }
}
