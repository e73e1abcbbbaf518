package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

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

/**
 * The agreement command's agreement_table.md is docs/user/attention.md's table, and {@code --finished-only} runs no
 * cell trial.
 */
class AgreementTableTest {
    /** The table's header as docs/user/attention.md has it (tests run in the module's folder). */
    private static final Path DOC = Path.of("..", "docs", "user", "attention.md");

    @Test
    void theTableHasTheDocumentationsColumnsAndRoundsAsItDoes(@TempDir Path dir) throws IOException {
        double[] scores = {2, 0};
        // Query 1: the cell fires at 10 and 30 ms, the reduced backend at 12; query 2: both as the cell.
        QueryResult cell = new QueryResult(new double[] {10, 30}, new int[] {0}, scores);
        QueryResult reduced = new QueryResult(new double[] {12}, new int[] {0}, scores);
        AgreementEstimates e = AgreementEstimates.of(List.of(cell, cell), List.of(reduced, cell), new RateBins(20,
                1000), 5);
        AgreementReport.Row row = new AgreementReport.Row(10, 1.0, e, e, 2, 1.5, 2, 1, 1);
        AgreementReport.write(dir, List.of(row), List.of(), new RateBins(20, 1000), 5, new LinkedHashMap<>());
        List<String> lines = Files.readAllLines(dir.resolve(AgreementReport.TABLE));
        assertThat(lines).hasSize(3);
        assertThat(Files.readAllLines(DOC)).contains(lines.get(0), lines.get(1));
        // Same selection, Jaccard and top key 1 in both queries. Output cosine: 20 ms bins, the cell (1, 1) against
        // (1, 0): 1 / sqrt 2 = 0.7071, and 1: mean 0.8536, s.d. 0.2071, s.e. 0.1464. Spikes matched within 5 ms:
        // 10 and 12 of 3 spikes, 2/3, and 1: mean 0.8333, s.e. 0.1667.
        assertThat(lines.get(2)).isEqualTo("| 10 | 1.0 | 2 | 1.00 +- 0.00 | 1.00 +- 0.00 | 1.00 +- 0.00 | 0.85 +- 0.15"
                + " | 0.83 +- 0.17 | 0.85 +- 0.15 | 0.83 +- 0.17 | 1.00 / 1.00 | 2.0 / 1.5 / 2.0 |");
    }

    @Test
    void finishedOnlyRunsNoTrialAndRefusesAFolderWithNoneFinished(@TempDir Path dir) throws IOException {
        Path bap = dir.resolve(BapDelays.FILE);
        new BapDelays(new double[Ellwood2024.SPINES], new double[Ellwood2024.SPINES], 1).write(bap);
        Path out = dir.resolve("out");
        CliRun r = run("attention", "agreement", "--keys", "10", "--match-window", "1", "--queries", "3",
                "--seeds", "0,1", "--bap-delays", bap.toString(), "--finished-only", "--quiet", "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("keys 10, window 1.0 s: no seed with all 3 queries recorded; left out\n");
        assertThat(r.err()).isEqualTo("spineformer: --finished-only: no point in " + out + " has a seed with all 3"
                + " queries recorded; nothing to measure\n");
        assertThat(out.resolve("seed=0")).doesNotExist();
        assertThat(out.resolve("agreement.csv")).doesNotExist();
    }
}
