package org.spineformer.cell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.BundledDescriptions;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.CellDescription;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;

/**
 * The Ellwood (2024) L5 pyramidal cell: the reduced Bahl et al. (2012) axo-somatic model, an apical shaft, six
 * spiny tuft branches and their spines, each spine head with a calcium pool, an NMDA and an AMPA_WITH_CA synapse.
 * The cell is the bundled description {@code ellwood2024} (spineformer-model) with the {@link CellParameters}
 * substituted for its parameters ({@code group.component}, e.g. {@code apical.imGbar}).
 *
 * <p>Section names and the global spine order are those of the NEURON reference: branches {@link #BRANCHES} in
 * that order, 250 spines each numbered from the branch's proximal end, spine k made of {@code spine_k_neck}
 * (attached to the branch) and {@code spine_k_head} (attached to the neck's 1-end, synapses at its centre).
 *
 * <p>A cell is a model description: add stimuli ({@link #addPresynapticSpikes}, {@link #addSomaticPulse}), then
 * {@link #simulation} builds it. Each cell builds one simulation.
 */
public final class PyramidalCell {
    /** The tuft branches in global spine order. */
    public static final List<String> BRANCHES = List.of("tuft_0", "tuft_1", "tuft_0_0", "tuft_0_1", "tuft_1_0",
            "tuft_1_1");
    /** The paper's temperature (degC). */
    public static final double CELSIUS = 37;
    /** The paper's fixed time step (ms). */
    public static final double DT_MS = 0.025;
    /** The bundled description of this cell. */
    public static final String DESCRIPTION = "ellwood2024";

    private final CellParameters params;
    private final Morphology morphology;
    private final LoweredCell lowered;
    private final int soma;
    private final int[] spineHead;
    private final int[] spineNeck;
    private final PointProcess[] ampa;
    private final PointProcess[] nmda;

    private PyramidalCell(CellParameters params, Catalogue catalogue) {
        this.params = params;
        CellDescription description = BundledDescriptions.get(DESCRIPTION).withParameters(parameterValues(params));
        AssembledCell assembled = CellAssembler.assemble(description);
        lowered = ModelLowering.lower(assembled, catalogue);
        morphology = assembled.morphology();
        soma = morphology.indexOf("soma");
        int n = assembled.spines().size();
        spineHead = new int[n];
        spineNeck = new int[n];
        ampa = new PointProcess[n];
        nmda = new PointProcess[n];
        for (int k = 0; k < n; k++) {
            spineNeck[k] = assembled.spines().get(k).neck();
            spineHead[k] = assembled.spines().get(k).head();
            ampa[k] = lowered.spineSynapse(k, "ampa");
            nmda[k] = lowered.spineSynapse(k, "nmda");
        }
    }

    /**
     * Every component of the parameter groups as {@code group.component}, exactly the description's parameters
     * (a component without a description parameter, or the reverse, is a programming error caught here).
     */
    static Map<String, Double> parameterValues(CellParameters params) {
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            for (RecordComponent group : CellParameters.class.getRecordComponents()) {
                Object g = group.getAccessor().invoke(params);
                for (RecordComponent c : group.getType().getRecordComponents()) {
                    values.put(group.getName() + "." + c.getName(), ((Number) c.getAccessor().invoke(g)).doubleValue());
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read cell parameters", e);
        }
        Map<String, Double> declared = BundledDescriptions.get(DESCRIPTION).parameters();
        if (!declared.keySet().equals(values.keySet())) {
            throw new IllegalStateException("the " + DESCRIPTION + " description's parameters " + declared.keySet()
                    + " are not CellParameters' components " + values.keySet());
        }
        return values;
    }

    /** Builds the cell's description with the mechanisms of the catalogue. */
    public static PyramidalCell build(CellParameters params, Catalogue catalogue) {
        return new PyramidalCell(params, catalogue);
    }

    /** Builds the cell's description with every mechanism on the class path. */
    public static PyramidalCell build(CellParameters params) {
        return build(params, Catalogue.discover());
    }

    /** Adds presynaptic spike times (ms, increasing) to spine k: each reaches its AMPA and NMDA synapse. */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs) {
        return addPresynapticSpikes(spine, timesMs, params.synapses().netconDelayMs());
    }

    /** As {@link #addPresynapticSpikes(int, double[])} with an explicit connection delay (ms). */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs, double delayMs) {
        lowered.connectSpine(spine, timesMs, delayMs);
        return this;
    }

    /** Adds a current pulse at soma(0.5): {@code ampNa} nA from {@code startMs} for {@code durMs}. */
    public PyramidalCell addSomaticPulse(double startMs, double ampNa, double durMs) {
        lowered.builder().addPointProcess("IClamp", soma, 0.5, Map.of("del", startMs, "amp", ampNa, "dur", durMs));
        return this;
    }

    /** Builds the simulation of this cell with its stimuli. */
    public Simulation simulation(double dtMs, double celsius) {
        return lowered.builder().build(dtMs, celsius);
    }

    public CellParameters parameters() {
        return params;
    }

    public Morphology morphology() {
        return morphology;
    }

    public int somaSection() {
        return soma;
    }

    public int spineCount() {
        return spineHead.length;
    }

    public int spineHeadSection(int spine) {
        return spineHead[spine];
    }

    public int spineNeckSection(int spine) {
        return spineNeck[spine];
    }

    /** Spine k's AMPA_WITH_CA synapse (its instance index is k). */
    public PointProcess ampa(int spine) {
        return ampa[spine];
    }

    /** Spine k's NMDA synapse (its instance index is k). */
    public PointProcess nmda(int spine) {
        return nmda[spine];
    }
}
