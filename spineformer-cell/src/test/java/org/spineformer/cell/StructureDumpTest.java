package org.spineformer.cell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.StructureDump;

/**
 * What {@code spineformer model check ellwood2024 --structure} writes, against NEURON's dump of the paper's cell:
 * the same keys hold the same numbers, so the two can be diffed.
 */
class StructureDumpTest {
    /** As CellStructureTest: the same formulas in doubles on both sides, a few ulps apart. */
    private static final double RELATIVE = 1e-9;

    @Test
    void theBundledPaperCellDumpsAsNeuronDoes() throws IOException {
        JsonNode neuron;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/reference/cell/structure.json.gz"))) {
            neuron = new ObjectMapper().readTree(in);
        }
        LoweredCell lowered = ModelLowering.lower(CellAssembler.assemble(BundledDescriptions.get("ellwood2024")),
                Catalogue.discover());
        JsonNode ours = StructureDump.toJson(lowered, lowered.simulation(PyramidalCell.DT_MS));
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode s : ours.get("sections")) {
            byName.put(s.get("name").asText(), s);
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(ours.get("n_sections").asInt()).isEqualTo(neuron.get("n_sections").asInt());
        soft.assertThat(ours.get("n_segments").asInt()).isEqualTo(neuron.get("n_segments").asInt());
        int compared = 0;
        for (JsonNode s : neuron.get("sections")) {
            JsonNode o = byName.get(s.get("name").asText());
            soft.assertThat(o).as(s.get("name").asText()).isNotNull();
            if (o == null) {
                continue;
            }
            soft.assertThat(o.get("parent").asText()).isEqualTo(s.get("parent").asText());
            for (int j = 0; j < s.get("segments").size(); j++) {
                JsonNode theirs = s.get("segments").get(j), mine = o.get("segments").get(j);
                String where = s.get("name").asText() + "(" + theirs.get("x").asDouble() + ")";
                for (String key : new String[] {"x", "diam", "cm", "area_um2", "ri_MOhm", "distance_um"}) {
                    close(soft, where + " " + key, mine.get(key).asDouble(), theirs.get(key).asDouble());
                    compared++;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = mine.get("mechanisms").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> mech = it.next();
                    JsonNode their = theirs.get("mechanisms").get(mech.getKey());
                    soft.assertThat(their).as(where + " NEURON has " + mech.getKey()).isNotNull();
                    if (their == null) {
                        continue;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> p = mech.getValue().fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> v = p.next();
                        if (their.has(v.getKey())) {
                            close(soft, where + " " + v.getKey(), v.getValue().asDouble(), their.get(v.getKey()).asDouble());
                            compared++;
                        }
                    }
                }
            }
        }
        soft.assertThat(compared).as("values compared").isGreaterThan(40000);
        soft.assertAll();
    }

    private static void close(SoftAssertions soft, String what, double ours, double theirs) {
        double scale = Math.max(Math.abs(theirs), Double.MIN_NORMAL);
        soft.assertThat(Math.abs(ours - theirs) / scale).as(what + ": ours " + ours + ", NEURON " + theirs)
                .isLessThanOrEqualTo(RELATIVE);
    }
}
