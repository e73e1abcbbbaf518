package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/** The built cell against NEURON's own dump of the paper's cell, number by number. */
class CellStructureTest {
    /**
     * The acceptance bound for geometry and parameters. Both sides compute the same formulas in doubles; the
     * differences are a few ulps (the apical diameters go through exp/log/pow), far below it.
     */
    private static final double RELATIVE = 1e-9;
    /** NEURON's AMPA_WITH_CA default threshold: the structure dump's stand-in for "no potentiation". */
    private static final double NEURON_NO_POTENTIATION_THRESHOLD = 1e50;

    private static JsonNode reference;
    private static PyramidalCell cell;
    private static Simulation sim;

    @BeforeAll
    static void build() throws IOException {
        try (InputStream in = new GZIPInputStream(CellStructureTest.class.getResourceAsStream(
                "/reference/cell/structure.json.gz"))) {
            reference = new ObjectMapper().readTree(in);
        }
        cell = PyramidalCell.build(CellParameters.paper());
        sim = cell.simulation(PyramidalCell.DT_MS, PyramidalCell.CELSIUS);
    }

    @Test
    void sameSectionsConnectedAtTheSamePoints() {
        Morphology m = cell.morphology();
        assertThat(m.size()).isEqualTo(reference.get("n_sections").asInt());
        SoftAssertions soft = new SoftAssertions();
        int segments = 0;
        for (JsonNode s : reference.get("sections")) {
            Section ours = m.section(m.indexOf(s.get("name").asText()));
            segments += ours.nseg();
            soft.assertThat(ours.nseg()).as(ours.name() + " nseg").isEqualTo(s.get("nseg").asInt());
            close(soft, ours.name() + " L", ours.lengthUm(), s.get("L").asDouble());
            close(soft, ours.name() + " Ra", ours.raOhmCm(), s.get("Ra").asDouble());
            if (s.get("parent").isNull()) {
                soft.assertThat(ours.parent()).as(ours.name() + " is the root").isEqualTo(-1);
            } else {
                soft.assertThat(m.section(ours.parent()).name()).as(ours.name() + " parent")
                        .isEqualTo(s.get("parent").asText());
                close(soft, ours.name() + " parent x", ours.parentX(), s.get("parent_x").asDouble());
            }
        }
        soft.assertThat(segments).isEqualTo(reference.get("n_segments").asInt());
        soft.assertAll();
    }

    @Test
    void everySegmentHasNeuronsAreaResistanceDiameterCapacitanceAndDistance() {
        Morphology m = cell.morphology();
        Discretization disc = sim.discretization();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode s : reference.get("sections")) {
            int sec = m.indexOf(s.get("name").asText());
            double[] diam = m.section(sec).diamUm();
            double[] cm = m.section(sec).cmUfPerCm2();
            int j = 0;
            for (JsonNode seg : s.get("segments")) {
                String where = s.get("name").asText() + "(" + seg.get("x").asDouble() + ")";
                int node = disc.segmentNode(sec, j);
                close(soft, where + " area", disc.areaUm2(node), seg.get("area_um2").asDouble());
                close(soft, where + " ri", disc.riMOhm(node), seg.get("ri_MOhm").asDouble());
                close(soft, where + " diam", diam[j], seg.get("diam").asDouble());
                close(soft, where + " cm", cm[j], seg.get("cm").asDouble());
                close(soft, where + " distance", m.pathDistance(cell.somaSection(), 0, sec, seg.get("x").asDouble()),
                        seg.get("distance_um").asDouble());
                j++;
            }
        }
        soft.assertAll();
    }

    @Test
    void everySegmentHasNeuronsMechanismsAndParameters() {
        Morphology m = cell.morphology();
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (JsonNode s : reference.get("sections")) {
            int sec = m.indexOf(s.get("name").asText());
            int j = 0;
            for (JsonNode seg : s.get("segments")) {
                String where = s.get("name").asText() + "(" + seg.get("x").asDouble() + ")";
                JsonNode mechs = seg.get("mechanisms");
                Set<String> neuron = new HashSet<>();
                Map<String, Double> ions = Map.of(
                        "ena", mechs.path("na_ion").path("ena").asDouble(Double.NaN),
                        "ek", mechs.path("k_ion").path("ek").asDouble(Double.NaN));
                for (Iterator<Map.Entry<String, JsonNode>> it = mechs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String mech = e.getKey();
                    if (mech.endsWith("_ion")) {
                        continue;
                    }
                    neuron.add(mech);
                    if (!sim.has(mech)) {
                        soft.fail(where + ": NEURON has " + mech + ", the built cell has none at all");
                        continue;
                    }
                    MechanismBlock block = sim.block(mech);
                    int instance = sim.densityInstance(mech, sec, j);
                    for (FieldSpec f : block.mechanism().fields()) {
                        if (f.role() != FieldRole.PARAMETER) {
                            continue;
                        }
                        JsonNode value = e.getValue().get(f.name() + "_" + mech);
                        if (value == null && mech.equals("cadspine")) {
                            value = reference.get("cadspine_globals").get(f.name()); // GLOBALs in the mod file
                        }
                        Double expected = value != null ? Double.valueOf(value.asDouble()) : ions.get(f.name());
                        if (expected != null && !expected.isNaN()) {
                            close(soft, where + " " + mech + "." + f.name(), block.get(f.name(), instance), expected);
                            compared++;
                        }
                    }
                }
                for (String ours : densityMechanismsAt(sec)) {
                    soft.assertThat(neuron).as(where + " mechanisms").contains(ours);
                }
                j++;
            }
        }
        soft.assertThat(compared).as("parameters compared").isGreaterThan(20000);
        soft.assertAll();
    }

    @Test
    void everySynapseHasNeuronsParametersWeightsAndDelays() {
        CellParameters.Synapses sy = cell.parameters().synapses();
        MechanismBlock ampa = sim.block("AMPA_WITH_CA");
        MechanismBlock nmda = sim.block("NMDA");
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode syn : reference.get("synapses")) {
            int k = syn.get("spine").asInt();
            soft.assertThat(ampa.node(cell.ampa(k).instance())).as("spine %d AMPA at the head's centre", k)
                    .isEqualTo(sim.discretization().segmentNode(cell.spineHeadSection(k), 0));
            soft.assertThat(nmda.node(cell.nmda(k).instance())).isEqualTo(ampa.node(cell.ampa(k).instance()));
            compareSynapse(soft, "spine " + k + " AMPA_WITH_CA", ampa, cell.ampa(k).instance(), syn.get("ampa"));
            compareSynapse(soft, "spine " + k + " NMDA", nmda, cell.nmda(k).instance(), syn.get("nmda"));
            close(soft, "spine " + k + " AMPA weight", sy.ampaWeight(), syn.get("ampa").get("netcon_weight").asDouble());
            close(soft, "spine " + k + " NMDA weight", sy.nmdaWeight(), syn.get("nmda").get("netcon_weight").asDouble());
            close(soft, "spine " + k + " AMPA delay", sy.netconDelayMs(), syn.get("ampa").get("netcon_delay").asDouble());
            close(soft, "spine " + k + " NMDA delay", sy.netconDelayMs(), syn.get("nmda").get("netcon_delay").asDouble());
        }
        soft.assertAll();
    }

    private static void compareSynapse(SoftAssertions soft, String what, MechanismBlock block, int instance,
                                       JsonNode params) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("netcon_")) {
                continue;
            }
            double expected = e.getValue().asDouble();
            double actual = block.get(e.getKey(), instance);
            if (e.getKey().equals("ca_potentiation_threshold") && expected == NEURON_NO_POTENTIATION_THRESHOLD) {
                soft.assertThat(actual).as(what + " threshold: no potentiation").isEqualTo(Double.POSITIVE_INFINITY);
            } else {
                close(soft, what + "." + e.getKey(), actual, expected);
            }
        }
    }

    private static Set<String> densityMechanismsAt(int section) {
        Set<String> names = new HashSet<>();
        for (String mech : new String[] {"pas", "BahlEtAl_2012_nat", "BahlEtAl_2012_nap", "BahlEtAl_2012_kfast",
                "BahlEtAl_2012_kslow", "BahlEtAl_2012_km", "BahlEtAl_2012_ih", "NaTa_t", "SKv3_1", "Im", "cadspine"}) {
            try {
                sim.densityInstance(mech, section, 0);
                names.add(mech);
            } catch (IllegalArgumentException absent) {
                // not inserted in this section
            }
        }
        return names;
    }

    private static void close(SoftAssertions soft, String what, double actual, double expected) {
        double tol = RELATIVE * Math.max(Math.abs(expected), Double.MIN_NORMAL);
        soft.assertThat(Math.abs(actual - expected)).as("%s: %s vs NEURON %s", what, actual, expected)
                .isLessThanOrEqualTo(tol);
    }
}
