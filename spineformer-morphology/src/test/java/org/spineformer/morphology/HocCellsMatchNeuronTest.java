package org.spineformer.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;
import org.spineformer.engine.morph.SegmentGeometry;

/**
 * The hoc reader against NEURON 8.2.2 running published cells given as hoc code that goes beyond 3-D points:
 * Mainen and Sejnowski 1996's lcAS3 (ModelDB 2488, {@code cells/lcAS3.hoc}: L and diam set by code, in
 * {@code forall}, section blocks and loops) and j4a ({@code cells/j4a.hoc}: nseg, 3-D points and connections read by
 * {@code fscan()} from the numbers after the code in the same file, the soma given by L and diam). NEURON ran each
 * file with {@code xopen} and then set nseg = {@value #NSEG} everywhere (test resources {@code hoc_neuron/}, with
 * their provenance): the same sections, parents and connection points, the same L and, per segment, the same area
 * and diameter, ri within {@link #RI_RELATIVE}.
 *
 * <p>Needs {@code -Dspineformer.publishedModels=DIR} (folders joined by ':') holding the files (a clone of
 * ModelDBRepository/2488); skipped by name without them. The files are the authors' and are not in this repository.
 */
class HocCellsMatchNeuronTest {
    /** nseg NEURON's dump gave every section, so that diameters are compared segment by segment. */
    private static final int NSEG = 3;
    /** Ra of the dump: NEURON's default (ohm cm). */
    private static final double RA = 35.4;
    /**
     * ri relative to NEURON's: a half segment's resistance of 3-D points is summed piece by piece in NEURON's
     * order; the last bit can differ (measured at most 1.5e-16 on the five files of session 35).
     */
    private static final double RI_RELATIVE = 4e-16;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lcAS3.hoc, mainen1996_lcAS3.json", "j4a.hoc, mainen1996_j4a.json"})
    void sameGeometryAsNeuron(String file, String fixture) throws IOException {
        Path path = find(file);
        assumeTrue(path != null, file + " skipped: no -Dspineformer.publishedModels=DIR holding it (ModelDB 2488,"
                + " cells/" + file + ")");
        JsonNode neuron = new ObjectMapper().readTree(resource(fixture)).get("sections");
        Morphology ours = MorphologyReader.read(path).toMorphology(s -> NSEG, s -> RA, s -> 1);
        assertThat(ours.size()).as(file + " sections").isEqualTo(neuron.size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            index.put(ours.section(i).name(), i);
        }
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode n : neuron) {
            String name = n.get("name").asText();
            Integer i = index.get(name);
            if (i == null) {
                soft.fail("%s: no section %s", file, name);
                continue;
            }
            Section s = ours.section(i);
            soft.assertThat(s.parent() < 0 ? null : ours.section(s.parent()).name()).as(name + " parent")
                    .isEqualTo(n.get("parent").isNull() ? null : n.get("parent").asText());
            if (s.parent() >= 0) {
                soft.assertThat(s.parentX()).as(name + " parent x").isEqualTo(n.get("parent_x").asDouble());
            }
            soft.assertThat(s.lengthUm()).as(name + " L").isEqualTo(n.get("L").asDouble());
            soft.assertThat(s.pt3d() == null ? 0 : s.pt3d().size()).as(name + " n3d").isEqualTo(n.get("n3d").asInt());
            SegmentGeometry g = s.geometry();
            for (int j = 0; j < NSEG; j++) {
                JsonNode seg = n.get("segs").get(j);
                soft.assertThat(g.areaUm2()[j]).as(name + " area " + j).isEqualTo(seg.get("area").asDouble());
                soft.assertThat(g.diamUm()[j]).as(name + " diam " + j).isEqualTo(seg.get("diam").asDouble());
                // NEURON's ri(seg): this segment's left half and the previous segment's right half
                double ri = g.leftHalfMOhm()[j] + (j > 0 ? g.rightHalfMOhm()[j - 1] : 0);
                soft.assertThat(Math.abs(ri / seg.get("ri").asDouble() - 1)).as(name + " ri " + j)
                        .isLessThanOrEqualTo(RI_RELATIVE);
            }
        }
        soft.assertAll();
    }

    /** The file in one of the folders of -Dspineformer.publishedModels (searched below each), or null. */
    private static Path find(String file) throws IOException {
        String folders = System.getProperty("spineformer.publishedModels", "");
        for (String folder : folders.isBlank() ? new String[0] : folders.split(":")) {
            if (!Files.isDirectory(Path.of(folder))) {
                continue;
            }
            try (Stream<Path> all = Files.walk(Path.of(folder))) {
                Path hit = all.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElse(null);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private static InputStream resource(String name) {
        InputStream in = HocCellsMatchNeuronTest.class.getResourceAsStream("/hoc_neuron/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource hoc_neuron/" + name));
        }
        return in;
    }
}
