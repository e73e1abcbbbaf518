package org.spineformer.attention.reduced;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The bundled transmission fit: it loads, says how it was made, and has the documented shape. */
class BundledTransmissionTest {
    /** Figure 5 pairs an output spike with a value spike 0 to 20 ms before it: the delay lies in that window. */
    private static final double PAIRING_WINDOW_MS = 20;
    /**
     * The documented shape: a key further above the threshold transmits more (the paper's failed spikes are near
     * the threshold), the score's coefficient at least 2 of its standard errors above zero.
     */
    private static final double STANDARD_ERRORS = 2;

    @Test
    void loadsWithItsProvenance() throws IOException {
        Transmission t = Transmission.bundled();
        assertThat(t.source()).isEqualTo("bundled " + Transmission.RESOURCE);
        assertThat(t.samples()).isPositive();
        JsonNode json;
        try (InputStream in = Transmission.class.getResourceAsStream(Transmission.RESOURCE)) {
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.path("command_line").asText()).startsWith("spineformer attention transmission");
        assertThat(json.path("trials").path("seed").isIntegralNumber()).isTrue();
        assertThat(json.path("trials").path("cell_trials").asInt()).isPositive();
        assertThat(json.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(json.path("provenance").path("spineformer_version").asText()).isNotEmpty();
    }

    @Test
    void transmitsMoreAboveTheThresholdWithADelayInThePairingWindow() {
        Transmission t = Transmission.bundled();
        assertThat(t.coefficients()[1]).isGreaterThan(STANDARD_ERRORS * t.standardErrors()[1]);
        assertThat(t.probability(1, 100)).isGreaterThan(t.probability(0, 100));
        assertThat(t.delayMs()).isBetween(0.0, PAIRING_WINDOW_MS);
    }
}
