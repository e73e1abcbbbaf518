package org.spineformer.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;
import org.spineformer.model.neuron.InitializedValues;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A published model built with its published mod files (what {@code model check MODEL --mod DIR} builds), initialized
 * as NEURON's {@code finitialize(v_init)}, against NEURON's structure dump after finitialize
 * ({@code shared/reference/models/MODEL/structure.json.gz}, copied in spineformer-model's test resources): per segment,
 * every RANGE variable of every density mechanism (parameters, STATEs, ASSIGNED currents and conductances) and the
 * ions' ena/nai/nao/ina ... Validation tier; needs, per model, the folder of its mod files:
 * {@code -Dspineformer.modDir.hay2011_l5pc=...}, {@code -Dspineformer.modDir.allen_scnn1a=...},
 * {@code -Dspineformer.modDir.migliore2018_ca1=...} (a model without its folder is skipped, by name).
 */
@Tag("validation")
class PublishedModelsInitializedTest {
    /**
     * Relative, per value. Both sides evaluate the same formulas in double and NEURON's dump prints 17 digits, so only
     * operation order and exp/pow implementations differ (ulps, amplified at most by a few rate ratios); a wrong
     * constant, unit, temperature (q10 at 6.3 against 34 degC) or a missed INITIAL is orders of magnitude larger.
     */
    private static final double RELATIVE = 1e-9;
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");
    private static final Path NEURON_DUMPS = Path.of("..", "spineformer-model", "src", "test", "resources",
            "reference", "models");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hay2011_l5pc", "allen_scnn1a", "migliore2018_ca1"})
    void everyMechanismValueAfterInitializationMatchesNeuron(String model) {
        String dir = System.getProperty("spineformer.modDir." + model, "");
        assumeTrue(!dir.isBlank(), model + " skipped: no -Dspineformer.modDir." + model + "=FOLDER given");
        AssembledCell cell = CellAssembler.assemble(BundledDescriptions.get(model)
                .withMorphologyDirectory(MORPHOLOGY_FILES.resolve(model)));
        StringWriter unused = new StringWriter();
        List<NmodlMechanism> compiled = new ArrayList<>();
        // the folders also hold files the model does not use (synapses, NaV's KINETIC): those need not compile
        ModFolder.compile(Path.of(dir), compiled, new PrintWriter(unused));
        Catalogue catalogue = NmodlMechanism.replacing(Catalogue.discover(), compiled, line -> { });
        LoweredCell lowered = ModelLowering.lower(cell, catalogue);
        Simulation sim = lowered.simulation(0.025);
        sim.initialize(cell.vInitMv());

        InitializedValues r = InitializedValues.compare(
                InitializedValues.readDump(NEURON_DUMPS.resolve(model).resolve("structure.json.gz")), sim, RELATIVE);
        System.out.println(model + ": " + r.compared() + " values compared; largest relative difference to NEURON after"
                + " finitialize per variable: " + r.worst());
        r.assertMatches(model);
    }
}
