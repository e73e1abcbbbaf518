package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readers against NEURON 8.2.2's Import3d: each published morphology file gives the sections NEURON made from
 * it (names, order, parents, connection points) with the same 3-D points to the last bit of their floats. The
 * models replaced the imported axon afterwards, so the axon sections are left out on both sides.
 */
class ImportMatchesNeuronTest {

    @ParameterizedTest
    @CsvSource({
        "allen_scnn1a, Scnn1a_473845048_m.swc, SINGLE_POINT",
        "hay2011_l5pc, cell1.asc, CONTOUR",
        "migliore2018_ca1, mpg141209_A_idA.asc, CONTOUR"})
    void sameSectionsAndPointsAsNeuron(String model, String file, ImportedMorphology.SomaKind soma) throws Exception {
        ImportedMorphology imported = MorphologyReader.read(resource(model, file));
        NeuronStructure ref = NeuronStructure.load(model);
        List<JsonNode> expected = ref.sections().stream().filter(s -> !s.get("type").asText().equals("axon")).toList();
        List<ImportedSection> ours = imported.sections().stream().filter(s -> s.type() != 2).toList();

        assertThat(imported.soma()).isEqualTo(soma);
        assertThat(ours.stream().map(ImportedSection::name).toList())
                .as("section names in NEURON's order")
                .containsExactlyElementsOf(expected.stream().map(s -> s.get("name").asText()).toList());
        SoftAssertions soft = new SoftAssertions();
        int points = 0;
        for (int i = 0; i < ours.size(); i++) {
            ImportedSection s = ours.get(i);
            JsonNode e = expected.get(i);
            String parent = s.parent() < 0 ? null : imported.sections().get(s.parent()).name();
            soft.assertThat(parent).as(s.name() + " parent").isEqualTo(e.get("parent").isNull() ? null
                    : e.get("parent").asText());
            if (parent != null) {
                soft.assertThat(s.parentX()).as(s.name() + " parent x").isEqualTo(e.get("parent_x").asDouble());
            }
            float[][] p = NeuronStructure.points(e);
            soft.assertThat(s.points().size()).as(s.name() + " n3d").isEqualTo(p[0].length);
            for (int k = 0; k < Math.min(p[0].length, s.points().size()); k++) {
                String where = s.name() + " point " + k;
                soft.assertThat(s.points().x(k)).as(where + " x").isEqualTo(p[0][k]);
                soft.assertThat(s.points().y(k)).as(where + " y").isEqualTo(p[1][k]);
                soft.assertThat(s.points().z(k)).as(where + " z").isEqualTo(p[2][k]);
                soft.assertThat(s.points().diam(k)).as(where + " diam").isEqualTo(p[3][k]);
                points++;
            }
            soft.assertThat(s.lengthUm()).as(s.name() + " L").isEqualTo(e.get("L").asDouble());
        }
        soft.assertAll();
        assertThat(points).isGreaterThan(1000);
    }

    static Path resource(String model, String file) throws URISyntaxException {
        return Path.of(ImportMatchesNeuronTest.class.getResource("/reference/" + model + "/" + file).toURI());
    }
}
