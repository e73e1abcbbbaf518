package org.spineformer.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    /*
     * Expected files, made once with numpy 2.4.6 (python3):
     *   import numpy as np, io
     *   def npy(a): b = io.BytesIO(); np.save(b, a); return b.getvalue().hex()
     *   npy(np.array([[1.5, -2.0, np.nan], [0.0, 1e-300, np.inf]]))
     *   npy(np.array([1, -2, 3000000000], dtype='<i8'))
     *   npy(np.array([[True, False], [False, True]]))
     *   npy(np.zeros(0))
     */
    private static final String NUMPY_F8_2X3 =
            "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a000000000000f83f00000000000000c0"
            + "000000000000f87f000000000000000059f3f8c21f6ea501000000000000f07f";
    private static final String NUMPY_I8_3 =
            "934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0100000000000000feffffffffffffff"
            + "005ed0b200000000";
    private static final String NUMPY_B1_2X2 =
            "934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a01000001";
    /*
     *   npy(np.array([[1.5, -2.0], [0.25, 3e38]], dtype='<f4'))
     *   npy(np.array([1, -2, 70000], dtype='<i4'))
     *   npy(np.array([255, 0], dtype='|u1'))
     */
    private static final String NUMPY_F4_2X2 =
            "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0000c03f000000c00000803ee6b1617f";
    private static final String NUMPY_I4_3 =
            "934e554d5059010076007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a01000000feffffff70110100";
    private static final String NUMPY_U1_2 =
            "934e554d5059010076007b276465736372273a20277c7531272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200aff00";
    private static final String NUMPY_F8_EMPTY =
            "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028302c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a";

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheBytesNumpySaveWrites() throws IOException {
        assertThat(bytesOf(NpyArray.of(new double[][] {{1.5, -2.0, Double.NaN}, {0.0, 1e-300,
                Double.POSITIVE_INFINITY}}))).isEqualTo(hex(NUMPY_F8_2X3));
        assertThat(bytesOf(NpyArray.of(new long[] {1, -2, 3_000_000_000L}))).isEqualTo(hex(NUMPY_I8_3));
        assertThat(bytesOf(NpyArray.of(new boolean[][] {{true, false}, {false, true}}))).isEqualTo(hex(NUMPY_B1_2X2));
        assertThat(bytesOf(NpyArray.of(new double[0]))).isEqualTo(hex(NUMPY_F8_EMPTY));
    }

    @Test
    void theHeaderIsAlways128BytesLongForOneAndTwoDimensions() {
        int max = Integer.MAX_VALUE;
        for (int[] shape : new int[][] {{0}, {7}, {max}, {0, 0}, {10, 3}, {max, max}}) {
            byte[] header = NpyFormat.header(NpyArray.wrap(NpyDtype.FLOAT64, shape, new double[0]));
            assertThat(header.length).as(NpyArray.shapeRepr(shape)).isEqualTo(128);
            assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
            assertThat(ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()).isEqualTo((short) 118);
        }
    }

    @Test
    void readsWhatNumpyWrote() throws IOException {
        NpyArray f = Npy.read(file("f.npy", hex(NUMPY_F8_2X3)));
        assertThat(f.shape()).containsExactly(2, 3);
        assertRows(f.doubleMatrix(), new double[][] {{1.5, -2.0, Double.NaN}, {0.0, 1e-300, Double.POSITIVE_INFINITY}});
        assertThat(Npy.read(file("i.npy", hex(NUMPY_I8_3))).longs()).containsExactly(1, -2, 3_000_000_000L);
        assertThat(Npy.read(file("b.npy", hex(NUMPY_B1_2X2))).booleanMatrix())
                .isDeepEqualTo(new boolean[][] {{true, false}, {false, true}});
        assertThat(Npy.read(file("e.npy", hex(NUMPY_F8_EMPTY))).shape()).containsExactly(0);
    }

    @Test
    void roundTripsEveryDtypeIn1dAnd2d() throws IOException {
        double[][] m = new double[300][50];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = Math.sin(r * 50 + c) * Math.pow(10, r % 40 - 20);
            }
        }
        m[7][3] = -0.0;
        m[8][4] = Double.NaN;
        m[9][5] = Double.NEGATIVE_INFINITY;
        m[10][6] = Double.MIN_VALUE;
        long[] big = new long[20_000]; // several conversion chunks
        for (int i = 0; i < big.length; i++) {
            big[i] = (long) i * i * i - Long.MAX_VALUE / 3;
        }
        boolean[] flags = new boolean[100_001];
        for (int i = 0; i < flags.length; i += 3) {
            flags[i] = true;
        }
        NpyArray[] arrays = {NpyArray.of(m), NpyArray.of(m[0]), NpyArray.of(big), NpyArray.of(new int[] {-1, 2}),
                NpyArray.of(new long[][] {{1, 2, 3}, {4, 5, 6}}), NpyArray.of(flags),
                NpyArray.of(new boolean[][] {{true}, {false}}), NpyArray.of(new double[0][])};
        for (int i = 0; i < arrays.length; i++) {
            Path file = dir.resolve("a" + i + ".npy");
            Npy.write(file, arrays[i]);
            assertThat(Npy.read(file)).as(arrays[i].toString()).isEqualTo(arrays[i]);
        }
        assertRows(Npy.read(dir.resolve("a0.npy")).doubleMatrix(), m);
        assertThat(Double.doubleToRawLongBits(Npy.read(dir.resolve("a0.npy")).doubleMatrix()[7][3]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void rejectsRaggedArraysClearly() {
        assertThatThrownBy(() -> NpyArray.of(new double[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged").hasMessageContaining("row 2 has 1 elements but row 0 has 2");
        assertThatThrownBy(() -> NpyArray.of(new long[][] {{1}, null})).hasMessageContaining("row 1");
    }

    @Test
    void accessorsCheckDtypeAndRankAndReturnCopies() {
        NpyArray a = NpyArray.of(new double[] {1, 2});
        assertThatThrownBy(a::longs).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'<f8', not '<i8'");
        assertThatThrownBy(a::doubleMatrix).hasMessageContaining("shape (2,), not 2-D");
        a.doubles()[0] = 99;
        assertThat(a.doubles()).containsExactly(1, 2);
    }

    @Test
    void rejectsBigEndianNamingFileAndField() throws IOException {
        Path file = file("q.npy", npy("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", 8));
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": field 'descr' is '>f8'").hasMessageContaining("big-endian");
    }

    @Test
    void rejectsOtherDtypes() throws IOException {
        Path file = file("k.npy", npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }", 32));
        assertThatThrownBy(() -> Npy.read(file)).hasMessageStartingWith(file + ": field 'descr' is '<c16'")
                .hasMessageContaining("astype");
    }

    @Test
    void readsFloat32AndNarrowIntegersWidenedExactly() throws IOException {
        NpyArray f4 = Npy.read(file("f4.npy", hex(NUMPY_F4_2X2)));
        assertThat(f4.dtype()).isEqualTo(NpyDtype.FLOAT64);
        assertRows(f4.doubleMatrix(), new double[][] {{1.5, -2.0}, {0.25, (double) 3e38f}});
        NpyArray i4 = Npy.read(file("i4.npy", hex(NUMPY_I4_3)));
        assertThat(i4.dtype()).isEqualTo(NpyDtype.INT64);
        assertThat(i4.longs()).containsExactly(1, -2, 70000);
        assertThat(Npy.read(file("u1.npy", hex(NUMPY_U1_2))).longs()).containsExactly(255, 0);
    }

    @Test
    void anNpzArchiveIsNamedAsSuch() throws IOException {
        Path npz = dir.resolve("qkv.npz");
        Npz.write(npz, java.util.Map.of("q", NpyArray.of(new double[] {1})));
        assertThatThrownBy(() -> Npy.read(npz)).hasMessage(npz + ": a .npz archive (numpy.savez), not a .npy file;"
                + " save the one array with numpy.save");
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        Path file = file("v.npy", npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", 32));
        assertThatThrownBy(() -> Npy.read(file)).hasMessageStartingWith(file + ": field 'fortran_order' is True");
    }

    @Test
    void rejectsOtherRanks() throws IOException {
        Path cube = file("cube.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", 8));
        assertThatThrownBy(() -> Npy.read(cube)).hasMessageStartingWith(cube + ": field 'shape' is (1, 1, 1)");
        Path scalar = file("scalar.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8));
        assertThatThrownBy(() -> Npy.read(scalar)).hasMessageContaining("only 1-D and 2-D");
    }

    @Test
    void rejectsTruncatedAndOverlongDataAndOtherFiles() throws IOException {
        Path shortFile = file("short.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", 16));
        assertThatThrownBy(() -> Npy.read(shortFile)).hasMessage(shortFile + ": the file ends inside the data (truncated?)");
        Path longFile = file("long.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", 16));
        assertThatThrownBy(() -> Npy.read(longFile)).hasMessageContaining("bytes after the data");
        Path text = file("text.npy", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Npy.read(text)).hasMessageContaining("not a .npy file");
        Path structured = file("s.npy", npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", 8));
        assertThatThrownBy(() -> Npy.read(structured)).hasMessageContaining("no readable 'descr' field");
    }

    /** Row by row, since AssertJ's deep equality of double[][] has NaN differ from NaN. */
    private static void assertRows(double[][] actual, double[][] expected) {
        assertThat(actual).hasSameDimensionsAs(expected);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual[r]).as("row %d", r).containsExactly(expected[r]);
        }
    }

    /** A version 1.0 file with this header dict and this many zero data bytes. */
    private static byte[] npy(String dict, int dataBytes) {
        String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(hex("934e554d50590100")).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] bytesOf(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFormat.write(array, out);
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
