package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.model.AllenFitReader;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.protocol.BundledProtocols;
import org.spineformer.model.protocol.Protocol;
import org.spineformer.model.protocol.ProtocolReader;

/**
 * Allen Cell Types models, perisomatic and all-active, read from their authors' fit.json and morphology file by
 * {@link AllenFitReader}, run with the authors' mod files, against NEURON 8.2.2 building the same model by the Allen
 * recipe the fit calls for (issue 18's "models you have not seen").
 *
 * <p>472363762 against the full reference runs of {@code shared/reference/models/allen_scnn1a} (spikes, v and cai,
 * as {@link PublishedProtocolsMatchNeuronTest} checks the bundled description): needs
 * {@code -Dspineformer.modDir.allen_scnn1a=DIR} and {@code -Dspineformer.sharedReference=DIR}. The other fits against
 * NEURON's soma spike times in {@code allen_fits/neuron_spikes.json} (its PROVENANCE says how they were recorded):
 * needs {@code -Dspineformer.modDir.allen_scnn1a=DIR} and {@code -Dspineformer.allenModels=DIR}, a folder holding the
 * fit.json and morphology files at any depth (a bmtk clone: its {@code bmtk/utils/scripts/bionet} has the fits and
 * morphologies, {@code examples/bio_all_active_sweep} the all-active 491766131's fit_parameters.json and
 * reconstruction.swc). Without them each run reports itself skipped by name.
 */
@Tag("validation")
class AllenFitsMatchNeuronTest {
    private static final String FIXTURE = "/allen_fits/neuron_spikes.json";

    @ParameterizedTest(name = "472363762 {0}")
    @ValueSource(strings = {"step_0p05", "step_0p08", "step_0p3"})
    void scnn1aFromItsFitMatchesTheReference(String protocol) {
        Path modDir = modDir("472363762 " + protocol);
        String shared = System.getProperty("spineformer.sharedReference", "");
        assumeTrue(!shared.isBlank(), "472363762 " + protocol + " skipped: no -Dspineformer.sharedReference="
                + ".../shared/reference given");
        Path model = Path.of(shared, "models", "allen_scnn1a");
        Path inputs = model.resolve("input_files");
        AssembledCell cell = CellAssembler.assemble(AllenFitReader.read(inputs.resolve("472363762_fit.json"),
                inputs.resolve("Scnn1a_473845048_m.swc"), "472363762"));
        PublishedProtocolsMatchNeuronTest.matchesNeuron("472363762 " + protocol, cell,
                BundledProtocols.get("allen_scnn1a", protocol), modDir, model.resolve("protocols").resolve(protocol));
    }

    @ParameterizedTest(name = "{0} {1} nA")
    @CsvSource({
        "473863510, 0.05", "473863510, 0.08", "473863510, 0.3", "473863510, 0.6",
        "473863035, 0.05", "473863035, 0.08", "473863035, 0.3", "473863035, 0.6",
        "472912177, 0.05", "472912177, 0.08", "472912177, 0.3", "472912177, 0.6",
        "473862421, 0.05", "473862421, 0.08", "473862421, 0.3", "473862421, 0.6",
        "485184849, 0.05", "485184849, 0.08", "485184849, 0.3", "485184849, 0.6",
        "318331342, 0.3", "318331342, 0.6", "318331342, 1.5", "318331342, 2.5",
        "491766131, 0.1", "491766131, 0.2", "491766131, 0.4"})
    void fitSpikesAsInNeuron(String model, String ampNa) {
        Path modDir = modDir(model + " " + ampNa + " nA");
        String folder = System.getProperty("spineformer.allenModels", "");
        assumeTrue(!folder.isBlank(), model + " " + ampNa + " nA skipped: no -Dspineformer.allenModels=FOLDER "
                + "(the fit.json and morphology files) given");
        JsonNode fixture = fixture();
        JsonNode entry = fixture.get("models").get(model);
        String property = "spineformer.allenModels";
        AssembledCell cell = CellAssembler.assemble(AllenFitReader.read(find(property, folder,
                entry.get("fit").asText()), find(property, folder, entry.get("morphology").asText()), model));
        assertThat(cell.morphology().size()).as(model + " sections, as NEURON built them")
                .isEqualTo(entry.get("sections").asInt());
        spikesAsNeuron(model + " " + ampNa + " nA", cell, ampNa, fixture.get("spike_threshold_mV").asDouble(),
                modDir, entry.get("soma_spike_times_ms").get(ampNa));
    }

    /**
     * Runs {@code cell} on the fixtures' protocol (a 1 s step of {@code ampNa} at soma[0](0.5), v_init and celsius
     * the cell's) and checks its soma spikes against NEURON's {@code times}: as many, each within issue 18's bound.
     */
    static PublishedProtocolsMatchNeuronTest.Run spikesAsNeuron(String run, AssembledCell cell, String ampNa,
                                                                double thresholdMv, Path modDir, JsonNode times) {
        return spikesAsNeuron(run, cell, "soma[0]", new Step(ampNa, STEP_DELAY_MS, STEP_DUR_MS, STEP_TSTOP_MS),
                thresholdMv, modDir, times);
    }

    /** The fixtures' step: 1 s from 200 ms, run for 1400 ms. */
    static final double STEP_DELAY_MS = 200, STEP_DUR_MS = 1000, STEP_TSTOP_MS = 1400;

    /** A current step at the soma's middle: amplitude (as the fixtures key it), delay, duration, and the run's end. */
    record Step(String ampNa, double delayMs, double durMs, double tstopMs) {
    }

    /** The same with the spikes at {@code soma}(0.5) (a hoc cell's soma may be {@code soma}) and another step. */
    static PublishedProtocolsMatchNeuronTest.Run spikesAsNeuron(String run, AssembledCell cell, String soma,
                                                                Step step, double thresholdMv, Path modDir,
                                                                JsonNode times) {
        PublishedProtocolsMatchNeuronTest.Run result = PublishedProtocolsMatchNeuronTest.run(cell,
                step(soma, step, thresholdMv), modDir);
        List<Double> ours = result.spikeTimesMs();
        List<Double> neuron = new ArrayList<>();
        times.forEach(t -> neuron.add(t.asDouble()));
        double worst = 0;
        for (int i = 0; i < Math.min(ours.size(), neuron.size()); i++) {
            worst = Math.max(worst, Math.abs(ours.get(i) - neuron.get(i)));
        }
        System.out.printf(Locale.ROOT, "%s: %d soma spikes (NEURON %d), times within %.3g ms%n", run, ours.size(),
                neuron.size(), worst);
        assertThat(ours).as(run + ": soma spikes, NEURON's " + neuron).hasSameSizeAs(neuron);
        assertThat(worst).as(run + ": spike times " + ours + ", NEURON's " + neuron)
                .isLessThanOrEqualTo(PublishedProtocolsMatchNeuronTest.SPIKE_TIME_MS);
        return result;
    }

    private static Path modDir(String run) {
        String dir = System.getProperty("spineformer.modDir.allen_scnn1a", "");
        assumeTrue(!dir.isBlank(), run + " skipped: no -Dspineformer.modDir.allen_scnn1a=FOLDER given");
        return Path.of(dir);
    }

    private static Protocol step(String soma, Step step, double thresholdMv) {
        String json = String.format(Locale.ROOT, "{\"format\": \"spineformer-protocol/1\", \"tstop\": %s, "
                + "\"dt\": 0.025, \"spike_threshold_mV\": %s, \"stimuli\": [{\"type\": \"IClamp\", \"at\": "
                + "{\"section\": \"%s\", \"x\": 0.5}, \"amp_nA\": %s, \"delay_ms\": %s, \"dur_ms\": %s}], "
                + "\"record\": [{\"variable\": \"v\", \"at\": {\"section\": \"%s\", \"x\": 0.5}}]}",
                step.tstopMs(), thresholdMv, soma, step.ampNa(), step.delayMs(), step.durMs(), soma);
        return ProtocolReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "step " + step.ampNa());
    }

    private static JsonNode fixture() {
        try (InputStream in = AllenFitsMatchNeuronTest.class.getResourceAsStream(FIXTURE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file of this name at any depth under {@code folders} (one folder, or several joined by the platform's path
     * separator, ':' on Linux), given by system property {@code property}.
     */
    static Path find(String property, String folders, String name) {
        Path found = findOrNull(folders, name);
        if (found == null) {
            throw new IllegalArgumentException("-D" + property + "=" + folders + " holds no " + name);
        }
        return found;
    }

    /** {@link #find}, or null when no folder holds the file. */
    static Path findOrNull(String folders, String name) {
        for (String folder : folders.split(File.pathSeparator)) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                Optional<Path> found = files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
