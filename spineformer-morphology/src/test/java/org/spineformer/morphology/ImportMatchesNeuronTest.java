package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.morph.Morphology;

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
        ImportedMorphology imported = MorphologyReader.read(resource(model, file)).withoutType(2);
        NeuronStructure ref = NeuronStructure.load(model);
        List<JsonNode> expected = ref.sections().stream().filter(s -> !s.get("type").asText().equals("axon")).toList();
        List<ImportedSection> ours = imported.sections();

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
                float[] got = {s.points().x(k), s.points().y(k), s.points().z(k), s.points().diam(k)};
                float[] want = {p[0][k], p[1][k], p[2][k], p[3][k]};
                if (!Arrays.equals(got, want)) {
                    soft.fail("%s point %d: %s vs NEURON %s", s.name(), k, Arrays.toString(got), Arrays.toString(want));
                }
                points++;
            }
            soft.assertThat(s.lengthUm()).as(s.name() + " L").isEqualTo(e.get("L").asDouble());
        }
        soft.assertAll();
        assertThat(points).isGreaterThan(1000);
    }

    /**
     * Built into an engine morphology with NEURON's nseg, Ra and cm, the imported sections give NEURON's segment
     * areas, resistances, diameters and path distances (the imported axon, which the models replaced, gets nseg 1
     * and is not compared).
     */
    @ParameterizedTest
    @CsvSource({
        "allen_scnn1a, Scnn1a_473845048_m.swc",
        "hay2011_l5pc, cell1.asc",
        "migliore2018_ca1, mpg141209_A_idA.asc"})
    void importedSectionsHaveNeuronsSegmentGeometry(String model, String file) throws Exception {
        ImportedMorphology imported = MorphologyReader.read(resource(model, file));
        NeuronStructure ref = NeuronStructure.load(model);
        Map<String, JsonNode> byName = new HashMap<>();
        ref.sections().forEach(s -> byName.put(s.get("name").asText(), s));
        JsonNode soma = byName.get("soma[0]");
        Morphology m = imported.toMorphology(
                s -> s.type() == 2 ? 1 : byName.get(s.name()).get("nseg").asInt(),
                s -> soma.get("Ra").asDouble(),
                s -> s.type() == 2 ? 1 : byName.get(s.name()).get("segments").get(0).get("cm").asDouble());
        Discretization disc = new Discretization(m);
        int somaIndex = m.indexOf("soma[0]");
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (JsonNode s : ref.sections()) {
            if (s.get("type").asText().equals("axon")) {
                continue;
            }
            int sec = m.indexOf(s.get("name").asText());
            soft.assertThat(m.section(sec).raOhmCm()).isEqualTo(s.get("Ra").asDouble());
            double[] diam = m.section(sec).diamUm();
            int j = 0;
            for (JsonNode seg : s.get("segments")) {
                String where = s.get("name").asText() + "(" + seg.get("x").asDouble() + ")";
                int node = disc.segmentNode(sec, j);
                close(soft, where + " area", disc.areaUm2(node), seg.get("area_um2").asDouble());
                close(soft, where + " ri", disc.riMOhm(node), seg.get("ri_MOhm").asDouble());
                close(soft, where + " diam", diam[j], seg.get("diam").asDouble());
                close(soft, where + " distance", m.pathDistance(somaIndex, 0.5, sec, seg.get("x").asDouble()),
                        seg.get("distance_um").asDouble());
                j++;
                compared++;
            }
        }
        soft.assertAll();
        assertThat(compared).isGreaterThan(200);
    }

    /** As NeuronGeometryTest: the same operations on the same floats; 1/(1/ri) and 17-digit printing remain. */
    private static final double RELATIVE = 1e-9;

    private static void close(SoftAssertions soft, String what, double actual, double expected) {
        double tol = RELATIVE * Math.max(Math.abs(expected), Double.MIN_NORMAL);
        if (!(Math.abs(actual - expected) <= tol)) { // soft assertions only on failure: thousands of values
            soft.fail("%s: %s vs NEURON %s", what, actual, expected);
        }
    }

    static Path resource(String model, String file) throws URISyntaxException {
        return Path.of(ImportMatchesNeuronTest.class.getResource("/reference/" + model + "/" + file).toURI());
    }
}
