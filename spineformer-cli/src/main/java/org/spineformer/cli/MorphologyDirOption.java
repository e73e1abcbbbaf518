package org.spineformer.cli;

import java.nio.file.Path;
import java.util.Map;
import org.spineformer.cell.CellModel;
import picocli.CommandLine.Option;

/**
 * {@code --morphology-dir DIR}, as every command that runs the paper's experiments on a {@code --model} cell takes it
 * (a picocli mixin of reproduce, sweep, attention and replay): where a bundled description's morphology file is.
 */
final class MorphologyDirOption {
    /** The settings' name of the morphology file's SHA-256, as a refused rerun names it. */
    static final String SETTING = "--model's morphology file";

    @Option(names = "--morphology-dir", paramLabel = "DIR",
            description = "Where a bundled --model description's morphology file is (default: the current directory)."
                    + " A description file's morphology path is relative to the description file.")
    private Path directory;

    /**
     * The cell {@code --model} names (null: the paper's), its bundled description's morphology file read from
     * {@code --morphology-dir}; loaded and checked before any work, a missing morphology file named.
     *
     * @throws IllegalArgumentException for {@code --morphology-dir} without {@code --model}, or a cell that does not
     *                                  load
     */
    CellModel load(String model) {
        if (model == null) {
            if (directory != null) {
                throw new IllegalArgumentException("--morphology-dir " + directory + " is where a --model description"
                        + " reads its morphology file; the paper's cell reads none (give --model, or leave the option"
                        + " out)");
            }
            return CellModel.paper();
        }
        return CellModel.load(model, directory == null ? Path.of("") : directory);
    }

    /**
     * Adds the SHA-256 of the morphology file a {@code --model} cell read (if it reads one) to the settings a rerun
     * into the same folder must match ({@code OutputFolder}): the same description on another morphology file is
     * another run.
     */
    static void record(CellModel cell, Map<String, String> settings) {
        if (cell.morphologySha256() != null) {
            settings.put(SETTING, "sha256 " + cell.morphologySha256());
        }
    }
}
