package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.DescriptionReader;

/**
 * Models of the bundled papers that are not bundled (Hay et al. 2011's biophysics 1, 2 and 4 and biophysics 3 on
 * its other morphologies; Migliore et al. 2018's other cells), written as cell descriptions from their authors'
 * numbers and rules ({@code published_variants/*.json}), run with the authors' mod files, against NEURON 8.2.2
 * building each from the authors' own hoc: the soma spike times in {@code published_variants/neuron_spikes.json}
 * (its PROVENANCE says how they were recorded). Issue 18's "models you have not seen".
 *
 * <p>Needs the model's mod folder ({@code -Dspineformer.modDir.hay2011_l5pc=DIR},
 * {@code -Dspineformer.modDir.migliore2018_ca1=DIR}) and {@code -Dspineformer.publishedModels=DIR}, a folder
 * holding the authors' morphology files at any depth (clones of ModelDB 139653 and 244688). Without them each run
 * reports itself skipped by name.
 */
@Tag("validation")
class PublishedVariantsMatchNeuronTest {
    private static final String FOLDER = "/published_variants/";

    @ParameterizedTest(name = "{0} {1} nA")
    @CsvSource({
        "hay2011_l5pc_biophys1, 0.45", "hay2011_l5pc_biophys1, 1.0",
        "hay2011_l5pc_biophys2, 0.45", "hay2011_l5pc_biophys2, 1.0",
        "hay2011_l5pc_biophys4, 0.45", "hay2011_l5pc_biophys4, 1.0",
        "hay2011_l5pc_cell2, 0.45", "hay2011_l5pc_cell2, 1.0",
        "hay2011_l5pc_cell3, 0.45", "hay2011_l5pc_cell3, 1.0",
        "migliore2018_pyr04, 0.4", "migliore2018_pyr04, 0.8",
        "migliore2018_cnac08, 0.2", "migliore2018_cnac08, 0.5"})
    void spikesAsInNeuron(String model, String ampNa) {
        String run = model + " " + ampNa + " nA";
        JsonNode fixture = json("neuron_spikes.json");
        JsonNode entry = fixture.get("models").get(model);
        String modProperty = "spineformer.modDir." + entry.get("mod_dir_of").asText();
        String modDir = System.getProperty(modProperty, "");
        assumeTrue(!modDir.isBlank(), run + " skipped: no -D" + modProperty + "=FOLDER given");
        String models = System.getProperty("spineformer.publishedModels", "");
        assumeTrue(!models.isBlank(), run + " skipped: no -Dspineformer.publishedModels=FOLDER (the authors' "
                + "morphology files) given");
        Path morphology = AllenFitsMatchNeuronTest.find("spineformer.publishedModels", models,
                entry.get("morphology").asText());
        CellDescription description;
        try (InputStream in = resource(model + ".json")) {
            description = DescriptionReader.read(in, model + ".json").withMorphologyDirectory(morphology.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AssembledCell cell = CellAssembler.assemble(description);
        assertThat(cell.morphology().size()).as(model + " sections, as NEURON built them")
                .isEqualTo(entry.get("sections").asInt());
        AllenFitsMatchNeuronTest.spikesAsNeuron(run, cell, ampNa, fixture.get("spike_threshold_mV").asDouble(),
                Path.of(modDir), entry.get("soma_spike_times_ms").get(ampNa));
    }

    private static InputStream resource(String name) {
        return PublishedVariantsMatchNeuronTest.class.getResourceAsStream(FOLDER + name);
    }

    private static JsonNode json(String name) {
        try (InputStream in = resource(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
