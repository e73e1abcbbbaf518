package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.experiments.sweep.GridPoint;
import org.spineformer.experiments.sweep.ParameterGrid;
import org.spineformer.experiments.sweep.Sweep;
import org.spineformer.experiments.sweep.SweepEngine;
import org.spineformer.experiments.sweep.SweepableExperiment;

class PanelSweepsTest {
    @Test
    void everyPanelWithTrialsIsSweepable() {
        assertThat(PanelSweeps.names()).isEqualTo("fig2b, fig2a, fig2cd, fig3a, fig3be, fig3fg, fig4bef, fig4c, fig4d, "
                + "fig5");
        assertThatThrownBy(() -> PanelSweeps.find("fig4a")).hasMessageContaining("fig4a has no trials");
        for (String name : Panels.ALL_NAMES) {
            if (!name.equals("fig4a")) {
                SweepableExperiment<?, ?, ?> e = PanelSweeps.find(name);
                assertThat(e.name()).isEqualTo(name);
                assertThat(ParameterGrid.points(e, List.of())).hasSize(1); // the defaults are a valid config
            }
        }
    }

    /** A cluster ships the panels to its workers: each must come back from Java serialization working. */
    @Test
    void everyPanelSurvivesSerialization() throws Exception {
        for (String name : Panels.ALL_NAMES) {
            if (name.equals("fig4a")) {
                continue;
            }
            SweepableExperiment<?, ?, ?> panel = PanelSweeps.find(name);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(panel);
            }
            SweepableExperiment<?, ?, ?> copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (SweepableExperiment<?, ?, ?>) in.readObject();
            }
            assertThat(copy.name()).isEqualTo(name);
            assertThat(copy.defaults()).isEqualTo(panel.defaults());
            assertThat(ParameterGrid.points(copy, List.of())).hasSize(1);
        }
    }

    @Test
    void fig3beDefaultsAreThePapersAndItsComponentsAreTheParameters() {
        List<? extends GridPoint<?>> points = ParameterGrid.points(PanelSweeps.find("fig3be"),
                List.of("matchWindowS=0.5,2", "jitterMs=0,1", "runs=10"));
        assertThat(points).hasSize(4);
        assertThat(points.get(3).name()).isEqualTo("matchWindowS=2/jitterMs=1/runs=10");
        assertThat(points.get(3).config())
                .isEqualTo(Fig3beMatchRoc.Config.paper(2).withRuns(10).withNoise(Ellwood2024.RATE_KHZ, 1));
    }

    @Test
    void aSweptWindowTakesThePapersThresholdUnlessTheThresholdIsSweptToo() {
        SweepableExperiment<?, ?, ?> fig5 = PanelSweeps.find("fig5");
        assertThat(((Fig5ControlPhase.Config) ParameterGrid.points(fig5, List.of("matchWindowS=0.5")).get(0).config())
                .threshold()).isEqualTo(Ellwood2024.paperThreshold(0.5));
        assertThat(((Fig5ControlPhase.Config) ParameterGrid.points(fig5, List.of("matchWindowS=0.5", "threshold=2"))
                .get(0).config()).threshold()).isEqualTo(2);
        assertThatThrownBy(() -> ParameterGrid.points(fig5, List.of("matchWindowS=0.7")))
                .hasMessageContaining("--param matchWindowS=0.7").hasMessageContaining("give --param threshold=");
    }

    @Test
    void badParametersFailBeforeTheBapDelaysAreResolved(@TempDir Path tmp) {
        Path dir = tmp.resolve("sweep");
        SweepEngine.Options options = new SweepEngine.Options(1, null, new PrintWriter(new StringWriter()), null,
                false);
        assertThatThrownBy(() -> Sweep.prepare(PanelSweeps.find("fig3be"), List.of("window=1"), dir, options))
                .hasMessageContaining("no parameter 'window'").hasMessageContaining("matchWindowS, runs, seed");
        assertThatThrownBy(() -> Sweep.prepare(PanelSweeps.find("fig3be"), List.of("matchWindowS=0.5,-1"), dir,
                options)).hasMessageContaining("--param matchWindowS=-1: matchWindowS = -1.0 must be > 0");
        assertThatThrownBy(() -> Sweep.prepare(PanelSweeps.find("fig3fg"), List.of("jittersMs=1"), dir, options))
                .hasMessageContaining("cannot be swept");
        assertThat(dir).doesNotExist();
    }
}
