package org.spineformer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/** A NEURON structure dump (test fixture) and morphologies made from its sections. */
final class NeuronStructure {
    final JsonNode root;

    private NeuronStructure(JsonNode root) {
        this.root = root;
    }

    static NeuronStructure load(String model) {
        try (InputStream in = new GZIPInputStream(NeuronStructure.class.getResourceAsStream(
                "/reference/models/" + model + "/structure.json.gz"))) {
            return new NeuronStructure(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode sections() {
        return root.get("sections");
    }

    /**
     * The dump's sections without its axon, as cylinders of the segment diameters (enough for painting: path
     * distance needs only lengths and connections), followed by {@code originalAxon}: what a morphology reader
     * gives before the description replaces the axon.
     */
    Morphology withoutAxon(Section originalAxon) {
        Morphology m = new Morphology();
        for (JsonNode s : sections()) {
            if (s.get("type").asText().equals("axon")) {
                continue;
            }
            int nseg = s.get("nseg").asInt();
            double[] diam = new double[nseg];
            double[] cm = new double[nseg];
            for (int j = 0; j < nseg; j++) {
                diam[j] = s.get("segments").get(j).get("diam").asDouble();
                cm[j] = 1;
            }
            boolean root = s.get("parent").isNull();
            m.add(new Section(s.get("name").asText(), s.get("L").asDouble(), nseg, 1, cm, diam,
                    root ? -1 : m.indexOf(s.get("parent").asText()), root ? 0 : s.get("parent_x").asDouble()));
        }
        m.add(new Section(originalAxon.name(), originalAxon.lengthUm(), originalAxon.nseg(), 1,
                originalAxon.cmUfPerCm2(), originalAxon.diamUm(), m.indexOf("soma[0]"), originalAxon.parentX()));
        return m;
    }

    JsonNode section(String name) {
        for (JsonNode s : sections()) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no section " + name + " in the dump");
    }
}
