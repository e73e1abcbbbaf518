package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.experiments.output.Summary;
import org.spineformer.io.npy.Npz;

class Fig4aPotentiationSigmoidTest {
    private static final Fig4aPotentiationSigmoid.Config PAPER = Fig4aPotentiationSigmoid.Config.paper();

    @Test
    void theCellsSigmoidGoesFromOneToEightAroundTheThreshold() {
        assertThat(PAPER.sharpness()).isEqualTo(20);
        assertThat(PAPER.maxPotentiation()).isEqualTo(8);
        assertThat(Fig4aPotentiationSigmoid.relativeConductance(PAPER, 1)).isEqualTo(4.5);
        assertThat(Fig4aPotentiationSigmoid.relativeConductance(PAPER, 0))
                .isCloseTo(1 + 7 * Math.exp(-20), within(1e-15));
        assertThat(Fig4aPotentiationSigmoid.relativeConductance(PAPER, 2)).isCloseTo(8, within(1e-7));
        double x90 = Fig4aPotentiationSigmoid.fractionAt(PAPER, 0.9);
        assertThat(Fig4aPotentiationSigmoid.relativeConductance(PAPER, x90)).isCloseTo(1 + 7 * 0.9, within(1e-12));
    }

    @Test
    void writesTheCurveSummaryAndPlots(@TempDir Path dir) throws IOException {
        Fig4aPotentiationSigmoid.Result r = Fig4aPotentiationSigmoid.run(PAPER);
        assertThat(r.fractionOfThreshold()).hasSize(1000);
        Summary s = Fig4aPotentiationSigmoid.write(r, dir);
        assertThat(s.values()).containsEntry("relative_conductance_at_threshold", 4.5)
                .containsKey("transition_width_10_90");
        for (String f : new String[] {"summary.json", "curve.csv", "curve.npz", "fig4a.png", "fig4a.svg"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(Npz.read(dir.resolve("curve.npz")).get("relative_conductance").doubles())
                .containsExactly(r.relativeConductance());
        assertThat(Files.readAllLines(dir.resolve("curve.csv")).get(0))
                .isEqualTo("fraction_of_threshold,relative_conductance");
    }
}
