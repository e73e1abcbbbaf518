package org.spineformer.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A small two-section description in JSON, with pieces replaceable by tests. */
final class DescriptionTestSupport {
    private DescriptionTestSupport() {
    }

    /** soma (L = diam = 10) with dend (L 200, diam 2) at soma(1), nseg 1 + 2*int(L/40); {@code paint} is the array. */
    static String twoSections(String paint) {
        return """
                {
                  "format": "spineformer-cell-description/1",
                  "name": "small",
                  "parameters": {"gbase": 1e-4},
                  "morphology": {"sections": [
                    {"name": "soma", "L": 10, "diam": 10},
                    {"name": "dend[0]", "parent": "soma", "parent_x": 1, "L": 200, "diam": 2}
                  ]},
                  "distance_origin": {"section": "soma", "x": 0.5},
                  "regions": {"dendrites": "dend"},
                  "nseg": [{"region": "all", "per_length_um": 20}],
                  "paint": %s,
                  "celsius": 34,
                  "v_init": -70
                }
                """.formatted(paint);
    }

    static CellDescription read(String json) {
        return DescriptionReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "small.json");
    }
}
