package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.analysis.roc.OperatingPoint;
import org.spineformer.analysis.roc.RocCurve;
import org.spineformer.cell.CellModel;
import org.spineformer.cell.replay.Stimulus;
import org.spineformer.experiments.output.Summary;
import org.spineformer.io.npy.Npz;

class Fig3beMatchRocTest {
    static BapDelays delays() {
        double[] d = new double[Ellwood2024.SPINES];
        Arrays.setAll(d, k -> 1.5 + 3.0 * (k % 250) / 249);
        return new BapDelays(d, new double[Ellwood2024.SPINES], 1);
    }

    @Test
    void fifteenHundredRunsMatchEverySpineOnceAndTheFirst150EveryAxon() {
        boolean[] spines = new boolean[Ellwood2024.SPINES];
        for (int i = 0; i < Ellwood2024.SPINES; i++) {
            int spine = Fig3beMatchRoc.delaySpine(CellModel.paper(), i);
            assertThat(spine / Ellwood2024.SPINES_PER_AXON).isEqualTo(Fig3beMatchRoc.matchedAxon(CellModel.paper(), i));
            spines[spine] = true;
        }
        assertThat(spines).doesNotContain(false);
        assertThat(Fig3beMatchRoc.matchedAxon(CellModel.paper(), 149)).isEqualTo(149);
        assertThat(Fig3beMatchRoc.delaySpine(CellModel.paper(), 151)).isEqualTo(11);
    }

    @Test
    void pulsesFollowTheMatchedAxonByTheOptimumOffsetMinusItsDelay() {
        Fig3beMatchRoc.Config c = Fig3beMatchRoc.Config.paper(0.5);
        BapDelays delays = delays();
        Fig3beMatchRoc.Draw d = Fig3beMatchRoc.draw(CellModel.paper(), c, delays, 163, new SplittableRandom(3));
        assertThat(d.matchedAxon()).isEqualTo(13);
        assertThat(d.delaySpine()).isEqualTo(131);
        Stimulus s = d.stimulus();
        double[] matched = s.pre()[130];
        assertThat(matched.length).isEqualTo(s.post().length);
        for (int i = 0; i < matched.length; i++) {
            assertThat(s.post()[i]).isCloseTo(matched[i] + 7 - delays.of(131), within(1e-12));
            assertThat(matched[i]).isBetween(50.0, 550.0);
        }
        for (int k = 130; k < 140; k++) {
            assertThat(s.pre()[k]).isSameAs(matched);
        }
        assertThat(s.tstopMs()).isEqualTo(650);
        assertThat(s.vInitMv()).isEqualTo(-75);
        assertThat(s.potentiation()).isFalse();
    }

    @Test
    void analysisFindsThePapersOperatingPointAndWritesEverything(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        List<Fig3beMatchRoc.Run> runs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double[] values = new double[Ellwood2024.AXONS];
            for (int a = 0; a < values.length; a++) {
                values[a] = 1e-14 * (1 + random.nextDouble());
            }
            int axon = Fig3beMatchRoc.matchedAxon(CellModel.paper(), i);
            values[axon] = 1e-14 * (1.8 + random.nextDouble());
            runs.add(new Fig3beMatchRoc.Run(axon, Fig3beMatchRoc.delaySpine(CellModel.paper(), i), 2, 6, values, 1));
        }
        Fig3beMatchRoc.Config c = Fig3beMatchRoc.Config.paper(1).withRuns(40);
        Fig3beMatchRoc.Result r = Fig3beMatchRoc.analyse(c, runs);
        assertThat(r.operatingPoint()).isEqualTo(Fig3beMatchRoc.operatingPoint(RocCurve.of(r.scores())));
        assertThat(r.operatingPoint().falsePositiveRate()).isCloseTo(0.1, within(0.03));
        assertThat(r.thresholdSe()).isPositive();
        assertThat(r.auc()).isBetween(0.5, 1.0);
        Summary s = Fig3beMatchRoc.write(r, "test delays", dir);
        assertThat(s.values()).containsEntry("threshold", r.operatingPoint().threshold()).containsEntry("runs", 40)
                .containsEntry("match_window_s", 1.0).containsKeys("threshold_se", "true_positive_rate_se", "auc_se",
                        "matched_integral_mean", "max_unmatched_integral_sem", "paper_threshold");
        for (String f : new String[] {"summary.json", "trials.csv", "trials.npz", "roc.csv", "fig3be_roc.png",
                "fig3be_roc.svg", "fig3be_density.png", "fig3be_density.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(Npz.read(dir.resolve("trials.npz")).get("axon_integrals").shape()).containsExactly(40, 150);
    }

    @Test
    void perfectSeparationGivesTheSmallestMatchedValueNotAnInfiniteThreshold() {
        RocCurve roc = RocCurve.of(new double[] {1, 2, 3}, new double[] {5, 6, 7});
        assertThat(roc.atFalsePositiveRate(0.1).threshold()).isInfinite();
        OperatingPoint op = Fig3beMatchRoc.operatingPoint(roc);
        assertThat(op).isEqualTo(new OperatingPoint(5, 0, 1));
        RocCurve overlapping = RocCurve.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new double[] {9.5, 11, 12});
        assertThat(Fig3beMatchRoc.operatingPoint(overlapping)).isEqualTo(overlapping.atFalsePositiveRate(0.1));
    }

    @Test
    void areaUnderTheCurveIsTheMannWhitneyProbability() {
        // P(positive > negative) over the 9 pairs: 2.5 beats 2, 3.5 beats 3, 0.5 none.
        double auc = Fig3beMatchRoc.area(RocCurve.of(new double[] {1, 2, 3}, new double[] {2.5, 3.5, 0.5}));
        assertThat(auc).isCloseTo(5.0 / 9, within(1e-12));
    }
}
