package org.spineformer.morphology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a reconstructed morphology as NEURON 8.2's Import3d does: SWC ({@code .swc}) as {@code Import3d_SWC_read},
 * Neurolucida v3 text ({@code .asc}) as {@code Import3d_Neurolucida3}, both instantiated as
 * {@code Import3d_GUI.instantiate}; a hoc file ({@code .hoc}) that creates the sections and adds their 3-D points
 * as NEURON runs it ({@link HocMorphologyReader}). Every problem in the file is reported as a {@link MorphologyFileException}
 * naming the file, line and value before anything is built.
 */
public final class MorphologyReader {
    private MorphologyReader() {
    }

    /** Reads the file, choosing the format by its extension (.swc, .asc, or hoc code: .hoc, .cll, .nrn; any case), as NEURON imports it into hoc. */
    public static ImportedMorphology read(Path path) {
        return read(path, ImportTarget.HOC);
    }

    /** Reads the file as NEURON imports it into the given kind of target (a hoc file is run the same for both). */
    public static ImportedMorphology read(Path path, ImportTarget target) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> lines = lines(path);
        String file = path.toString();
        if (name.endsWith(".swc")) {
            return SwcReader.read(file, lines, target);
        }
        if (name.endsWith(".asc")) {
            return AscReader.read(file, String.join("\n", lines), target);
        }
        if (isHoc(name)) {
            // lines end in LF, CRLF or (old Mac files) CR alone
            return HocMorphologyReader.read(file, String.join("\n", lines));
        }
        throw new MorphologyFileException(file, 0, "unknown morphology format: the name must end in .swc, .asc, "
                + ".hoc, .cll or .nrn");
    }

    /**
     * Runs hoc files one after the other, as a model's {@code xopen} of each in turn: a cell whose sections are
     * made by several files (Golding et al. 2001's dendrites, then an axon attached to their soma). Each must be hoc
     * code (.hoc, .cll or .nrn).
     */
    public static ImportedMorphology readHoc(List<Path> paths) {
        List<HocMorphologyReader.HocFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (!isHoc(p.getFileName().toString())) {
                throw new MorphologyFileException(p.toString(), 0, "a cell made by several files takes hoc code "
                        + "only: the name must end in .hoc, .cll or .nrn");
            }
            files.add(new HocMorphologyReader.HocFile(p.toString(), String.join("\n", lines(p))));
        }
        return HocMorphologyReader.read(files);
    }

    /** Whether the file is hoc code by its name: .hoc, .cll (Larkum et al. 2009's cell), .nrn (Golding et al. 2001's), any case. */
    public static boolean isHoc(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".hoc") || n.endsWith(".cll") || n.endsWith(".nrn");
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // its message is the file system's, with the path
        }
    }
}
