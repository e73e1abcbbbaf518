package org.spineformer.morphology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One of NEURON's structure dumps of a published model ({@code reference/<model>/structure.json.gz}, copied from
 * the shared reference data): every section with its 3-D points and every segment's geometry as NEURON 8.2.2
 * computed them.
 */
final class NeuronStructure {
    static final List<String> MODELS = List.of("allen_scnn1a", "hay2011_l5pc", "migliore2018_ca1");

    final String model;
    final JsonNode root;

    private NeuronStructure(String model, JsonNode root) {
        this.model = model;
        this.root = root;
    }

    static NeuronStructure load(String model) {
        String resource = "/reference/" + model + "/structure.json.gz";
        try (InputStream raw = NeuronStructure.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new NeuronStructure(model, new ObjectMapper().readTree(new GZIPInputStream(raw)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> sections() {
        List<JsonNode> list = new ArrayList<>();
        root.get("sections").forEach(list::add);
        return list;
    }

    /** The section's 3-D points exactly as NEURON holds them (the dump prints its floats exactly). */
    static float[][] points(JsonNode section) {
        JsonNode pts = section.get("pt3d");
        float[][] xyzd = new float[4][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            for (int k = 0; k < 4; k++) {
                double v = pts.get(i).get(k).asDouble();
                xyzd[k][i] = (float) v;
                if (xyzd[k][i] != v) {
                    throw new IllegalStateException(section.get("name").asText() + " pt3d " + i + ": " + v
                            + " is not a float");
                }
            }
        }
        return xyzd;
    }
}
