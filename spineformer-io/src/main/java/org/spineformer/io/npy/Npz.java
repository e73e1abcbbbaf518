package org.spineformer.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.spineformer.io.AtomicFiles;

/** .npz archives: a zip of NAME.npy entries, as numpy.savez (stored) and numpy.savez_compressed (deflated) write. */
public final class Npz {
    private static final String SUFFIX = ".npy";
    /** numpy stamps every entry 1980-01-01 too; a fixed time makes equal arrays give byte-identical files. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Like numpy.savez: entries stored uncompressed, in the map's iteration order. */
    public static void write(Path path, Map<String, NpyArray> arrays) throws IOException {
        write(path, arrays, false);
    }

    /** Like numpy.savez_compressed: entries deflated, in the map's iteration order. */
    public static void writeCompressed(Path path, Map<String, NpyArray> arrays) throws IOException {
        write(path, arrays, true);
    }

    /** Reads every NAME.npy entry as the array NAME, in archive order; see {@link Npy#read} for what is accepted. */
    public static Map<String, NpyArray> read(Path path) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        // ZipFile rather than ZipInputStream: numpy writes zip64 local headers, which the central directory resolves.
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String source = path + " entry " + entry.getName();
                if (!entry.getName().endsWith(SUFFIX)) {
                    throw new IOException(source + ": not a .npy entry");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(entry.getName().substring(0, entry.getName().length() - SUFFIX.length()),
                            NpyFormat.read(in, source));
                }
            }
        }
        return arrays;
    }

    private static void write(Path path, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        if (arrays.containsKey("")) {
            throw new IllegalArgumentException("an .npz array needs a non-empty name");
        }
        AtomicFiles.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                entry.setTimeLocal(ENTRY_TIME);
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // A stored entry's size and CRC go in its header, before the data: one pass to compute them.
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(NpyFormat.fileSize(e.getValue()));
                    entry.setCompressedSize(entry.getSize());
                    entry.setCrc(crc(e.getValue()));
                }
                zip.putNextEntry(entry);
                NpyFormat.write(e.getValue(), zip);
                zip.closeEntry();
            }
            zip.close();
        });
    }

    private static long crc(NpyArray array) throws IOException {
        CRC32 crc = new CRC32();
        NpyFormat.write(array, new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
        return crc.getValue();
    }
}
