package org.spineformer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;

/**
 * A description lowered onto the engine: the {@link ModelBuilder} with every mechanism inserted, and handles to the
 * spine synapses and point processes. Per-trial inputs (spike trains, electrodes) are added here, then
 * {@link #simulation} builds the simulation.
 */
public final class LoweredCell {
    private final AssembledCell cell;
    private final ModelBuilder builder;
    private final Map<Integer, Map<String, PointProcess>> spineSynapses;
    private final Map<String, PointProcess> pointProcesses;

    LoweredCell(AssembledCell cell, ModelBuilder builder, Map<Integer, Map<String, PointProcess>> spineSynapses,
                Map<String, PointProcess> pointProcesses) {
        this.cell = cell;
        this.builder = builder;
        this.spineSynapses = spineSynapses;
        this.pointProcesses = pointProcesses;
    }

    public AssembledCell assembled() {
        return cell;
    }

    public ModelBuilder builder() {
        return builder;
    }

    /** The synapse {@code name} on spine {@code spine}. */
    public PointProcess spineSynapse(int spine, String name) {
        Map<String, PointProcess> on = spineSynapses.get(spine);
        PointProcess p = on == null ? null : on.get(name);
        if (p == null) {
            throw new IllegalArgumentException("spine " + spine + " has no synapse '" + name + "'");
        }
        return p;
    }

    /** The named point process of the description. */
    public PointProcess pointProcess(String name) {
        PointProcess p = pointProcesses.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no point process named '" + name + "'; there are "
                    + pointProcesses.keySet());
        }
        return p;
    }

    /**
     * A spike train (ms) reaching every synapse of a spine, each with its described weight and the given delay
     * (ms; NaN: each synapse's described delay).
     */
    public LoweredCell connectSpine(int spine, double[] timesMs, double delayMs) {
        builder.addSpikeSource(timesMs, spineTargets(spine, delayMs));
        return this;
    }

    /**
     * As {@link #connectSpine(int, double[], double)} with a train per lane ({@code timesMsPerLane[lane]}) for a
     * simulation of trials in lanes.
     */
    public LoweredCell connectSpine(int spine, double[][] timesMsPerLane, double delayMs) {
        builder.addSpikeSource(timesMsPerLane, spineTargets(spine, delayMs));
        return this;
    }

    private List<Synapse> spineTargets(int spine, double delayMs) {
        List<Synapse> targets = new ArrayList<>();
        for (AssembledCell.PlacedSynapse s : cell.synapses()) {
            if (s.spine() == spine) {
                targets.add(new Synapse(spineSynapse(spine, s.name()), s.weight(),
                        Double.isNaN(delayMs) ? s.delayMs() : delayMs));
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("spine " + spine + " has no synapses");
        }
        return targets;
    }

    /** Builds the simulation at the description's temperature. */
    public Simulation simulation(double dtMs) {
        return builder.build(dtMs, cell.celsius());
    }
}
