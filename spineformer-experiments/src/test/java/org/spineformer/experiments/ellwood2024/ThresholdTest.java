package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;

class ThresholdTest {
    @Test
    void ownFig3beRunNextToTheOutputWinsOverThePapers(@TempDir Path root) throws IOException {
        summary(root.resolve("fig3be_small"), "{\"panel\": \"fig3be\", \"match_window_s\": 1.0, \"runs\": 10, "
                + "\"threshold\": 5e-14}");
        summary(root.resolve("fig3be_big"), "{\"panel\": \"fig3be\", \"match_window_s\": 1.0, \"runs\": 300, "
                + "\"threshold\": 7e-14}");
        summary(root.resolve("fig3be_inf"), "{\"panel\": \"fig3be\", \"match_window_s\": 0.5, \"runs\": 3, "
                + "\"threshold\": null}");
        summary(root.resolve("junk"), "not json");
        Threshold own = Threshold.resolve(CellModel.paper(), root.resolve("fig5"), 1.0);
        assertThat(own.value()).isEqualTo(7e-14);
        assertThat(own.source()).isEqualTo(Threshold.OWN);
        assertThat(own.path()).endsWith("fig3be_big");
        assertThat(own.paper()).isEqualTo(Ellwood2024.paperThreshold(1));
        assertThat(own.origin()).isEqualTo("the fig3be run in " + own.path() + " (300 runs)");

        Threshold paper = Threshold.resolve(CellModel.paper(), root.resolve("fig5"), 0.5);
        assertThat(paper.source()).isEqualTo(Threshold.PAPER);
        assertThat(paper.value()).isEqualTo(6.039219977285495e-14);
        assertThat(paper.path()).isNull();
        assertThat(paper.origin()).isEqualTo("the paper");

        assertThatThrownBy(() -> Threshold.resolve(CellModel.paper(), root.resolve("fig5"), 0.75))
                .hasMessageContaining("--match-window 0.75").hasMessageContaining("fig3be");
    }

    private static void summary(Path dir, String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), json);
    }
}
