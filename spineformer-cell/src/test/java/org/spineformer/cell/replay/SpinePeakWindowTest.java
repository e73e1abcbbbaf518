package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;

/**
 * Spine heads' voltage peaks looked for in a window of the run (Figure 2B's {@code bap_window_ms}): on a cell whose
 * spine sees its own synapse's EPSP larger than the pulse's passive spread, the whole run's peak is the EPSP, the
 * window's the pulse's response.
 */
class SpinePeakWindowTest {
    /** A passive soma and dendrite with 2 spines; a query pulse of 0.01 nA, far weaker than a spine's EPSP. */
    private static final String PASSIVE = """
            {
              "format": "spineformer-cell-description/1",
              "name": "passive",
              "morphology": {"sections": [
                {"name": "soma", "L": 20, "diam": 20},
                {"name": "dend", "parent": "soma", "parent_x": 1, "L": 100, "diam": 1}
              ]},
              "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-4, "e": -70}}],
              "spines": [{"on": "dend", "placement": {"evenly": {"count": 2, "start_um": 10, "end_margin_um": 10}},
                "neck": {"name": "spine_{k}_neck", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                "head": {"name": "spine_{k}_head", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1,
                         "mechanisms": {"cadspine": {}}},
                "synapses": [{"name": "ampa", "mechanism": "AMPA_WITH_CA", "x": 0.5, "weight": 1,
                              "delay_ms": 1}]}],
              "celsius": 37,
              "v_init": -70,
              "experiment": {"axons": {"consecutive": 1}, "query": {"amplitude_nA": 0.01, "duration_ms": 1}}
            }
            """;
    private static final double DT_MS = 0.025;
    private static final double PRESYNAPTIC_SPIKE_MS = 5;
    private static final double PULSE_MS = 20;
    private static final double TSTOP_MS = 40;
    /** Half a step: a window's ends are steps' times to within rounding of the summed steps. */
    private static final double HALF_STEP_MS = DT_MS / 2;

    @Test
    void aWindowAfterThePulseIgnoresAnEarlierLargerEpsp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("passive.json");
        Files.writeString(file, PASSIVE);
        CellModel model = CellModel.load(file.toString());
        // Spine 0 receives one presynaptic spike (its EPSP peaks a few ms later), spine 1 nothing (but the EPSP's
        // spread along the dendrite).
        Stimulus stim = new Stimulus(-70, TSTOP_MS, DT_MS, 37, Double.POSITIVE_INFINITY,
                new double[][] {{PRESYNAPTIC_SPIKE_MS}, {}}, new double[] {PULSE_MS}, model.queryAmpNa(),
                model.queryDurMs(), model.netconDelayMs(), List.of(), new int[0], 1);

        double[] whole = Replay.run(stim, model, List.of(), true, null).spineVPeakTimeMs();
        assertThat(whole[0]).as("the whole run's peak: the EPSP").isBetween(PRESYNAPTIC_SPIKE_MS, PULSE_MS);

        double[] windowed = Replay.run(stim, model, List.of(), PULSE_MS, TSTOP_MS, null).spineVPeakTimeMs();
        // Within the window on both spines (on spine 0 the pulse's passive response; on spine 1 the window's start,
        // where the tail of spine 0's EPSP spread is still larger).
        assertThat(windowed[0]).isBetween(PULSE_MS - HALF_STEP_MS, TSTOP_MS);
        assertThat(windowed[1]).isBetween(PULSE_MS - HALF_STEP_MS, TSTOP_MS);
    }

    @Test
    void aWindowEndingWhileTheVoltageStillRisesGivesItsEndNotAnExtrapolation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("passive.json");
        Files.writeString(file, PASSIVE);
        CellModel model = CellModel.load(file.toString());
        Stimulus stim = new Stimulus(-70, TSTOP_MS, DT_MS, 37, Double.POSITIVE_INFINITY, new double[][] {{}, {}},
                new double[] {PULSE_MS}, model.queryAmpNa(), model.queryDurMs(), model.netconDelayMs(), List.of(),
                new int[0], 1);
        // Half a millisecond into the 1 ms pulse every spine head is still depolarizing.
        double end = PULSE_MS + 0.5;
        double[] peaks = Replay.run(stim, model, List.of(), PULSE_MS, end, null).spineVPeakTimeMs();
        for (double t : peaks) {
            assertThat(t).isCloseTo(end, within(HALF_STEP_MS));
        }
    }
}
