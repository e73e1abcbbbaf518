package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.trial.TrialRunner;

class Fig2bBapDelaysTest {
    /** NEURON's h.distance to spine_0_head(0.5) and spine_748_head(0.5) (reference/cell/structure.json.gz). */
    private static final double NEURON_SPINE_0_UM = 526.8852962994497;
    private static final double NEURON_SPINE_748_UM = 1021.9052166181748;

    @Test
    void distancesAreNeuronsPathDistances() {
        double[] d = CellModel.paper().spineDistancesUm();
        assertThat(d).hasSize(Ellwood2024.SPINES);
        assertThat(d[0]).isEqualTo(NEURON_SPINE_0_UM);
        assertThat(d[748]).isEqualTo(NEURON_SPINE_748_UM);
    }

    /** The one real simulation of this module's tests: a short bAP run (45 ms) on the full cell. */
    @Test
    void aShortRealRunGivesThePapersRangeOfDelays(@TempDir Path dir) throws IOException {
        Fig2bBapDelays.Config c = new Fig2bBapDelays.Config(1, 0, 20, 45, 1, 44);
        Fig2bBapDelays.Result r = Fig2bBapDelays.run(CellModel.paper(), c, TrialRunner.inMemory(1));
        assertThat(r.runs().get(0).somaSpikesMs()).hasSize(1);
        double min = Arrays.stream(r.meanDelaysMs()).min().orElseThrow();
        double max = Arrays.stream(r.meanDelaysMs()).max().orElseThrow();
        // The paper: 1.56 ms near the tuft's base to 4.8 ms at its tips.
        assertThat(min).isBetween(1.4, 1.7);
        assertThat(max).isBetween(4.5, 5.1);
        Summary s = Fig2bBapDelays.write(CellModel.paper(), r, dir);
        assertThat(s.values()).containsEntry("runs", 1).containsKeys("delay_min_ms_mean", "delay_max_ms_sem")
                .containsEntry("branches", PyramidalCell.BRANCHES.size());
        BapDelays cached = BapDelays.read(dir.resolve(BapDelays.FILE), Ellwood2024.SPINES);
        assertThat(cached.delaysMs()).containsExactly(r.meanDelaysMs());
        for (String f : new String[] {"bap_delays.csv", "trials.csv", "trials.npz", "fig2b.png", "fig2b.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
    }

    /**
     * A passive soma and dendrite with 4 spines, each its own axon, with strong synapses and a weak query pulse: a
     * spine's EPSP is larger than the pulse's passive spread; {@code %s}: more experiment settings.
     */
    private static final String PASSIVE = """
            {
              "format": "spineformer-cell-description/1",
              "name": "passive",
              "morphology": {"sections": [
                {"name": "soma", "L": 20, "diam": 20},
                {"name": "dend", "parent": "soma", "parent_x": 1, "L": 100, "diam": 1}
              ]},
              "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-4, "e": -70}}],
              "spines": [{"on": "dend", "placement": {"evenly": {"count": 4, "start_um": 10, "end_margin_um": 10}},
                "neck": {"name": "spine_{k}_neck", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                "head": {"name": "spine_{k}_head", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1,
                         "mechanisms": {"cadspine": {}}},
                "synapses": [{"name": "ampa", "mechanism": "AMPA_WITH_CA", "x": 0.5, "weight": 1,
                              "delay_ms": 1}]}],
              "celsius": 37,
              "v_init": -70,
              "experiment": {"axons": {"consecutive": 1}, "query": {"amplitude_nA": 0.01}%s}
            }
            """;
    private static final double WINDOW_MS = 20;
    /** Half of the cell's 0.025 ms step: a peak at the window's edge is a step's time, to within summed rounding. */
    private static final double HALF_STEP_MS = 0.0125;

    @Test
    void aModelsBapWindowKeepsEarlierEpspsOutOfTheDelays(@TempDir Path dir) throws IOException {
        // 6 Hz trains over [1, 239] ms, the pulse at 200 ms: spines receive presynaptic spikes before it.
        Fig2bBapDelays.Config c = new Fig2bBapDelays.Config(3, 0, 200, 240, 1, 239);
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, PASSIVE.formatted(""));
        double[] whole = Fig2bBapDelays.run(CellModel.load(plain.toString()), c, TrialRunner.inMemory(1))
                .meanDelaysMs();
        assertThat(Arrays.stream(whole).min().orElseThrow()).as("without a window: an EPSP before the pulse")
                .isNegative();

        Path windowed = dir.resolve("windowed.json");
        Files.writeString(windowed, PASSIVE.formatted(", \"bap_window_ms\": " + WINDOW_MS));
        CellModel model = CellModel.load(windowed.toString());
        Fig2bBapDelays.Result r = Fig2bBapDelays.run(model, c, TrialRunner.inMemory(1));
        for (Fig2bBapDelays.Run run : r.runs()) {
            for (double d : run.delaysMs()) {
                assertThat(d).isBetween(-HALF_STEP_MS, WINDOW_MS + HALF_STEP_MS);
            }
        }
        assertThat(Fig2bBapDelays.write(model, r, dir.resolve("out")).values())
                .containsEntry("bap_window_ms", WINDOW_MS);
    }

    /** Delays differ from the expected branch statistics by rounding only (a few ulps of a few ms). */
    private static final double ROUNDING_MS = 1e-12;

    @Test
    void theSummaryGivesTheSpreadOfTheDelaysOverBranches() {
        // Branch "a": spines 0, 1, 4 (1, 2, 3 ms); branch "b": spines 2, 3 (5, 7 ms). Branch means 2 and 6 ms, their
        // population s.d. 2 ms.
        double[] delays = {1, 2, 5, 7, 3};
        Fig2bBapDelays.Result r = new Fig2bBapDelays.Result(new Fig2bBapDelays.Config(1, 0, 250, 350, 1, 349),
                List.of(new Fig2bBapDelays.Run(delays, new double[] {250.5}, 1)),
                new double[] {10, 20, 30, 40, 50}, delays, new double[5], new String[] {"a", "a", "b", "b", "a"});
        Map<String, Object> s = Fig2bBapDelays.summary(r).values();
        assertThat(s).containsEntry("branches", 2).containsEntry("branch_delay_min_branch", "a")
                .containsEntry("branch_delay_max_branch", "b");
        assertThat((double) s.get("branch_delay_min_ms")).isCloseTo(2, within(ROUNDING_MS));
        assertThat((double) s.get("branch_delay_max_ms")).isCloseTo(6, within(ROUNDING_MS));
        assertThat((double) s.get("branch_delay_sd_ms")).isCloseTo(2, within(ROUNDING_MS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>)
                s.get("by_branch");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("branch", "a").containsEntry("spines", 3)
                .containsEntry("distance_min_um", 10.0).containsEntry("distance_max_um", 50.0)
                .containsEntry("delay_min_ms", 1.0).containsEntry("delay_max_ms", 3.0);
        assertThat(rows.get(1)).containsEntry("branch", "b").containsEntry("spines", 2)
                .containsEntry("delay_min_ms", 5.0).containsEntry("delay_max_ms", 7.0);
    }

    @Test
    void panelsTakeTheDelaysOfASiblingFig2bRunAndKeepThem(@TempDir Path root) throws IOException {
        Path fig2b = root.resolve("fig2b");
        Files.createDirectories(fig2b);
        BapDelays measured = Fig3beMatchRocTest.delays();
        measured.write(fig2b.resolve(BapDelays.FILE));
        Files.writeString(fig2b.resolve("summary.json"), "{\"panel\": \"fig2b\", \"runs\": 10}");
        Request request = new Request(root.resolve("fig5"), null, null, null, 1, false,
                new PrintWriter(new StringWriter()), null, false);

        Sourced<BapDelays> first = Fig2bBapDelays.resolve(request);
        assertThat(first.value().delaysMs()).containsExactly(measured.delaysMs());
        assertThat(first.source()).isEqualTo(fig2b.resolve(BapDelays.FILE).toString());
        assertThat(root.resolve("fig5").resolve(BapDelays.FILE)).isRegularFile();

        // Once cached, a changed sibling no longer matters: a resumed run keeps its delays.
        BapDelays other = new BapDelays(new double[Ellwood2024.SPINES], new double[Ellwood2024.SPINES], 1);
        other.write(fig2b.resolve(BapDelays.FILE));
        Sourced<BapDelays> again = Fig2bBapDelays.resolve(request);
        assertThat(again.value().sha256()).isEqualTo(measured.sha256());
    }
}
