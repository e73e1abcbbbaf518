package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;

/**
 * The sites by path distance of the bundled protocols, on the published morphologies, against the sections and x
 * NEURON 8.2.2 gave for them (each reference run's input.json in shared/reference/models/MODEL/protocols/NAME:
 * {@code section} and {@code x} or {@code x_requested}, copied here), bit for bit.
 */
class PublishedSitesTest {
    /** The published morphology files: spineformer-morphology's test copies (see its PROVENANCE.md), read in place. */
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");

    private static Morphology morphology(String model) {
        return CellAssembler.assemble(BundledDescriptions.get(model)
                .withMorphologyDirectory(MORPHOLOGY_FILES.resolve(model))).morphology();
    }

    private static void assertSite(Morphology m, Site site, String section, double x) {
        Sites.Resolved r = Sites.resolve(site, m, "test");
        assertThat(m.section(r.section()).name()).isEqualTo(section);
        assertThat(r.x()).isEqualTo(x); // measured: bit for bit NEURON's
    }

    @Test
    void haysBacFiringSitesAreNeuronsLocateSites() {
        Morphology m = morphology("hay2011_l5pc");
        Protocol p = BundledProtocols.get("hay2011_l5pc", "bac_firing");
        // the epsp at 620 um and the recordings at 400 and 620 um from apic[0](0)
        assertSite(m, p.stimuli().get(1).at(), "apic[36]", 0.9723256456527213);
        assertSite(m, ((Recording.AtSite) p.recordings().get(2)).at(), "apic[36]", 0.0753371051630125);
        assertSite(m, ((Recording.AtSite) p.recordings().get(3)).at(), "apic[36]", 0.9723256456527213);
    }

    @Test
    void miglioresApicalRecordingSite() {
        Morphology m = morphology("migliore2018_ca1");
        Protocol p = BundledProtocols.get("migliore2018_ca1", "fig4a_0p8");
        assertSite(m, ((Recording.AtSite) p.recordings().get(2)).at(), "apic[27]", 0.45451726638934375);
    }
}
