package org.spineformer.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    /*
     * Made once with numpy 2.4.6 (python3):
     *   b = io.BytesIO()
     *   np.savez_compressed(b, q=np.array([[1.0, 2.0], [3.0, 4.0]]), mask=np.array([True, False]))
     *   b.getvalue().hex()
     * numpy writes zip64 local headers, which this file checks we read.
     */
    private static final String NUMPY_SAVEZ_COMPRESSED =
            "504b03042d00000008000000210021358b69ffffffffffffffff05001400712e6e707901001000a00000000000000055"
            + "000000000000009bec17ea1b10c9c850c650ad9e925a9c5ca46ea5a06e9366a1aea3a09e965f54529498179f5f94920a"
            + "12774bcc294e058a17672416a402f91a463a0a469a3a0ab50a64032e0630f8600fa1191c2014079416700000504b0304"
            + "2d000000080000002100ee19bb5dffffffffffffffff080014006d61736b2e6e70790100100082000000000000004600"
            + "0000000000009bec17ea1b10c9c850c650ad9e925a9c5ca46ea5a05e9364a8aea3a09e965f54529498179f5f94920a12"
            + "774bcc294e058a17672416a402f91a463a9a3a0ab50a14002e460600504b01022d032d00000008000000210021358b69"
            + "55000000a0000000050000000000000000000000800100000000712e6e7079504b01022d032d000000080000002100ee"
            + "19bb5d460000008200000008000000000000000000000080018c0000006d61736b2e6e7079504b050600000000020002"
            + "00690000000c0100000000";

    @TempDir
    Path dir;

    @Test
    void roundTripsStoredAndCompressedInOrder() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("q", NpyArray.of(new double[][] {{1, 2, 3}, {4, 5, Double.NaN}}));
        arrays.put("k", NpyArray.of(new double[] {0.1, 0.2}));
        arrays.put("spikes", NpyArray.of(new long[] {3, 1, 4, 1, 5}));
        arrays.put("matched", NpyArray.of(new boolean[] {true, false}));
        Path stored = dir.resolve("stored.npz");
        Path deflated = dir.resolve("deflated.npz");
        Npz.write(stored, arrays);
        Npz.writeCompressed(deflated, arrays);

        assertThat(Npz.read(stored)).containsExactlyEntriesOf(arrays);
        assertThat(Npz.read(deflated)).containsExactlyEntriesOf(arrays);
        assertThat(methods(stored)).containsOnly(ZipEntry.STORED);
        assertThat(methods(deflated)).containsOnly(ZipEntry.DEFLATED);
        try (ZipFile zip = new ZipFile(stored.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactly("q.npy", "k.npy", "spikes.npy", "matched.npy");
        }
    }

    @Test
    void equalArraysGiveIdenticalFiles() throws IOException {
        Map<String, NpyArray> arrays = Map.of("x", NpyArray.of(new double[] {1, 2, 3}));
        Npz.writeCompressed(dir.resolve("a.npz"), arrays);
        Npz.writeCompressed(dir.resolve("b.npz"), arrays);
        assertThat(Files.readAllBytes(dir.resolve("a.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void readsWhatNumpySavezCompressedWrote() throws IOException {
        Path file = Files.write(dir.resolve("numpy.npz"), HexFormat.of().parseHex(NUMPY_SAVEZ_COMPRESSED));
        Map<String, NpyArray> arrays = Npz.read(file);
        assertThat(arrays.keySet()).containsExactly("q", "mask");
        assertThat(arrays.get("q").doubleMatrix()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(arrays.get("mask").booleans()).containsExactly(true, false);
    }

    @Test
    void namesTheEntryInErrors() throws IOException {
        Path file = dir.resolve("bad.npz");
        Npz.write(file, Map.of("v", NpyArray.of(new double[] {1})));
        // A same-length edit of the stored entry's header keeps every zip offset valid.
        String zip = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("'<f8'", "'>f8'");
        Files.write(file, zip.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " entry v.npy: field 'descr' is '>f8'");
    }

    private static List<Integer> methods(Path npz) throws IOException {
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getMethod).toList();
        }
    }
}
