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
import org.spineformer.model.ExperimentSettings;
import org.spineformer.model.Location;
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
 * <p>{@link #of} builds any other spiny description the same way (the experiments' {@code --model}, through
 * {@link CellModel}): its query pulses and spike detection where its experiment settings say, its spines' synapses
 * found by mechanism ({@link #PLASTIC_SYNAPSE}, {@link #NMDA_SYNAPSE}).
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
    /** The mechanism of the spine synapse whose calcium integral potentiates it (the experiments read it). */
    public static final String PLASTIC_SYNAPSE = "AMPA_WITH_CA";
    /** The mechanism of the spine's NMDA synapse. */
    public static final String NMDA_SYNAPSE = "NMDA";
    /** The bundled description of this cell. */
    public static final String DESCRIPTION = "ellwood2024";

    private final CellParameters params;
    private final Morphology morphology;
    private final LoweredCell lowered;
    /** The spike site's section (soma), where spikes are detected. */
    private final int soma;
    private final double somaX;
    private final int querySection;
    private final double queryX;
    private final int[] spineHead;
    private final int[] spineNeck;
    private final PointProcess[] ampa;
    private final PointProcess[] nmda;

    private PyramidalCell(CellParameters params, CellDescription description, Catalogue catalogue) {
        this.params = params;
        AssembledCell assembled = CellAssembler.assemble(description);
        lowered = ModelLowering.lower(assembled, catalogue);
        morphology = assembled.morphology();
        ExperimentSettings settings = description.experiment();
        Location query = settings == null || settings.queryAt() == null
                ? new Location(morphology.section(0).name(), 0.5) : settings.queryAt();
        Location spikes = settings == null || settings.spikeSite() == null ? query : settings.spikeSite();
        querySection = section(settings, query, "query/at");
        queryX = query.x();
        soma = section(settings, spikes, "spike_site");
        somaX = spikes.x();
        int n = assembled.spines().size();
        spineHead = new int[n];
        spineNeck = new int[n];
        ampa = new PointProcess[n];
        nmda = new PointProcess[n];
        for (int k = 0; k < n; k++) {
            spineNeck[k] = assembled.spines().get(k).neck();
            spineHead[k] = assembled.spines().get(k).head();
        }
        for (AssembledCell.PlacedSynapse s : assembled.synapses()) {
            if (s.mechanism().equals(PLASTIC_SYNAPSE) && ampa[s.spine()] == null) {
                ampa[s.spine()] = lowered.spineSynapse(s.spine(), s.name());
            } else if (s.mechanism().equals(NMDA_SYNAPSE) && nmda[s.spine()] == null) {
                nmda[s.spine()] = lowered.spineSynapse(s.spine(), s.name());
            }
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

    private int section(ExperimentSettings settings, Location at, String key) {
        try {
            return morphology.indexOf(at.section());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((settings == null ? "" : settings.source() + "/" + key + ": ")
                    + e.getMessage(), e);
        }
    }

    /** Builds the cell's description with the mechanisms of the catalogue. */
    public static PyramidalCell build(CellParameters params, Catalogue catalogue) {
        return new PyramidalCell(params, BundledDescriptions.get(DESCRIPTION).withParameters(parameterValues(params)),
                catalogue);
    }

    /**
     * Builds any spiny cell description the same way (the experiments' {@code --model}): somatic pulses go to its
     * experiment settings' query site, spikes are detected at its spike site; without experiment settings both are
     * the root section's middle. {@link #parameters()} is null for such a cell.
     */
    public static PyramidalCell of(CellDescription description, Catalogue catalogue) {
        return new PyramidalCell(null, description, catalogue);
    }

    /** Builds the cell's description with every mechanism on the class path. */
    public static PyramidalCell build(CellParameters params) {
        return build(params, Catalogue.discover());
    }

    /**
     * Adds presynaptic spike times (ms, increasing) to spine k: each reaches its AMPA and NMDA synapse (every synapse
     * of the spine, with its described delay).
     */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs) {
        return addPresynapticSpikes(spine, timesMs, params == null ? Double.NaN : params.synapses().netconDelayMs());
    }

    /** As {@link #addPresynapticSpikes(int, double[])} with an explicit connection delay (ms). */
    public PyramidalCell addPresynapticSpikes(int spine, double[] timesMs, double delayMs) {
        lowered.connectSpine(spine, timesMs, delayMs);
        return this;
    }

    /**
     * Adds presynaptic spike times per lane ({@code timesMsPerLane[lane]}, ms, increasing) to spine k, for a
     * simulation of trials in lanes ({@link #simulation(double, double, int)}).
     */
    public PyramidalCell addPresynapticSpikes(int spine, double[][] timesMsPerLane) {
        return addPresynapticSpikes(spine, timesMsPerLane, params == null ? Double.NaN
                : params.synapses().netconDelayMs());
    }

    /** As {@link #addPresynapticSpikes(int, double[][])} with an explicit connection delay (ms). */
    public PyramidalCell addPresynapticSpikes(int spine, double[][] timesMsPerLane, double delayMs) {
        lowered.connectSpine(spine, timesMsPerLane, delayMs);
        return this;
    }

    /**
     * Adds each lane's current pulses at the query site for a simulation of trials in lanes: lane l gets
     * {@code ampNa} nA for {@code durMs} from each of {@code startsMsPerLane[l]}. There are as many electrodes as the
     * busiest lane has pulses; a lane with fewer leaves the rest at amp 0, which adds +0.0 to the node's current
     * (exactly nothing, as long as that sum is not -0.0), so each lane has the numbers of its pulses alone.
     */
    public PyramidalCell addSomaticPulses(double[][] startsMsPerLane, double ampNa, double durMs) {
        int electrodes = 0;
        for (double[] starts : startsMsPerLane) {
            electrodes = Math.max(electrodes, starts.length);
        }
        for (int j = 0; j < electrodes; j++) {
            PointProcess clamp = lowered.builder().addPointProcess("IClamp", querySection, queryX, Map.of("del", 0.0,
                    "amp", 0.0, "dur", durMs));
            for (int lane = 0; lane < startsMsPerLane.length; lane++) {
                if (j < startsMsPerLane[lane].length) {
                    lowered.builder().setLaneParameter(clamp, lane, "del", startsMsPerLane[lane][j]);
                    lowered.builder().setLaneParameter(clamp, lane, "amp", ampNa);
                }
            }
        }
        return this;
    }

    /**
     * Adds a current pulse at soma(0.5) (the query site): {@code ampNa} nA from {@code startMs} for {@code durMs}.
     */
    public PyramidalCell addSomaticPulse(double startMs, double ampNa, double durMs) {
        lowered.builder().addPointProcess("IClamp", querySection, queryX, Map.of("del", startMs, "amp", ampNa,
                "dur", durMs));
        return this;
    }

    /** Builds the simulation of this cell with its stimuli. */
    public Simulation simulation(double dtMs, double celsius) {
        return lowered.builder().build(dtMs, celsius);
    }

    /**
     * Builds the simulation of {@code lanes} trials of this cell in lanes, each with its own stimuli (the per-lane
     * {@link #addPresynapticSpikes(int, double[][])} and {@link #addSomaticPulses}); every mechanism of the cell
     * must run lanes ({@code Mechanism.newBlock(nodes, lanes)}).
     */
    public Simulation simulation(double dtMs, double celsius, int lanes) {
        return lowered.builder().build(dtMs, celsius, lanes);
    }

    public CellParameters parameters() {
        return params;
    }

    public Morphology morphology() {
        return morphology;
    }

    /** The section where spikes are detected: the soma (the experiment settings' spike site). */
    public int somaSection() {
        return soma;
    }

    /** Where on {@link #somaSection} spikes are detected (0.5 for the paper's soma). */
    public double somaX() {
        return somaX;
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

    /** Spine k's AMPA_WITH_CA synapse (its instance index is k in the paper's cell), or null if it has none. */
    public PointProcess ampa(int spine) {
        return ampa[spine];
    }

    /** Spine k's NMDA synapse (its instance index is k in the paper's cell), or null if it has none. */
    public PointProcess nmda(int spine) {
        return nmda[spine];
    }
}
