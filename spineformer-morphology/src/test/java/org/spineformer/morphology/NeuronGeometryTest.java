package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Pt3d;
import org.spineformer.engine.morph.Section;

/**
 * The engine's 3-D point geometry against NEURON 8.2.2: the three published models' sections, rebuilt from the
 * 3-D points, nseg, Ra and cm NEURON reports, give NEURON's arc lengths, and every segment NEURON's area, ri,
 * diameter and path distance.
 */
class NeuronGeometryTest {
    /**
     * Both sides compute the same operations on the same floats in the same order; what remains is NEURON storing ri
     * as 1/(1/ri) and the dump's 17 significant digits, a few ulps, far below this bound.
     */
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"allen_scnn1a", "hay2011_l5pc", "migliore2018_ca1"})
    void arcLengthsAreNeuronsToTheLastBit(String model) {
        NeuronStructure ref = NeuronStructure.load(model);
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (JsonNode s : ref.sections()) {
            if (s.get("n3d").asInt() == 0) {
                continue;
            }
            Pt3d pts = pt3d(ref, s);
            for (int i = 0; i < pts.size(); i++) {
                double expected = s.get("arc3d").get(i).asDouble();
                if (pts.arc(i) != expected) {
                    soft.fail("%s arc3d(%d): %s vs NEURON %s", s.get("name").asText(), i, pts.arc(i), expected);
                }
                compared++;
            }
        }
        soft.assertAll();
        assertThat(compared).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"allen_scnn1a", "hay2011_l5pc", "migliore2018_ca1"})
    void everySegmentHasNeuronsAreaResistanceDiameterAndDistance(String model) {
        NeuronStructure ref = NeuronStructure.load(model);
        assertNeuronsGeometry(ref, build(ref, false));
    }

    /**
     * The Allen axon stub's define_shape points (a straight line of constant diameter, last arc set to L) give the
     * geometry of plain cylinders: a description may make the stub a cylinder.
     */
    @Test
    void allensDefineShapeStubIsACylinder() {
        NeuronStructure ref = NeuronStructure.load("allen_scnn1a");
        assertNeuronsGeometry(ref, build(ref, true));
    }

    private static void assertNeuronsGeometry(NeuronStructure ref, Morphology m) {
        Discretization disc = new Discretization(m);
        int soma = m.indexOf("soma[0]");
        SoftAssertions soft = new SoftAssertions();
        int segments = 0;
        for (JsonNode s : ref.sections()) {
            int sec = m.indexOf(s.get("name").asText());
            Section ours = m.section(sec);
            close(soft, ours.name() + " L", ours.lengthUm(), s.get("L").asDouble());
            double[] diam = ours.diamUm();
            int j = 0;
            for (JsonNode seg : s.get("segments")) {
                String where = ours.name() + "(" + seg.get("x").asDouble() + ")";
                int node = disc.segmentNode(sec, j);
                close(soft, where + " area", disc.areaUm2(node), seg.get("area_um2").asDouble());
                close(soft, where + " ri", disc.riMOhm(node), seg.get("ri_MOhm").asDouble());
                close(soft, where + " diam", diam[j], seg.get("diam").asDouble());
                close(soft, where + " distance", m.pathDistance(soma, 0.5, sec, seg.get("x").asDouble()),
                        seg.get("distance_um").asDouble());
                j++;
                segments++;
            }
            close(soft, ours.name() + "(1) ri", disc.riMOhm(disc.node(sec, 1)),
                    s.get("node_1_end").get("ri_MOhm").asDouble());
        }
        soft.assertAll();
        assertThat(segments).isEqualTo(ref.root.get("n_segments").asInt());
    }

    /** The model's sections as NEURON reports them: 3-D points where it has them (unless asked), else cylinders. */
    static Morphology build(NeuronStructure ref, boolean axonAsCylinders) {
        Morphology m = new Morphology();
        Map<String, Integer> index = new HashMap<>();
        for (JsonNode s : ref.sections()) {
            String name = s.get("name").asText();
            int nseg = s.get("nseg").asInt();
            double[] cm = new double[nseg];
            double[] diam = new double[nseg];
            for (int j = 0; j < nseg; j++) {
                cm[j] = s.get("segments").get(j).get("cm").asDouble();
                diam[j] = s.get("segments").get(j).get("diam").asDouble();
            }
            int parent = s.get("parent").isNull() ? -1 : index.get(s.get("parent").asText());
            double parentX = parent < 0 ? 0 : s.get("parent_x").asDouble();
            double ra = s.get("Ra").asDouble();
            boolean cylinders = s.get("n3d").asInt() == 0 || axonAsCylinders && s.get("type").asText().equals("axon");
            Section section = cylinders
                    ? new Section(name, s.get("L").asDouble(), nseg, ra, cm, diam, parent, parentX)
                    : Section.withPoints(name, pt3d(ref, s), nseg, ra, cm, parent, parentX);
            index.put(name, m.add(section));
        }
        return m;
    }

    /**
     * A section's points; the Allen model's axon stub got its points from {@code define_shape}, which sets the last
     * arc length to L rather than to the sum of the float steps.
     */
    private static Pt3d pt3d(NeuronStructure ref, JsonNode s) {
        float[][] p = NeuronStructure.points(s);
        Pt3d pts = Pt3d.of(p[0], p[1], p[2], p[3]);
        boolean definedShape = ref.model.equals("allen_scnn1a") && s.get("type").asText().equals("axon");
        return definedShape ? pts.withLength(s.get("L").asDouble()) : pts;
    }

    private static void close(SoftAssertions soft, String what, double actual, double expected) {
        double tol = RELATIVE * Math.max(Math.abs(expected), Double.MIN_NORMAL);
        if (!(Math.abs(actual - expected) <= tol)) { // soft assertions only on failure: thousands of values
            soft.fail("%s: %s vs NEURON %s", what, actual, expected);
        }
    }
}
