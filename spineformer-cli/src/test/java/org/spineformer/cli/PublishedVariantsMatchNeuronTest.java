package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.DescriptionReader;
import org.spineformer.model.protocol.Protocol;
import org.spineformer.model.protocol.ProtocolReader;

/**
 * Published models that are not bundled, written as cell descriptions from their authors' numbers and rules
 * ({@code published_variants/*.json}), run with the authors' mod files, against NEURON 8.2.2 building each from the
 * authors' own hoc: the soma spike times in {@code published_variants/neuron_spikes.json} and, where it holds them,
 * NEURON's soma v every few ms (its PROVENANCE says how they were recorded). Issue 18's "models you have not seen":
 * Hay et al. 2011's biophysics 1, 2 and 4 and biophysics 3 on its other morphologies, Migliore et al. 2018's other
 * cells, Eyal et al. 2016's human L2/3 cells (spines folded into cm and g_pas, a hand-built 6 mm axon), and Branco
 * et al. 2010's L2/3 cell (a morphology in hoc, nseg by the d_lambda rule before the membrane is set, then tripled,
 * a fixed eca, Mainen's channels with a GLOBAL set while their TABLEs are built), and Mainen and Sejnowski 1996's
 * cells j7 and j8 (an axon made by code whose diameters read the soma's area, spines folded in by hoc's scaling of L
 * and diam, each run with the authors' own step: the fixture's {@code step}), and the two others of their Figure 1,
 * whose hoc goes further: lcAS3 (every section given by L and diam set by code, no spines) and j4a (its nseg, 3-D
 * points and connections read by {@code fscan()} from the data after the code, a soma of L and diam); and Almog and
 * Korngreen 2014's L5 pyramid (densities interpolated between each apical section's ends, caps read at sections'
 * middles, an axon made by code from one soma segment's area) on its authors' own run, bac6.ses after their init()
 * of 38 steps of 10 ms ({@link #authorsProtocolAsInNeuron}); and Hallermann et al. 2012's L5 pyramid with its
 * myelinated axon (densities on parts of the axon initial segment, {@code gbar(x1:x2) = y1:y2}) on its authors' run,
 * a soma step after their init() of 1000 steps of 0.5 ms; and Larkum et al. 2009's L5 pyramid (a .cll file, lengths
 * and diameters set by hoc's assignments, every apical section a cylinder of 1.2 times its middle diameter, an axon
 * section added without deleting one, channels painted by hand-made section lists and a hot zone by path distance)
 * on its authors' run (a glutamate synapse on the tuft) and two soma steps at the same settings; and Golding et al.
 * 2001's CA1 pyramid (its dendrites and its axon in two hoc files run one after the other, nseg set section by
 * section, spines folded in by path distance) on its authors' Figure 9 run and two soma steps.
 *
 * <p>Needs the model's mod folder ({@code -Dspineformer.modDir.hay2011_l5pc=DIR},
 * {@code -Dspineformer.modDir.migliore2018_ca1=DIR}, {@code -Dspineformer.modDir.eyal2016=DIR},
 * {@code -Dspineformer.modDir.branco2010=DIR}, {@code -Dspineformer.modDir.mainen1996=DIR},
 * {@code -Dspineformer.modDir.almog2014=DIR}, {@code -Dspineformer.modDir.hallermann2012=DIR},
 * {@code -Dspineformer.modDir.larkum2009=DIR}, {@code -Dspineformer.modDir.golding2001=DIR}: the folder fig09 of
 * 64167's dichotomy.zip; the passive models need none) and
 * {@code -Dspineformer.publishedModels=DIR}, a folder (or several, joined by ':') holding the authors' morphology files
 * at any depth (clones of ModelDB 139653, 244688, 195667, 140828, 2488, 151825, 144526, 124043 and 64167, the
 * last with its dichotomy.zip unzipped). Without
 * them, or without the model's morphology file in those folders, each run reports itself skipped by name.
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
        "migliore2018_cnac08, 0.2", "migliore2018_cnac08, 0.5",
        "eyal2016_human_l23_cm045, 0.2", "eyal2016_human_l23_cm045, 0.4", "eyal2016_human_l23_cm045, 0.8",
        "eyal2016_human_l23_cm09, 0.2", "eyal2016_human_l23_cm09, 0.4", "eyal2016_human_l23_cm09, 0.8",
        "eyal2016_passive_0603_cell03, 0.2", "eyal2016_passive_0603_cell11, 0.2",
        "eyal2016_passive_1303_cell03, 0.2", "eyal2016_passive_1303_cell05, 0.2",
        "eyal2016_passive_1303_cell06, 0.2",
        "branco2010_rc19_active, 0.2", "branco2010_rc19_active, 0.4", "branco2010_rc19_passive, 0.1",
        "mainen1996_j7, 0.07", "mainen1996_j7, 0.2", "mainen1996_j8, 0.1",
        "mainen1996_lcas3, 0.05", "mainen1996_j4a, 0.2"})
    void spikesAndSomaVoltageAsInNeuron(String model, String ampNa) {
        String run = model + " " + ampNa + " nA";
        JsonNode fixture = json("neuron_spikes.json");
        JsonNode entry = fixture.get("models").get(model);
        Built built = built(run, model, entry);
        AssembledCell cell = built.cell();
        Path modDir = built.modDir();
        JsonNode neuronSpikes = entry.get("soma_spike_times_ms").get(ampNa);
        String soma = entry.path("soma").asText("soma[0]"); // a hoc cell's own name
        JsonNode step = entry.path("step"); // the authors' own protocol, where it is not the fixtures' 1 s step
        AllenFitsMatchNeuronTest.Step protocol = new AllenFitsMatchNeuronTest.Step(ampNa,
                step.path("delay_ms").asDouble(AllenFitsMatchNeuronTest.STEP_DELAY_MS),
                step.path("dur_ms").asDouble(AllenFitsMatchNeuronTest.STEP_DUR_MS),
                step.path("tstop_ms").asDouble(AllenFitsMatchNeuronTest.STEP_TSTOP_MS));
        PublishedProtocolsMatchNeuronTest.Run ours = AllenFitsMatchNeuronTest.spikesAsNeuron(run, cell, soma, protocol,
                fixture.get("spike_threshold_mV").asDouble(), modDir, neuronSpikes);
        JsonNode somaV = entry.path("soma_v_mV").get(ampNa);
        if (somaV != null) {
            somaVoltageAsNeuron(run, ours.columns().get("v:" + soma + "(0.5)"), ours.timeMs(), somaV,
                    fixture.get("soma_v_every_ms").asDouble(), neuronSpikes);
        }
    }

    /**
     * A model run with its authors' own protocol, a protocol file beside the description ({@code published_variants/
     * PROTOCOL.json}): Almog and Korngreen 2014's bac6.ses run after their init() of 38 steps of 10 ms, Hallermann et
     * al. 2012's session step after their init() of 1000 steps of 0.5 ms (and the same with a longer step), Larkum et
     * al. 2009's apic.ses run (its glutamate synapse on the tuft, no soma spike) and the same settings with a soma step
     * of 1 and of 2 nA, Golding et al. 2001's Figure 9 run (a 3 ms soma pulse) and two soma steps at its settings.
     * NEURON's soma spikes and soma v at the fixture's {@code [t, v]} samples (at {@code soma_site}, the soma segment
     * holding x 0.5 named by its centre, where that is not 0.5).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"almog2014_a140612, almog2014_bac", "hallermann2012_l5pc, hallermann2012_ap",
        "hallermann2012_l5pc, hallermann2012_step2nA20ms", "larkum2009_l5pc, larkum2009_step1nA",
        "larkum2009_l5pc, larkum2009_step2nA", "larkum2009_l5pc, larkum2009_tuft_glutamate",
        "golding2001_ca1, golding2001_fig9", "golding2001_ca1, golding2001_step02nA",
        "golding2001_ca1, golding2001_step04nA"})
    void authorsProtocolAsInNeuron(String model, String protocolName) {
        String run = model + " " + protocolName;
        JsonNode fixture = json("neuron_spikes.json");
        JsonNode entry = fixture.get("models").get(model);
        Built built = built(run, model, entry);
        Protocol protocol;
        try (InputStream p = resource(protocolName + ".json")) {
            protocol = ProtocolReader.read(p, protocolName + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode neuron = entry.get("protocol_runs").get(protocolName);
        PublishedProtocolsMatchNeuronTest.Run ours = PublishedProtocolsMatchNeuronTest.run(built.cell(),
                protocol.withSpikeThreshold(fixture.get("spike_threshold_mV").asDouble()), built.modDir());
        List<Double> spikes = new ArrayList<>();
        neuron.get("soma_spike_times_ms").forEach(t -> spikes.add(t.asDouble()));
        assertThat(ours.spikeTimesMs()).as(run + ": soma spikes, NEURON's " + spikes).hasSameSizeAs(spikes);
        double worstSpike = 0;
        for (int i = 0; i < spikes.size(); i++) {
            worstSpike = Math.max(worstSpike, Math.abs(ours.spikeTimesMs().get(i) - spikes.get(i)));
        }
        double[] t = ours.timeMs();
        // soma(0.5)'s segment by its centre, as NEURON names a column: somaA(0.511905) of Golding's 42 segments
        double[] v = ours.columns().get("v:" + entry.path("soma_site").asText(entry.get("soma").asText() + "(0.5)"));
        double worstV = 0;
        int compared = 0;
        for (JsonNode sample : neuron.get("soma_v_mV")) {
            double at = sample.get(0).asDouble();
            boolean away = spikes.stream().allMatch(s -> at < s - ProtocolAgreement.BEFORE_SPIKE_MS
                    || at > s + ProtocolAgreement.AFTER_SPIKE_MS);
            int row = 0;
            while (row < t.length - 1 && Math.abs(t[row] - at) > PublishedProtocolsMatchNeuronTest.TIME_GRID_MS) {
                row++;
            }
            assertThat(t[row]).as(run + ": our row at NEURON's sample time")
                    .isCloseTo(at, within(PublishedProtocolsMatchNeuronTest.TIME_GRID_MS));
            if (away) {
                worstV = Math.max(worstV, Math.abs(v[row] - sample.get(1).asDouble()));
                compared++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d soma spikes (NEURON %d), times within %.3g ms; soma v within %.3g mV"
                + " at %d samples away from spikes%n", run, ours.spikeTimesMs().size(), spikes.size(), worstSpike,
                worstV, compared);
        assertThat(worstSpike).as(run + ": spike times " + ours.spikeTimesMs() + ", NEURON's " + spikes)
                .isLessThanOrEqualTo(PublishedProtocolsMatchNeuronTest.SPIKE_TIME_MS);
        assertThat(worstV).as(run + ": soma v, away from spikes")
                .isLessThanOrEqualTo(PublishedProtocolsMatchNeuronTest.VOLTAGE_MV);
    }

    /** A model's cell, built from its description and the authors' morphology, and its mod folder (null: none). */
    private record Built(AssembledCell cell, Path modDir) {
    }

    /**
     * The fixture entry's model built with the authors' files the properties name, as many sections as NEURON built;
     * the run reports itself skipped by name without them.
     */
    private static Built built(String run, String model, JsonNode entry) {
        Path modDir = null;
        if (entry.has("mod_dir_of")) {
            String modProperty = "spineformer.modDir." + entry.get("mod_dir_of").asText();
            String dir = System.getProperty(modProperty, "");
            assumeTrue(!dir.isBlank(), run + " skipped: no -D" + modProperty + "=FOLDER given");
            modDir = Path.of(dir);
        }
        String models = System.getProperty("spineformer.publishedModels", "");
        assumeTrue(!models.isBlank(), run + " skipped: no -Dspineformer.publishedModels=FOLDER (the authors' "
                + "morphology files) given");
        String file = entry.get("morphology").asText();
        Path morphology = AllenFitsMatchNeuronTest.findOrNull(models, file);
        assumeTrue(morphology != null, run + " skipped: -Dspineformer.publishedModels=" + models + " holds no " + file
                + " (" + entry.get("from").asText() + ")");
        CellDescription description;
        try (InputStream in = resource(model + ".json")) {
            description = DescriptionReader.read(in, model + ".json").withMorphologyDirectory(morphology.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AssembledCell cell = CellAssembler.assemble(description);
        assertThat(cell.morphology().size()).as(model + " sections, as NEURON built them")
                .isEqualTo(entry.get("sections").asInt());
        return new Built(cell, modDir);
    }

    /**
     * Our soma v against NEURON's, sampled every {@code everyMs} from t = 0, away from NEURON's spikes (as
     * {@link ProtocolAgreement} leaves them out): within issue 18's bound.
     */
    private static void somaVoltageAsNeuron(String run, double[] v, double[] t, JsonNode neuronV, double everyMs,
                                            JsonNode neuronSpikes) {
        double dt = t[1] - t[0];
        double worst = 0;
        int compared = 0;
        for (int k = 0; k < neuronV.size(); k++) {
            double at = k * everyMs;
            boolean away = true;
            for (JsonNode s : neuronSpikes) {
                away &= at < s.asDouble() - ProtocolAgreement.BEFORE_SPIKE_MS
                        || at > s.asDouble() + ProtocolAgreement.AFTER_SPIKE_MS;
            }
            if (!away) {
                continue;
            }
            int row = (int) Math.round(at / dt);
            assertThat(t[row]).as(run + ": our row at NEURON's sample time")
                    .isCloseTo(at, within(PublishedProtocolsMatchNeuronTest.TIME_GRID_MS));
            worst = Math.max(worst, Math.abs(v[row] - neuronV.get(k).asDouble()));
            compared++;
        }
        System.out.printf(Locale.ROOT, "%s: soma v within %.3g mV of NEURON's at %d samples away from spikes%n", run,
                worst, compared);
        assertThat(worst).as(run + ": soma v, away from spikes").isLessThanOrEqualTo(
                PublishedProtocolsMatchNeuronTest.VOLTAGE_MV);
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
