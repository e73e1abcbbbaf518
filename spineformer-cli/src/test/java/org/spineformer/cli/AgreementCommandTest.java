package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.attention.QueryResult;
import org.spineformer.attention.compare.AgreementEstimates;
import org.spineformer.attention.compare.RateBins;
import org.spineformer.experiments.ellwood2024.BapDelays;
import org.spineformer.experiments.ellwood2024.Ellwood2024;

class AgreementCommandTest {
    @Test
    void badOptionsAreRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path bap = dir.resolve(BapDelays.FILE);
        new BapDelays(new double[Ellwood2024.SPINES], new double[Ellwood2024.SPINES], 1).write(bap);
        Path out = dir.resolve("out");
        String[][] cases = {
            {"--keys", "151", "--keys = 151"},
            {"--match-window", "0.7", "--match-window = 0.7"},
            {"--queries", "0", "--queries"},
            {"--match-tolerance", "-1", "--match-tolerance"},
            {"--seeds", "3,3", "--seeds = [3, 3]"},
        };
        for (String[] c : cases) {
            CliRun r = run("attention", "agreement", c[0], c[1], "--bap-delays", bap.toString(), "--quiet", "--out",
                    out.toString());
            assertThat(r.exit()).as(c[0]).isNotZero();
            assertThat(r.err()).as(c[0]).contains(c[2]);
        }
        CliRun r = run("attention", "agreement", "--bap-delays", dir.resolve("none").toString(), "--out",
                out.toString());
        assertThat(r.err()).contains("--bap-delays = " + dir.resolve("none")).contains("no " + BapDelays.FILE);
        CliRun t = run("attention", "transmission", "--keys", "0", "--bap-delays", bap.toString(), "--out",
                out.toString());
        assertThat(t.err()).contains("--keys = 0");
        assertThat(out).doesNotExist();
    }

    @Test
    void writesTablesThatLoadAsColumnsAndAPlotPerWindow(@TempDir Path dir) throws IOException {
        double[] scores = {2, 0};
        QueryResult cell = new QueryResult(new double[] {10, 30}, new int[] {0}, scores);
        QueryResult reduced = new QueryResult(new double[] {12}, new int[] {0}, scores);
        RateBins bins = new RateBins(20, 1000);
        AgreementEstimates e = AgreementEstimates.of(List.of(cell, cell), List.of(reduced, cell), bins, 5);
        List<AgreementReport.Row> rows = List.of(new AgreementReport.Row(10, 1.0, e, e, 2, 1.5, 2, 1, 1),
                new AgreementReport.Row(50, 1.0, e, e, 2, 1.5, 2, 1, 1));
        List<AgreementReport.Query> queries = List.of(new AgreementReport.Query(10, 1.0, 0, 0, 0, cell, reduced));
        AgreementReport.write(dir, rows, queries, bins, 5, new LinkedHashMap<>());
        List<String> csv = Files.readAllLines(dir.resolve("agreement.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("keys,match_window_s,queries,same_selection,same_selection_se,jaccard,"
                + "jaccard_se,same_top_key,same_top_key_se,output_cosine,output_cosine_se,matched_spikes,"
                + "matched_spikes_se,copy_output_cosine,copy_output_cosine_se,copy_matched_spikes,"
                + "copy_matched_spikes_se,cell_output_spikes_per_query,reduced_output_spikes_per_query,"
                + "copy_output_spikes_per_query,"
                + "cell_selected_per_query,reduced_selected_per_query");
        List<String> perQuery = Files.readAllLines(dir.resolve("agreement_queries.csv"));
        assertThat(perQuery).hasSize(2);
        // The one query: 10 and 12 match within 5 ms, 30 does not: 2 of 3 spikes matched.
        assertThat(perQuery.get(1)).endsWith(",0.6666666666666666");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("agreement.json").toFile());
        assertThat(json.path("rows")).hasSize(2);
        // Matched fractions 2/3 and 1 over the two queries.
        assertThat(json.path("rows").get(0).path("matched_spikes").asDouble()).isEqualTo((2.0 / 3 + 1) / 2);
        assertThat(dir.resolve("agreement_window_1.0.png")).exists();
        assertThat(dir.resolve("agreement_window_1.0.svg")).exists();
    }
}
