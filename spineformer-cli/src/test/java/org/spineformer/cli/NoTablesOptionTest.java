package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --no-tables}: a compiled potassium gate whose cnexp step is read from a table of v by default
 * (docs/dev/nmodl.md, "Tables of rate functions of v") is computed exactly with the option; the two runs differ, by
 * no more than the tables' bound allows.
 */
class NoTablesOptionTest {
    /** A delayed-rectifier gate of this test's own, its rates functions of v only. */
    private static final String GATE = """
            NEURON { SUFFIX kgate USEION k READ ek WRITE ik RANGE gbar }
            PARAMETER { gbar = 0.02 (S/cm2) }
            ASSIGNED { v (mV) ek (mV) ik (mA/cm2) ninf ntau (ms) }
            STATE { n }
            BREAKPOINT { SOLVE states METHOD cnexp ik = gbar*n*n*n*n*(v - ek) }
            INITIAL { rates() n = ninf }
            DERIVATIVE states { rates() n' = (ninf - n)/ntau }
            PROCEDURE rates() {
                LOCAL a, b
                a = 0.01*(v + 55.3)/(1 - exp(-(v + 55.3)/10))
                b = 0.125*exp(-(v + 65)/80)
                ninf = a/(a + b)
                ntau = 1/(a + b)
            }
            """;
    /** save_every 1 at dt 0.025 over 20 ms. */
    private static final int ROWS = 801;
    /**
     * The tables' effect on v: the gate's F and X within 1e-10 of their size per step (VoltageTable) move the
     * membrane by far less than a microvolt over 20 ms, spikes included.
     */
    private static final double V_BOUND_MV = 1e-6;

    @TempDir
    Path dir;

    @Test
    void withNoTablesTheGatesAreComputedExactlyAndDifferWithinTheBound() throws IOException {
        Files.writeString(dir.resolve("cell.swc"), "1 1 0 0 0 10 -1\n");
        Path description = Files.writeString(dir.resolve("cell.json"), """
                {"format": "spineformer-cell-description/1", "name": "gatecell",
                 "morphology": {"file": "cell.swc"},
                 "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-4, "e": -65}},
                           {"region": "all", "mechanism": "kgate", "parameters": {"gbar": 0.02}}],
                 "celsius": 6.3, "v_init": -65}
                """);
        Path protocol = Files.writeString(dir.resolve("p.json"), """
                {"format": "spineformer-protocol/1", "tstop": 20, "save_every": 1,
                 "stimuli": [{"type": "IClamp", "at": {"section": "soma[0]", "x": 0.5}, "amp_nA": 0.5,
                              "delay_ms": 2, "dur_ms": 10}],
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}}]}
                """);
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Files.writeString(mods.resolve("kgate.mod"), GATE);
        double[] tables = soma(description, protocol, mods, dir.resolve("tables"));
        double[] exact = soma(description, protocol, mods, dir.resolve("exact"), "--no-tables");
        double largest = 0;
        for (int i = 0; i < ROWS; i++) {
            largest = Math.max(largest, Math.abs(tables[i] - exact[i]));
        }
        assertThat(largest).isGreaterThan(0).isLessThanOrEqualTo(V_BOUND_MV);
        assertThat(exact[ROWS / 2] - exact[0]).as("the current moves v").isGreaterThan(1);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(dir.resolve("tables/result.json").toFile()).get("rate_tables").asBoolean()).isTrue();
        assertThat(json.readTree(dir.resolve("exact/result.json").toFile()).get("rate_tables").asBoolean()).isFalse();
    }

    @Test
    void benchNeedsAModelForNoTables() {
        CliRun r = run("bench", "--no-tables");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-tables needs --model and --protocol");
    }

    private static double[] soma(Path description, Path protocol, Path mods, Path out, String... more)
            throws IOException {
        String[] args = {"simulate", description.toString(), "--protocol", protocol.toString(), "--mod",
            mods.toString(), "--out", out.toString(), "--quiet"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliRun r = run(all);
        assertThat(r.exit()).as(r.err()).isZero();
        try (ZipFile npz = new ZipFile(out.resolve("traces.npz").toFile())) {
            return readNpy(npz, "v:soma[0](0.5).npy");
        }
    }

    /** A 1-D little-endian float64 .npy entry (format 1.0). */
    private static double[] readNpy(ZipFile zip, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            bytes = in.readAllBytes();
        }
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = data.getDouble();
        }
        return values;
    }
}
