package org.spineformer.io.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spineformer.io.AtomicFiles;

/** Single-array .npy files, as numpy.save writes and numpy.load reads them. */
public final class Npy {
    private Npy() {
    }

    /** Writes {@code array} to {@code path} (format version 1.0), whole or not at all. */
    public static void write(Path path, NpyArray array) throws IOException {
        AtomicFiles.write(path, out -> NpyFormat.write(array, out));
    }

    /**
     * Reads a little-endian, C-ordered, 1-D or 2-D float64, int64 or bool array (float32 read as float64, the
     * narrower integers as int64, exactly); anything else is rejected with an IOException naming the file and the
     * header field at fault.
     */
    public static NpyArray read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return NpyFormat.read(in, path.toString());
        }
    }
}
