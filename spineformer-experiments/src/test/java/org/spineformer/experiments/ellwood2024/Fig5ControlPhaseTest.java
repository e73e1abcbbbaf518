package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;

class Fig5ControlPhaseTest {
    private static final Fig5ControlPhase.Config CONFIG = Fig5ControlPhase.Config.paper(1);

    @Test
    void theConsoleNamesTheFig3beRunAndRunCountOfItsThresholdBeforeAnyWork(@TempDir Path root) throws IOException {
        Path fig3be = Files.createDirectories(root.resolve("fig3be_1s"));
        Files.writeString(fig3be.resolve(Summary.FILE), "{\"panel\": \"fig3be\", \"match_window_s\": 1.0,"
                + " \"runs\": 37, \"threshold\": 7e-14}");
        Path out = Files.createDirectories(root.resolve("fig5"));
        // Unreadable bAP delays stop the run right after the threshold is resolved, before any trial.
        Files.writeString(out.resolve(BapDelays.FILE), "not an npz");
        StringWriter console = new StringWriter();
        Request request = new Request(out, 1, null, null, 1, false, new PrintWriter(console), null, false);
        assertThatThrownBy(() -> Fig5ControlPhase.reproduce(request))
                .isInstanceOf(IOException.class);
        assertThat(console.toString()).isEqualTo("fig5: threshold 7.0E-14 from the fig3be run in " + fig3be + " (37"
                + " runs)" + System.lineSeparator());
    }

    @Test
    void theTrialFollowsCollectControlPhaseOutputs() {
        BapDelays delays = Fig3beMatchRocTest.delays();
        FullTrial.Draw d = Fig5ControlPhase.protocol(CONFIG).draw(delays, TrialSeeds.random(0, 5));
        Stimulus s = d.stimulus();
        assertThat(s.tstopMs()).isEqualTo(3000);
        assertThat(s.threshold()).isEqualTo(7.868762741685457e-14);
        assertThat(s.post()).isSameAs(d.pulsesMs());
        for (double p : s.post()) {
            assertThat(p).isBetween(250.0, 1250.0);
        }
        for (double[] train : s.pre()) {
            for (double t : train) {
                assertThat(t > 1250 && t < 1750).as("spike at %s in the gap", t).isFalse();
            }
        }
        int first = d.matchedAxons()[0] * 10;
        assertThat(d.delaysMs()[0]).isEqualTo(delays.of(first));
        double[] matched = s.pre()[first];
        int n = s.post().length;
        for (int i = 0; i < n; i++) {
            assertThat(matched[i]).isCloseTo(s.post()[i] - 7 + d.delaysMs()[0], within(1e-12));
        }
        for (int i = n; i < matched.length; i++) {
            assertThat(matched[i]).isBetween(1750.0, 2750.0);
        }
        for (int k = first; k < first + 10; k++) {
            assertThat(s.pre()[k]).isSameAs(matched);
        }
        FullTrial.Draw again = Fig5ControlPhase.protocol(CONFIG).draw(delays, TrialSeeds.random(0, 5));
        assertThat(again.matchedAxons()).containsExactly(d.matchedAxons());
        assertThat(again.matchedAxonSpikesMs()[0]).containsExactly(d.matchedAxonSpikesMs()[0]);
    }

    @Test
    void fractionsAndBinsFollowTheDefinitionsAndAllOutputsAreWritten(@TempDir Path dir) throws IOException {
        List<Fig5ControlPhase.Run> runs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 12; i++) {
            double[] pulses = i % 2 == 0 ? new double[] {300, 600, 900} : new double[] {400, 800};
            // Control spikes at 1800 and 2000; the soma follows the first 10 ms later and fires once on its own.
            double[] axon = {pulses[0] - 5, 1800, 2000};
            double[] soma = i < 6 ? new double[] {305, 1810, 2500} : new double[] {1810, 2010};
            runs.add(new Fig5ControlPhase.Run(random.nextInt(150), 2.5, pulses, axon, soma, new int[0], new int[0], 1));
        }
        Fig5ControlPhase.Result r = Fig5ControlPhase.analyse(CONFIG.withTrials(12), runs);
        assertThat(r.failedFractions()[0]).isEqualTo(0.5);
        assertThat(r.spuriousFractions()[0]).isEqualTo(0.5);
        assertThat(r.failedFractions()[11]).isEqualTo(0);
        assertThat(r.spuriousFractions()[11]).isEqualTo(0);
        // 6 trials each with 3 and 2 pulses: both counts are 5B bins (>= 5 trials), neither a 5C bin (>= 10).
        assertThat(r.failedByPulses()).hasSize(2);
        assertThat(r.spuriousByPulses()).isEmpty();

        Threshold threshold = new Threshold(CONFIG.threshold(), Threshold.PAPER, null, CONFIG.threshold());
        Summary s = Fig5ControlPhase.write(r, threshold, "test delays", dir);
        assertThat(s.values()).containsEntry("trials", 12).containsEntry("match_window_s", 1.0)
                .containsEntry("threshold", CONFIG.threshold()).containsEntry("threshold_source", "paper")
                .containsEntry("fraction_failed_spikes_mean", 0.25)
                .containsKeys("fraction_failed_spikes_sem", "fraction_spurious_spikes_mean",
                        "fraction_spurious_spikes_sem", "by_pulse_count_failed", "by_pulse_count_spurious");
        for (String f : new String[] {"summary.json", "trials.csv", "trials.npz", "by_pulse_count.csv", "fig5.png",
                "fig5.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        var arrays = Npz.read(dir.resolve("trials.npz"));
        NpyArray offsets = arrays.get("soma_spike_times_ms_offsets");
        assertThat(offsets.longs()).hasSize(13).startsWith(0, 3, 6);
        assertThat(arrays.get("soma_spike_times_ms").doubles()).hasSize((int) offsets.longs()[12]);
        assertThat(Files.readAllLines(dir.resolve("trials.csv")).get(0))
                .startsWith("trial,matched_axon,delay_ms,pulses");
    }
}
