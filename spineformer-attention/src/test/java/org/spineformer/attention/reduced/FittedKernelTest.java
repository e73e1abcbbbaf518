package org.spineformer.attention.reduced;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The bundled Figure 2C-D fit: it loads, says how it was made, and has the kernel's documented shape. */
class FittedKernelTest {
    /**
     * The paper's Figure 2C kernel peaks near the 7 ms optimum offset; the fit's bins are 1 ms wide, so the peak's
     * lag is known to about a bin either way, and 2 ms leaves room for the fit's noise.
     */
    private static final double PEAK_LAG_MS = 7;
    private static final double PEAK_LAG_TOLERANCE_MS = 2;
    /** The peak, about 0.24 thresholds per coincidence in the paper's fit and in this project's earlier runs. */
    private static final double PEAK_LOW = 0.2;
    private static final double PEAK_HIGH = 0.3;
    /**
     * At negative lags (the postsynaptic spike first) the kernel is fit noise around zero: below a tenth of the
     * peak everywhere, and their summed magnitude below a tenth of the positive lags' sum.
     */
    private static final double NEGATIVE_LAG_FRACTION = 0.1;

    @Test
    void loadsWithItsProvenance() {
        ScoreKernel k = ScoreKernel.fitted();
        assertThat(k.source()).isEqualTo(ScoreKernel.BUNDLED);
        assertThat(k.values()).hasSizeGreaterThan(100);
        JsonNode p = ScoreKernel.fittedProvenance();
        assertThat(p.path("command").asText()).startsWith("spineformer reproduce fig2cd");
        assertThat(p.path("seed").isIntegralNumber()).isTrue();
        assertThat(p.path("runs").asInt()).isPositive();
        assertThat(p.path("spineformer_version").asText()).isNotEmpty();
        assertThat(p.path("git_commit").asText()).matches("[0-9a-f]{40}");
        assertThat(p.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(p.path("explained_variance_test").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void peaksNearTheOptimumOffsetAndIsCausal() {
        ScoreKernel k = ScoreKernel.fitted();
        int peak = 0;
        for (int i = 0; i < k.values().length; i++) {
            peak = k.values()[i] > k.values()[peak] ? i : peak;
        }
        double peakLag = k.firstLagMs() + peak * k.spacingMs();
        assertThat(peakLag).isBetween(PEAK_LAG_MS - PEAK_LAG_TOLERANCE_MS, PEAK_LAG_MS + PEAK_LAG_TOLERANCE_MS);
        assertThat(k.values()[peak]).isBetween(PEAK_LOW, PEAK_HIGH);
        double negative = 0;
        double positive = 0;
        for (int i = 0; i < k.values().length; i++) {
            double lag = k.firstLagMs() + i * k.spacingMs();
            if (lag < 0) {
                assertThat(Math.abs(k.values()[i])).as("K(%s ms)", lag)
                        .isLessThan(NEGATIVE_LAG_FRACTION * k.values()[peak]);
                negative += Math.abs(k.values()[i]);
            } else {
                positive += k.values()[i];
            }
        }
        assertThat(negative).isLessThan(NEGATIVE_LAG_FRACTION * positive);
        // It decays: at 3 times the peak's lag it is below half the peak.
        assertThat(k.at(3 * PEAK_LAG_MS)).isLessThan(k.values()[peak] / 2);
    }
}
