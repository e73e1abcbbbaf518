package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;
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
        assertThat(s.values()).containsEntry("runs", 1).containsKeys("delay_min_ms_mean", "delay_max_ms_sem");
        BapDelays cached = BapDelays.read(dir.resolve(BapDelays.FILE), Ellwood2024.SPINES);
        assertThat(cached.delaysMs()).containsExactly(r.meanDelaysMs());
        for (String f : new String[] {"bap_delays.csv", "trials.csv", "trials.npz", "fig2b.png", "fig2b.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
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
