package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;

/**
 * {@code attention --queries-npy ...}: what numpy, PyTorch and JAX save is accepted (float32, integers); a missing
 * file, a file that is not .npy, an .npz and a 3-D array are one clean error naming the file, exit 2, no output.
 */
class AttentionNpyInputTest {
    private static final double[][] KEYS = {{1, 0, 0, 0}, {0, 0, 1, 1}};
    private static final double[][] VALUES = {{1, 0, 0}, {0, 0, 1}};
    private static final double[][] QUERIES = {{1, 0, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 0}};

    @TempDir
    Path dir;

    private CliRun attention(Path queries, Path out) throws IOException {
        Path k = dir.resolve("k.npy");
        Path v = dir.resolve("v.npy");
        Npy.write(k, NpyArray.of(KEYS));
        Npy.write(v, NpyArray.of(VALUES));
        return run("attention", "--queries-npy", queries.toString(), "--keys-npy", k.toString(), "--values-npy",
                v.toString(), "--threads", "1", "--out", out.toString());
    }

    @Test
    void float32AndIntegerQueriesGiveTheFloat64Results() throws IOException {
        Path f8 = dir.resolve("q.npy");
        Npy.write(f8, NpyArray.of(QUERIES));
        CliRun reference = attention(f8, dir.resolve("f8"));
        assertThat(reference.exit()).as(reference.err()).isZero();
        ByteBuffer floats = ByteBuffer.allocate(4 * 12).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer ints = ByteBuffer.allocate(4 * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : QUERIES) {
            for (double x : row) {
                floats.putFloat((float) x);
                ints.putInt((int) x);
            }
        }
        for (String descr : new String[] {"<f4", "<i4"}) {
            Path q = Files.write(dir.resolve(descr.substring(1) + ".npy"),
                    npy(descr, "(3, 4)", (descr.equals("<f4") ? floats : ints).array()));
            Path out = dir.resolve("out-" + descr.substring(1));
            CliRun r = attention(q, out);
            assertThat(r.exit()).as(descr + ": " + r.err()).isZero();
            assertThat(Npy.read(out.resolve("scores.npy"))).isEqualTo(Npy.read(dir.resolve("f8/scores.npy")));
            assertThat(Npy.read(out.resolve("outputs.npy"))).isEqualTo(Npy.read(dir.resolve("f8/outputs.npy")));
        }
    }

    @Test
    void badFilesAreOneLineNamingTheFileAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("missing.npy");
        assertError(attention(missing, out), missing + " (queries): no such file");
        Path text = Files.writeString(dir.resolve("q.csv"), "1,0,0,0\n");
        assertError(attention(text, out), text + " (queries): not a .npy file (it does not start with \\x93NUMPY)");
        Path npz = dir.resolve("qkv.npz");
        Npz.write(npz, Map.of("q", NpyArray.of(QUERIES)));
        assertError(attention(npz, out), npz + " (queries): a .npz archive (numpy.savez), not a .npy file; save the"
                + " one array with numpy.save");
        Path cube = Files.write(dir.resolve("cube.npy"), npy("<f8", "(1, 3, 4)", new byte[8 * 12]));
        assertError(attention(cube, out), cube + " (queries): field 'shape' is (1, 3, 4): only 1-D and 2-D arrays"
                + " are supported");
        assertThat(out).doesNotExist();
    }

    private static void assertError(CliRun r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("spineformer: " + message);
    }

    /** A .npy version 1.0 file as numpy.save writes it (header padded to 64 bytes). */
    private static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }
}
