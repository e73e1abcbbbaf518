package org.spineformer.cell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small spiny cell description for {@link CellModel}'s tests, written for them: 4 spines of the paper's kind on a
 * dendrite {@code dend}, the morphology, the spines' synapses and the experiment part given by each test.
 */
final class TinySpinyDescription {
    private TinySpinyDescription() {}

    /** A soma and a 100 um dendrite given in the description. */
    static final String INLINE_SECTIONS = """
            {"sections": [
                {"name": "soma", "L": 20, "diam": 20},
                {"name": "dend", "parent": "soma", "parent_x": 1, "L": 100, "diam": 1}
              ]}""";

    /** The plastic synapse the experiments read on every spine. */
    static final String PLASTIC = "{\"name\": \"ampa\", \"mechanism\": \"AMPA_WITH_CA\", \"x\": 0.5,"
            + " \"weight\": 0.008, \"delay_ms\": 1}";

    /** {@code %1$s} the morphology part, {@code %2$s} the spines' synapses, {@code %3$s} the experiment part. */
    private static final String TEMPLATE = """
            {
              "format": "spineformer-cell-description/1",
              "name": "tiny",
              "morphology": %1$s,
              "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": 1e-4, "e": -70}}],
              "spines": [{"on": "dend", "placement": {"evenly": {"count": 4, "start_um": 10, "end_margin_um": 10}},
                "neck": {"name": "spine_{k}_neck", "L": 1, "diam": 0.1, "Ra": 100, "cm": 1},
                "head": {"name": "spine_{k}_head", "L": 0.5, "diam": 0.5, "Ra": 100, "cm": 1,
                         "mechanisms": {"cadspine": {}}},
                "synapses": [%2$s]}],
              "celsius": 37,
              "v_init": -65%3$s
            }
            """;

    /**
     * Writes the description as tiny.json into dir and gives its path; {@code experiment} is {@code ",
     * \"experiment\": {...}"} or empty.
     */
    static Path write(Path dir, String morphology, String synapses, String experiment) throws IOException {
        return Files.writeString(dir.resolve("tiny.json"), TEMPLATE.formatted(morphology, synapses, experiment));
    }
}
