package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/**
 * The bundled {@code hay2011_l5pc_spiny} on Hay's own cell1.asc: the cell of {@code hay2011_l5pc} (same sections,
 * same painted values) plus 1500 spines on the apical tuft, the sections beyond the trunk's main bifurcation, found
 * here from NEURON's own structure dump of the model (apic[36]'s daughters and everything beyond them).
 */
class SpinyHayDescriptionTest {
    /** Where cell1.asc is: spineformer-morphology's test copy (see its PROVENANCE.md). */
    private static final Path MORPHOLOGY = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference", "hay2011_l5pc");
    /** The trunk section whose 1-end is the main bifurcation (its two daughters are both 1.8 um thick). */
    private static final String NEXUS = "apic[36]";
    private static final int SPINES = 1500;
    private static final int SPINES_PER_AXON = 10;
    /**
     * Positions are computed as (k + 1/2)*spacing minus a sum of section lengths, then divided and multiplied by the
     * section length: a few ulps of 4000 um.
     */
    private static final double POSITION_UM = 1e-9;

    private static AssembledCell spiny;
    private static AssembledCell plain;
    private static JsonNode neuron;

    @BeforeAll
    static void build() throws IOException {
        spiny = CellAssembler.assemble(BundledDescriptions.get("hay2011_l5pc_spiny").withMorphologyDirectory(MORPHOLOGY));
        plain = CellAssembler.assemble(BundledDescriptions.get("hay2011_l5pc").withMorphologyDirectory(MORPHOLOGY));
        try (InputStream in = new GZIPInputStream(SpinyHayDescriptionTest.class.getResourceAsStream(
                "/reference/models/hay2011_l5pc/structure.json.gz"))) {
            neuron = new ObjectMapper().readTree(in);
        }
    }

    /** NEURON's tuft: the sections whose parent chain reaches apic[36] through one of its daughters. */
    private static List<String> neuronTuft() {
        Map<String, String> parent = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (JsonNode s : neuron.get("sections")) {
            parent.put(s.get("name").asText(), s.get("parent").isNull() ? null : s.get("parent").asText());
            order.add(s.get("name").asText());
        }
        List<String> tuft = new ArrayList<>();
        for (String s : order) {
            for (String p = parent.get(s); p != null; p = parent.get(p)) {
                if (p.equals(NEXUS)) {
                    tuft.add(s);
                    break;
                }
            }
        }
        return tuft;
    }

    @Test
    void theTuftIsEverythingBeyondTheMainBifurcation() {
        List<String> tuft = neuronTuft();
        assertThat(tuft).hasSize(42).startsWith("apic[37]").endsWith("apic[78]");
        Morphology m = spiny.morphology();
        List<String> carrying = new ArrayList<>();
        for (AssembledCell.Spine sp : spiny.spines()) {
            String on = m.section(m.section(sp.neck()).parent()).name();
            if (!carrying.contains(on)) {
                carrying.add(on);
            }
        }
        // in tuft order; the 7 tuft sections shorter than 12 um get no group of 10 (see the next test)
        assertThat(carrying).isSubsetOf(tuft).hasSize(35);
        assertThat(carrying.stream().map(tuft::indexOf).toList()).isSorted();
        // NEURON's path distances: the nexus is the trunk's end at 636 um, and nothing else of apic reaches past it
        double nexus = 0;
        for (JsonNode s : neuron.get("sections")) {
            if (s.get("name").asText().equals(NEXUS)) {
                JsonNode segs = s.get("segments");
                // the last segment's centre plus half a segment
                nexus = segs.get(segs.size() - 1).get("distance_um").asDouble()
                        + s.get("L").asDouble() / (2 * segs.size());
            }
        }
        assertThat(nexus).isCloseTo(626.79, within(0.01));
        for (JsonNode s : neuron.get("sections")) {
            String name = s.get("name").asText();
            double first = s.get("segments").get(0).get("distance_um").asDouble();
            if (tuft.contains(name)) {
                assertThat(first).as(name).isGreaterThan(nexus);
            } else if (name.startsWith("apic")) {
                JsonNode segs = s.get("segments");
                assertThat(segs.get(segs.size() - 1).get("distance_um").asDouble()).as(name).isLessThan(nexus);
            }
        }
    }

    @Test
    void fifteenHundredSpinesInGroupsOfTenSharedOutByLength() {
        Morphology m = spiny.morphology();
        List<String> tuft = neuronTuft();
        double total = 0;
        for (String s : tuft) {
            total += m.section(m.indexOf(s)).lengthUm();
        }
        assertThat(total).isCloseTo(3567.68, within(0.01));
        assertThat(spiny.spines()).hasSize(SPINES);
        assertThat(spiny.synapses()).hasSize(2 * SPINES);
        Map<String, List<Double>> positions = new HashMap<>(); // section -> x of its spines, in spine order
        for (int k = 0; k < SPINES; k++) {
            Section neck = m.section(spiny.spines().get(k).neck());
            Section head = m.section(spiny.spines().get(k).head());
            assertThat(neck.name()).isEqualTo("spine_" + k + "_neck");
            assertThat(head.name()).isEqualTo("spine_" + k + "_head");
            assertThat(head.parent()).isEqualTo(spiny.spines().get(k).neck());
            positions.computeIfAbsent(m.section(neck.parent()).name(), s -> new ArrayList<>()).add(neck.parentX());
            // the paper's spine geometry
            assertThat(neck.lengthUm()).isEqualTo(1.0);
            assertThat(neck.diamUm()[0]).isEqualTo(0.1);
            assertThat(head.lengthUm()).isEqualTo(0.5);
            assertThat(head.diamUm()[0]).isEqualTo(0.5);
        }
        int sections = 0;
        for (String s : tuft) {
            List<Double> xs = positions.getOrDefault(s, List.of());
            double length = m.section(m.indexOf(s)).lengthUm();
            // a whole number of groups, less than one group from the section's share of the 150 by length
            assertThat(xs.size() % SPINES_PER_AXON).as(s).isZero();
            double quota = SPINES / SPINES_PER_AXON * length / total;
            assertThat((double) xs.size() / SPINES_PER_AXON).as(s).isGreaterThan(quota - 1).isLessThan(quota + 1);
            for (int j = 0; j < xs.size(); j++) {
                assertThat(xs.get(j) * length).as("%s spine %d", s, j)
                        .isCloseTo((j + 0.5) * length / xs.size(), within(POSITION_UM));
            }
            sections += xs.isEmpty() ? 0 : 1;
        }
        assertThat(sections).as("tuft sections with spines").isEqualTo(35);
    }

    @Test
    void eachAxonsTenNeighboursAreOnOneSection() {
        ExperimentSettings settings = BundledDescriptions.get("hay2011_l5pc_spiny").experiment();
        int[][] axons = settings.axons().resolve(SPINES);
        assertThat(axons).hasNumberOfRows(SPINES / SPINES_PER_AXON);
        assertThat(settings.queryAt()).isEqualTo(new Location("soma[0]", 0.5));
        assertThat(settings.bapWindowMs()).isEqualTo(30);
        Morphology m = spiny.morphology();
        double widest = 0;
        for (int a = 0; a < axons.length; a++) {
            assertThat(axons[a]).hasSize(SPINES_PER_AXON);
            int first = spiny.spines().get(axons[a][0]).neck();
            for (int k : axons[a]) {
                Section neck = m.section(spiny.spines().get(k).neck());
                assertThat(neck.parent()).as("axon %d spine %d", a, k).isEqualTo(m.section(first).parent());
            }
            Section lo = m.section(first), hi = m.section(spiny.spines().get(axons[a][SPINES_PER_AXON - 1]).neck());
            widest = Math.max(widest, (hi.parentX() - lo.parentX()) * m.section(lo.parent()).lengthUm());
        }
        // the densest short sections put an axon's spines closest, the sparsest furthest: 9 spacings of at most 3.6 um
        assertThat(widest).isLessThan(33.0);
    }

    @Test
    void theCellBesideTheSpinesIsHay2011L5pc() {
        Morphology s = spiny.morphology(), p = plain.morphology();
        List<String> names = new ArrayList<>();
        for (Section sec : s.sections()) {
            if (!sec.name().startsWith("spine_")) {
                names.add(sec.name());
            }
        }
        assertThat(names).containsExactlyElementsOf(p.sections().stream().map(Section::name).toList());
        for (int i = 0; i < p.size(); i++) {
            String name = p.section(i).name();
            int j = s.indexOf(name);
            assertThat(spiny.mechanisms().get(j)).as(name).usingRecursiveComparison()
                    .isEqualTo(plain.mechanisms().get(i));
        }
    }
}
