package org.spineformer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cli.Main;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;
import org.spineformer.experiments.trial.TrialJournal;
import picocli.CommandLine;

/**
 * Issue #8's acceptance: a small Figure 3B-E sweep (0.5 s window, 2 runs, jitter 0 and 1 ms) through the command
 * line, once with the local engine and once on Spark's {@code local[2]} master, gives identical per-trial results.
 * Identity is exact: every trial draws from the same (seed, index) stream and runs the same code, so no tolerance.
 */
@Tag("spark")
class SparkSweepAcceptanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> POINTS = List.of("jitterMs=0", "jitterMs=1");
    /** Per-trial and per-point keys that measure the machine, not the model. */
    private static final String WALL_TIME = "wallSeconds";

    @TempDir
    Path tmp;

    @Test
    void sparkAndLocalRunsOfTheSameSweepGiveIdenticalTrials() throws IOException {
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        for (Path dir : List.of(local, spark)) {
            syntheticDelays().write(mkdirs(dir).resolve(BapDelays.FILE));
        }
        String[] grid = {"--param", "matchWindowS=0.5", "--param", "runs=2", "--param", "jitterMs=0,1", "--quiet"};
        assertThat(sweep(local, grid)).isZero();
        assertThat(sweep(spark, concat(grid, "--engine", "spark", "--master", "local[2]"))).isZero();

        for (String point : POINTS) {
            Path l = local.resolve("matchWindowS=0.5/runs=2").resolve(point);
            Path s = spark.resolve("matchWindowS=0.5/runs=2").resolve(point);
            assertThat(trials(s)).hasSize(2).isEqualTo(trials(l));
            assertThat(Files.readString(s.resolve("trials.csv"))).isEqualTo(Files.readString(l.resolve("trials.csv")));
            assertThat(Files.readAllBytes(s.resolve("trials.npz"))).isEqualTo(Files.readAllBytes(l.resolve("trials.npz")));
            assertThat(Files.readString(s.resolve("roc.csv"))).isEqualTo(Files.readString(l.resolve("roc.csv")));
            assertThat(summary(s)).isEqualTo(summary(l));
            assertThat(s.resolve("fig3be_roc.png")).isRegularFile();
            assertThat(s.resolve(TrialsParquet.FILE)).isRegularFile();
        }
        assertParquetHoldsTheCsv(spark);
    }

    /** Every point's trials.parquet has trials.csv's columns and values; Spark reads the sweep as one table. */
    private static void assertParquetHoldsTheCsv(Path sweep) throws IOException {
        SparkSession session = SparkSession.builder().master("local[1]").appName("read back").getOrCreate();
        try {
            for (String point : POINTS) {
                Path dir = sweep.resolve("matchWindowS=0.5/runs=2").resolve(point);
                List<List<String>> csv = TrialsParquet.parse(dir.resolve("trials.csv"));
                Dataset<Row> table = session.read().parquet(dir.resolve(TrialsParquet.FILE).toString());
                assertThat(table.columns()).containsExactlyElementsOf(csv.get(0));
                List<Row> rows = table.collectAsList();
                assertThat(rows).hasSize(csv.size() - 1);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < csv.get(0).size(); c++) {
                        Object value = rows.get(r).get(c);
                        String cell = csv.get(r + 1).get(c);
                        if (value instanceof Long n) {
                            assertThat(n).isEqualTo(Long.parseLong(cell));
                        } else {
                            assertThat((Double) value).isEqualTo(Double.parseDouble(cell));
                        }
                    }
                }
            }
            Dataset<Row> all = session.read().option("pathGlobFilter", TrialsParquet.FILE).parquet(sweep.toString());
            assertThat(all.count()).isEqualTo(4);
            assertThat(all.columns()).contains("matchWindowS", "runs", "jitterMs", "matched_integral");
        } finally {
            session.stop();
        }
    }

    /** A point's recorded trials by index, without the simulation's wall time. */
    private static Map<Integer, JsonNode> trials(Path dir) throws IOException {
        Map<Integer, JsonNode> out = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(TrialJournal.TRIALS_FILE))) {
            JsonNode node = MAPPER.readTree(line);
            ((ObjectNode) node.get("result")).remove(WALL_TIME);
            assertThat(out.put(node.get("trial").asInt(), node.get("result"))).isNull();
        }
        return out;
    }

    /** A point's summary.json without what differs between two directories and two runs of the same trials. */
    private static JsonNode summary(Path dir) throws IOException {
        ObjectNode s = (ObjectNode) MAPPER.readTree(dir.resolve("summary.json").toFile());
        s.remove(List.of("bap_delays_source", "simulation_wall_seconds_mean"));
        // The provenance names each run's own folder and command line; what both must share is the input they hashed.
        JsonNode provenance = s.remove("provenance");
        s.put("bap_delays_sha256", provenance.get("inputs").get("bap_delays").get("sha256").asText());
        return s;
    }

    /** Delays that rise with the spine index from 0.5 to 3 ms, as measured ones do with distance (no fig2b run). */
    private static BapDelays syntheticDelays() {
        double[] delays = new double[Ellwood2024.SPINES];
        double[] distances = new double[Ellwood2024.SPINES];
        for (int k = 0; k < delays.length; k++) {
            delays[k] = 0.5 + 2.5 * k / (delays.length - 1);
            distances[k] = 100 + k;
        }
        return new BapDelays(delays, distances, 1);
    }

    private static int sweep(Path out, String... options) {
        StringWriter text = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(text));
        cl.setErr(new PrintWriter(text));
        int exit = cl.execute(concat(new String[] {"sweep", "fig3be", "--out", out.toString()}, options));
        if (exit != 0) {
            System.err.println(text);
        }
        return exit;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path mkdirs(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }
}
