package org.spineformer.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .npy byte format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html) for our subset:
 * writes version 1.0 exactly as numpy.save does, reads versions 1.0 to 3.0 (they differ only in the header length
 * field and text encoding). Besides our own three dtypes it reads float32 (PyTorch's and JAX's default) and the
 * narrower integers, widened exactly to float64 and int64.
 */
final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the header with spaces so that the data starts at a multiple of 64 and can be memory-mapped. */
    private static final int ALIGN = 64;
    /** Elements are converted in chunks of this many bytes, bounding the extra memory for huge arrays. */
    private static final int CHUNK_BYTES = 1 << 16;

    private static final Field DESCR = new Field("descr", "['\"]([^'\"]*)['\"]");
    private static final Field FORTRAN_ORDER = new Field("fortran_order", "(True|False)");
    private static final Field SHAPE = new Field("shape", "\\(([^)]*)\\)");

    /** A dtype a file may hold, and the one of ours it is read as; every value converts exactly. */
    private enum Stored {
        F8("<f8", 8, NpyDtype.FLOAT64), F4("<f4", 4, NpyDtype.FLOAT64),
        I8("<i8", 8, NpyDtype.INT64), I4("<i4", 4, NpyDtype.INT64), I2("<i2", 2, NpyDtype.INT64),
        I1("|i1", 1, NpyDtype.INT64), U4("<u4", 4, NpyDtype.INT64), U2("<u2", 2, NpyDtype.INT64),
        U1("|u1", 1, NpyDtype.INT64), B1("|b1", 1, NpyDtype.BOOL);

        final String descr;
        final int itemSize;
        final NpyDtype readAs;

        Stored(String descr, int itemSize, NpyDtype readAs) {
            this.descr = descr;
            this.itemSize = itemSize;
            this.readAs = readAs;
        }

        static Stored of(String descr) {
            for (Stored s : values()) {
                if (s.descr.equals(descr)) {
                    return s;
                }
            }
            return null;
        }

        /** Element i of a little-endian buffer, as a double (float64) or a long (the integer types). */
        double doubleAt(ByteBuffer b, int i) {
            return this == F8 ? b.getDouble(i * 8) : b.getFloat(i * 4);
        }

        long longAt(ByteBuffer b, int i) {
            return switch (this) {
                case I8 -> b.getLong(i * 8);
                case I4 -> b.getInt(i * 4);
                case I2 -> b.getShort(i * 2);
                case I1 -> b.get(i);
                case U4 -> Integer.toUnsignedLong(b.getInt(i * 4));
                case U2 -> Short.toUnsignedInt(b.getShort(i * 2));
                case U1 -> Byte.toUnsignedInt(b.get(i));
                default -> throw new IllegalStateException(descr + " is not an integer type");
            };
        }
    }

    private NpyFormat() {
    }

    /** The bytes numpy.save writes before the data: magic, version 1.0, header length and the padded header. */
    static byte[] header(NpyArray array) {
        // numpy also pads the dict as if the first axis had 21 digits (room to grow in place); for 1-D and 2-D
        // shapes that never changes the padded length, which is always 128 bytes, so the bytes match without it.
        String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': "
                + NpyArray.shapeRepr(array.shape()) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = ALIGN - unpadded % ALIGN;
        int headerLength = dict.length() + padding + 1;
        ByteBuffer b = ByteBuffer.allocate(unpadded + padding).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        b.put((dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The length of the whole .npy file for this array. */
    static long fileSize(NpyArray array) {
        return header(array).length + (long) array.size() * array.dtype().itemSize();
    }

    static void write(NpyArray array, OutputStream out) throws IOException {
        out.write(header(array));
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int itemSize = array.dtype().itemSize();
        int perChunk = CHUNK_BYTES / itemSize;
        for (int from = 0; from < array.size(); from += perChunk) {
            int n = Math.min(perChunk, array.size() - from);
            switch (array.dtype()) {
                case FLOAT64 -> chunk.asDoubleBuffer().put((double[]) array.data(), from, n);
                case INT64 -> chunk.asLongBuffer().put((long[]) array.data(), from, n);
                case BOOL -> {
                    boolean[] values = (boolean[]) array.data();
                    for (int i = 0; i < n; i++) {
                        chunk.put(i, (byte) (values[from + i] ? 1 : 0));
                    }
                }
            }
            out.write(chunk.array(), 0, n * itemSize);
        }
    }

    /**
     * Reads one array from {@code in}, which must end where the data ends. {@code source} names the file in
     * error messages.
     */
    static NpyArray read(InputStream in, String source) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K') {
            throw new IOException(source + ": a .npz archive (numpy.savez), not a .npy file; save the one array with"
                    + " numpy.save");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + ": not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = in.read();
        int minor = in.read();
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(source + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        };
        ByteBuffer length = ByteBuffer.wrap(readExactly(in, lengthBytes, source, "header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(length.getShort()) : Integer.toUnsignedLong(length.getInt());
        if (headerLength > 1 << 20) {
            throw new IOException(source + ": header length " + headerLength + " is implausibly large");
        }
        String header = new String(readExactly(in, (int) headerLength, source, "header"),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Stored dtype = dtype(header, source);
        if (!FORTRAN_ORDER.in(header, source).equals("False")) {
            throw new IOException(source + ": field 'fortran_order' is True; only C-ordered arrays are supported"
                    + " (save numpy.ascontiguousarray(a) instead)");
        }
        int[] shape = shape(SHAPE.in(header, source), source);
        return NpyArray.wrap(dtype.readAs, shape, readData(in, dtype, shape, source));
    }

    private static Stored dtype(String header, String source) throws IOException {
        String descr = DESCR.in(header, source);
        Stored dtype = Stored.of(descr);
        if (dtype != null) {
            return dtype;
        }
        String why = descr.startsWith(">") ? "big-endian data is not supported" : "this dtype is not supported";
        throw new IOException(source + ": field 'descr' is '" + descr + "': " + why + "; float64, float32, the"
                + " integers up to int64 and uint32, and bool are (convert with a.astype('<f8'), for example)");
    }

    private static int[] shape(String tuple, String source) throws IOException {
        String[] parts = Arrays.stream(tuple.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length < 1 || parts.length > 2) {
            throw new IOException(source + ": field 'shape' is (" + tuple + "): only 1-D and 2-D arrays are supported");
        }
        int[] shape = new int[parts.length];
        long size = 1;
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": field 'shape' is (" + tuple + "): '" + parts[i]
                        + "' is not a length that fits a Java array");
            }
            if (shape[i] < 0) {
                throw new IOException(source + ": field 'shape' is (" + tuple + "): lengths cannot be negative");
            }
            size *= shape[i];
        }
        if (size > NpyArray.MAX_ELEMENTS) {
            throw new IOException(source + ": field 'shape' is (" + tuple + "): too many elements for one Java array");
        }
        return shape;
    }

    private static Object readData(InputStream in, Stored dtype, int[] shape, String source) throws IOException {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        Object data = switch (dtype.readAs) {
            case FLOAT64 -> new double[size];
            case INT64 -> new long[size];
            case BOOL -> new boolean[size];
        };
        int itemSize = dtype.itemSize;
        int perChunk = CHUNK_BYTES / itemSize;
        for (int from = 0; from < size; from += perChunk) {
            int n = Math.min(perChunk, size - from);
            ByteBuffer chunk = ByteBuffer.wrap(readExactly(in, n * itemSize, source, "data"))
                    .order(ByteOrder.LITTLE_ENDIAN);
            switch (dtype.readAs) {
                case FLOAT64 -> {
                    double[] values = (double[]) data;
                    for (int i = 0; i < n; i++) {
                        values[from + i] = dtype.doubleAt(chunk, i);
                    }
                }
                case INT64 -> {
                    long[] values = (long[]) data;
                    for (int i = 0; i < n; i++) {
                        values[from + i] = dtype.longAt(chunk, i);
                    }
                }
                case BOOL -> {
                    boolean[] values = (boolean[]) data;
                    for (int i = 0; i < n; i++) {
                        values[from + i] = chunk.get(i) != 0;
                    }
                }
            }
        }
        if (in.read() != -1) {
            throw new IOException(source + ": there are bytes after the data of shape " + NpyArray.shapeRepr(shape)
                    + "; the file is not a single .npy array");
        }
        return data;
    }

    private static byte[] readExactly(InputStream in, int n, String source, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException(source + ": the file ends inside the " + what + " (truncated?)");
        }
        return bytes;
    }

    /** One key of the header's Python dict literal, found by a pattern for its value. */
    private record Field(String key, Pattern pattern) {
        Field(String key, String valuePattern) {
            this(key, Pattern.compile("['\"]" + key + "['\"]\\s*:\\s*" + valuePattern));
        }

        String in(String header, String source) throws IOException {
            Matcher m = pattern.matcher(header);
            if (!m.find()) {
                throw new IOException(source + ": header " + header.strip() + " has no readable '" + key
                        + "' field (structured and object arrays are not supported)");
            }
            return m.group(1);
        }
    }
}
