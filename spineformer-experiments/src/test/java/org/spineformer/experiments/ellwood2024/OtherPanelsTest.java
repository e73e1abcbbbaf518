package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.experiments.train.TrialSeeds;

/** Figures 2A, 2C-D, 3A and 3F-G: their stimuli and analyses, without simulations. */
class OtherPanelsTest {
    private static final BapDelays DELAYS = Fig3beMatchRocTest.delays();

    @Test
    void fig3aRunsCoverOffsetsThenSpinesThenRepetitions() {
        assertThat(Fig3aOffsetScan.offset(0)).isEqualTo(-5);
        assertThat(Fig3aOffsetScan.offset(25)).isEqualTo(20);
        assertThat(Fig3aOffsetScan.spine(CellModel.paper(), 26)).isEqualTo(50);
        assertThat(Fig3aOffsetScan.spine(CellModel.paper(), 26 * 29)).isEqualTo(1450);
        assertThat(Fig3aOffsetScan.repetition(779)).isZero();
        assertThat(Fig3aOffsetScan.repetition(780)).isEqualTo(1);
        assertThat(Fig3aOffsetScan.Config.paper().runs()).isEqualTo(7800);
        Stimulus s = Fig3aOffsetScan.stimulus(CellModel.paper(), 26 + 7, TrialSeeds.random(0, 33));
        double[] pair = s.pre()[50];
        assertThat(pair).hasSize(2);
        assertThat(s.pre()[59]).isSameAs(pair);
        assertThat(s.post()[0]).isCloseTo(pair[0] + 2, within(1e-12)); // offset -5 + 7
        assertThat(s.tstopMs()).isEqualTo(350);
        assertThat(s.potentiation()).isFalse();
    }

    @Test
    void fig3aShiftsEachSpineByItsDelayAndFindsThePeak() {
        // Every spine's curve peaks 7 ms after the bAP reaches it: at offset 7 - d.
        List<Fig3aOffsetScan.Run> runs = new ArrayList<>();
        for (int i = 0; i < 26 * 3; i++) {
            int spine = Fig3aOffsetScan.spine(CellModel.paper(), i);
            double offset = Fig3aOffsetScan.offset(i);
            double x = offset + DELAYS.of(spine) - 7;
            runs.add(new Fig3aOffsetScan.Run(spine, offset, 0, Math.exp(-x * x / 8), 1));
        }
        Fig3aOffsetScan.Result r = Fig3aOffsetScan.analyse(CellModel.paper(), Fig3aOffsetScan.Config.quick(), runs,
                DELAYS, new SplittableRandom(1));
        assertThat(r.spines()).containsExactly(0, 50, 100);
        assertThat(r.bestOffsetMs()).isCloseTo(7, within(0.15));
        assertThat(r.bestOffsetSe()).isLessThan(0.1);
        assertThatThrownBy(() -> Fig3aOffsetScan.analyse(CellModel.paper(), Fig3aOffsetScan.Config.quick(),
                runs.subList(0, 25), DELAYS, new SplittableRandom(1))).hasMessageContaining("at least 26");
    }

    @Test
    void interpolationIsNumpys() {
        double[] out = Fig3aOffsetScan.interp(new double[] {-1, 0, 0.5, 2, 9}, new double[] {0, 1, 2},
                new double[] {10, 20, 40});
        assertThat(out).containsExactly(10, 10, 15, 40, 40);
    }

    @Test
    void fig2aMatchesARandomSpineAndComparesTheOppositeOne() {
        Fig2aMatchExample.Config c = Fig2aMatchExample.Config.paper();
        Fig2aMatchExample.Draw d = Fig2aMatchExample.draw(CellModel.paper(), c, DELAYS, TrialSeeds.random(0, 0));
        int m = d.matchedSpine();
        double[] pre = d.stimulus().pre()[m];
        for (int i = 0; i < pre.length; i++) {
            assertThat(d.stimulus().post()[i]).isCloseTo(pre[i] + 7 - DELAYS.of(m), within(1e-12));
        }
        assertThat(Fig2aMatchExample.unmatched(CellModel.paper(), 100)).isEqualTo(850);
        assertThat(Fig2aMatchExample.unmatched(CellModel.paper(), 1000)).isEqualTo(250);
        assertThat(d.stimulus().tstopMs()).isEqualTo(1150);
    }

    @Test
    void fig3fgJittersThePulsesOfAnEightHertzMatchRun() {
        Fig3fgJitterRoc.Config c = Fig3fgJitterRoc.Config.paper();
        Fig3beMatchRoc.Config level = c.level(2);
        assertThat(level.rateKhz()).isEqualTo(0.008);
        assertThat(level.jitterMs()).isEqualTo(2);
        Fig3beMatchRoc.Draw noisy = Fig3beMatchRoc.draw(CellModel.paper(), level, DELAYS, 5, TrialSeeds.random(0, 5));
        Fig3beMatchRoc.Draw clean = Fig3beMatchRoc.draw(CellModel.paper(), level.withNoise(0.008, 0), DELAYS, 5,
                TrialSeeds.random(0, 5));
        double[] a = noisy.stimulus().post();
        double[] b = clean.stimulus().post();
        assertThat(a).hasSameSizeAs(b);
        double sumSq = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isNotEqualTo(b[i]);
            assertThat(Math.abs(a[i] - b[i])).isLessThan(10);
            sumSq += (a[i] - b[i]) * (a[i] - b[i]);
        }
        assertThat(sumSq).isPositive();
        assertThat(Fig3fgJitterRoc.folder(1.0)).isEqualTo("jitter_1ms");
    }

    @Test
    void fig2cdRecoversAKernelThatGeneratedTheIntegrals(@TempDir Path dir) throws IOException {
        // Integrals made by a known kernel (a bump 7 ms after the presynaptic spike) from random trains.
        Fig2cdKernelFit.Config c = new Fig2cdKernelFit.Config(8, 0, 1, 30, 1e-4, 1);
        List<Fig2cdKernelFit.Run> runs = new ArrayList<>();
        for (int i = 0; i < c.runs(); i++) {
            SplittableRandom random = TrialSeeds.random(9, i);
            double[][] trains = new double[Ellwood2024.AXONS][];
            for (int a = 0; a < trains.length; a++) {
                trains[a] = org.spineformer.experiments.train.SpikeTrains.poisson(random, 50, 1050, 0.006, 50);
            }
            double[] post = org.spineformer.experiments.train.SpikeTrains.poisson(random, 50, 1050, 0.006, 50);
            double[] g = new double[Ellwood2024.AXONS];
            for (int a = 0; a < g.length; a++) {
                for (double p : trains[a]) {
                    for (double q : post) {
                        double lag = q - (p - DELAYS.of(10 * a)) - 7;
                        g[a] += Math.exp(-lag * lag / 18);
                    }
                }
            }
            runs.add(new Fig2cdKernelFit.Run(trains, post, g, 0));
        }
        Fig2cdKernelFit.Result r = Fig2cdKernelFit.analyse(CellModel.paper(), c, runs, DELAYS);
        assertThat(r.explainedVarianceTest()).isGreaterThan(0.9);
        int peak = 0;
        for (int i = 1; i < r.kernel().values().length; i++) {
            peak = r.kernel().values()[i] > r.kernel().values()[peak] ? i : peak;
        }
        assertThat(r.lagsMs()[peak]).isCloseTo(7, within(1.5));
        Threshold t = new Threshold(1, Threshold.PAPER, null, 1);
        Summary s = Fig2cdKernelFit.write(r, t, "test", dir);
        assertThat(s.values()).containsKeys("explained_variance_test", "explained_variance_test_se",
                "explained_variance_train", "kernel_peak_lag_ms");
        for (String f : new String[] {"summary.json", "trials.csv", "trials.npz", "kernel.csv", "fig2cd_kernel.png",
                "fig2cd_fit.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(Arrays.stream(r.testIntegrals()).max().orElseThrow()).isPositive();
    }
}
