package org.spineformer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.TypeOrder;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/**
 * Describes a model on a morphology (which mechanisms sit where, with which parameters, which spike trains reach
 * which synapses) and builds a {@link Simulation} from it. Every parameter is checked against its mechanism's
 * declared range when the simulation is built. The simulation runs the mechanisms' blocks in NEURON's mechanism
 * type order ({@link TypeOrder}, from the catalogue's registration order), not in the order they are inserted.
 *
 * <p>A simulation can run several trials of the model in lanes ({@link #build(double, double, int)}): the same cell,
 * mechanisms and parameters in every lane; the spike trains may differ per lane
 * ({@link #addSpikeSource(double[][], List)}) and so may any parameter, set on the built simulation's blocks
 * ({@code setParameter(field, instance, lane, value)}).
 */
public final class ModelBuilder {
    private final Morphology morphology;
    private final Catalogue catalogue;
    private final Map<String, List<Placement>> placements = new LinkedHashMap<>();
    private final List<SpikeSource> sources = new ArrayList<>();
    /** Per source: true when its one train plays in every lane. */
    private final List<Boolean> sameInEveryLane = new ArrayList<>();
    private final List<EventSource> eventSources = new ArrayList<>();
    private final List<Reversal> reversals = new ArrayList<>();
    private final List<LaneParameter> laneParameters = new ArrayList<>();

    /** A spike train per lane ({@code timesMs[lane]}) and the synapses it reaches. */
    public record SpikeSource(double[][] timesMs, List<Synapse> synapses) {
    }

    /** A point process whose events out (NMODL's net_event) reach each synapse after the synapse's delay. */
    public record EventSource(PointProcess source, List<Synapse> synapses) {
    }

    /** Where instances of a mechanism go: a whole section (x NaN, every segment) or one location. */
    private record Placement(int section, double x, Map<String, Double> parameters,
                             Map<Integer, Map<String, Double>> segmentParameters) {
    }

    /** A point process's parameter in one lane, over its placement's value. */
    private record LaneParameter(PointProcess target, int lane, String field, double value) {
    }

    /** An ion's reversal potential at one segment, for the mechanisms that read it from the ion. */
    private record Reversal(String ion, int section, int segment, double mV, boolean fixed) {
    }

    public ModelBuilder(Morphology morphology, Catalogue catalogue) {
        this.morphology = morphology;
        this.catalogue = catalogue;
    }

    public Morphology morphology() {
        return morphology;
    }

    /** Inserts a density mechanism into every segment of a section, with the given parameter values. */
    public ModelBuilder insert(String mechanism, int section, Map<String, Double> parameters) {
        Mechanism m = catalogue.get(mechanism);
        if (m.kind() != Mechanism.Kind.DENSITY) {
            throw new IllegalArgumentException(mechanism + " is a point process: use addPointProcess");
        }
        checkSection(section);
        for (Placement p : placements.getOrDefault(mechanism, List.of())) {
            if (p.section() == section) {
                throw new IllegalArgumentException(mechanism + " is already inserted in section "
                        + morphology.section(section).name());
            }
        }
        checkFields(m, parameters);
        placements.computeIfAbsent(mechanism, k -> new ArrayList<>())
                .add(new Placement(section, Double.NaN, Map.copyOf(parameters), new LinkedHashMap<>()));
        return this;
    }

    /** Sets one parameter of a density mechanism in one segment, over the section's value. */
    public ModelBuilder setSegmentParameter(String mechanism, int section, int segment, String field, double value) {
        Mechanism m = catalogue.get(mechanism);
        m.field(field);
        Section s = morphology.section(section);
        if (segment < 0 || segment >= s.nseg()) {
            throw new IllegalArgumentException("section " + s.name() + " has no segment " + segment);
        }
        for (Placement p : placements.getOrDefault(mechanism, List.of())) {
            if (p.section() == section) {
                p.segmentParameters().computeIfAbsent(segment, k -> new LinkedHashMap<>()).put(field, value);
                return this;
            }
        }
        throw new IllegalArgumentException(mechanism + " is not inserted in section " + s.name());
    }

    /**
     * Sets an ion's reversal potential (mV) at one segment, as NEURON's per-section {@code ena}, {@code ek}: what
     * the mechanisms reading it from the ion ({@link Mechanism#reversalPotentialsRead()}) see there. Unset
     * segments keep NEURON's default for the ion. Some mechanism in the model must read it (checked at build).
     */
    public ModelBuilder setReversalPotential(String ion, int section, int segment, double mV) {
        return setReversalPotential(ion, section, segment, mV, false);
    }

    /**
     * The same; with {@code fixed} the value stays as set, never recomputed by Nernst from the concentrations, at
     * initialization or during the run (NEURON's {@code ion_style("x_ion", 0, 1, 0, 0, 0)} there, which models use
     * to keep a reversal potential while a mechanism reads the concentration).
     */
    public ModelBuilder setReversalPotential(String ion, int section, int segment, double mV, boolean fixed) {
        checkSection(section);
        Section s = morphology.section(section);
        if (segment < 0 || segment >= s.nseg()) {
            throw new IllegalArgumentException("section " + s.name() + " has no segment " + segment);
        }
        if (!Double.isFinite(mV)) {
            throw new IllegalArgumentException("e" + ion + " in section " + s.name() + " must be finite, was " + mV);
        }
        reversals.add(new Reversal(ion, section, segment, mV, fixed));
        return this;
    }

    /** Places a point process (synapse, electrode) at location x of a section and returns its handle. */
    public PointProcess addPointProcess(String mechanism, int section, double x, Map<String, Double> parameters) {
        Mechanism m = catalogue.get(mechanism);
        if (m.kind() == Mechanism.Kind.DENSITY) {
            throw new IllegalArgumentException(mechanism + " is a density mechanism: use insert");
        }
        checkSection(section);
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException(mechanism + ": location must be in [0, 1], was " + x);
        }
        checkFields(m, parameters);
        List<Placement> list = placements.computeIfAbsent(mechanism, k -> new ArrayList<>());
        list.add(new Placement(section, x, Map.copyOf(parameters), Map.of()));
        return new PointProcess(mechanism, list.size() - 1);
    }

    /**
     * Sets one parameter of a point process in one lane (trial) only, over the value it was placed with: a trial's
     * own pulse or clamp. The lane must be one of those the model is built with (checked at build).
     */
    public ModelBuilder setLaneParameter(PointProcess target, int lane, String field, double value) {
        List<Placement> list = placements.get(target.mechanism());
        if (list == null || target.instance() >= list.size()) {
            throw new IllegalArgumentException("no point process " + target);
        }
        if (lane < 0) {
            throw new IllegalArgumentException(target + ": lane must be >= 0, was " + lane);
        }
        catalogue.get(target.mechanism()).field(field).validate(target.mechanism(), value);
        laneParameters.add(new LaneParameter(target, lane, field, value));
        return this;
    }

    /**
     * Adds a spike source playing explicit times (ms, NEURON's VecStim): each time reaches each synapse after the
     * synapse's delay.
     */
    public ModelBuilder addSpikeSource(double[] timesMs, List<Synapse> synapses) {
        checkTimes(timesMs, "");
        checkTargets(synapses);
        sources.add(new SpikeSource(new double[][] {timesMs.clone()}, List.copyOf(synapses)));
        sameInEveryLane.add(true);
        return this;
    }

    /**
     * Adds a spike source with its own times (ms) in each lane: {@code timesMsPerLane[lane]}, one array for each of
     * the lanes the model is built with (checked at build).
     */
    public ModelBuilder addSpikeSource(double[][] timesMsPerLane, List<Synapse> synapses) {
        if (timesMsPerLane.length == 0) {
            throw new IllegalArgumentException("a spike source with times per lane needs at least one lane");
        }
        double[][] copy = new double[timesMsPerLane.length][];
        for (int lane = 0; lane < copy.length; lane++) {
            checkTimes(timesMsPerLane[lane], "lane " + lane + ": ");
            copy[lane] = timesMsPerLane[lane].clone();
        }
        checkTargets(synapses);
        sources.add(new SpikeSource(copy, List.copyOf(synapses)));
        sameInEveryLane.add(false);
        return this;
    }

    private static void checkTimes(double[] timesMs, String where) {
        for (int i = 0; i < timesMs.length; i++) {
            if (!Double.isFinite(timesMs[i]) || timesMs[i] < 0) {
                throw new IllegalArgumentException(where + "spike time " + i + " must be finite and >= 0, was "
                        + timesMs[i]);
            }
        }
    }

    private void checkTargets(List<Synapse> synapses) {
        for (Synapse syn : synapses) {
            List<Placement> list = placements.get(syn.target().mechanism());
            if (list == null || syn.target().instance() >= list.size()) {
                throw new IllegalArgumentException("no point process " + syn.target());
            }
        }
    }

    /**
     * Connects a point process's events out (NMODL's {@code net_event}, as NEURON's NetCon from an artificial cell
     * or a point process) to synapses: each reaches each synapse after the synapse's delay.
     */
    public ModelBuilder addEventSource(PointProcess source, List<Synapse> synapses) {
        List<Placement> from = placements.get(source.mechanism());
        if (from == null || source.instance() >= from.size()) {
            throw new IllegalArgumentException("no point process " + source);
        }
        for (Synapse syn : synapses) {
            List<Placement> list = placements.get(syn.target().mechanism());
            if (list == null || syn.target().instance() >= list.size()) {
                throw new IllegalArgumentException("no point process " + syn.target());
            }
        }
        eventSources.add(new EventSource(source, List.copyOf(synapses)));
        return this;
    }

    /** Builds the simulation with fixed step {@code dtMs} at {@code celsius} degrees. */
    public Simulation build(double dtMs, double celsius) {
        return build(dtMs, celsius, 1);
    }

    /**
     * Builds the simulation of {@code lanes} trials in lanes. Every mechanism of the model must run lanes: one that
     * does not (yet) refuses L > 1 here, naming itself ({@link Mechanism#newBlock(int[], int)}).
     */
    public Simulation build(double dtMs, double celsius, int lanes) {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new IllegalArgumentException("dt must be finite and > 0 ms, was " + dtMs);
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + lanes);
        }
        List<SpikeSource> laneSources = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            double[][] times = sources.get(s).timesMs();
            if (sameInEveryLane.get(s)) {
                times = new double[lanes][];
                Arrays.fill(times, sources.get(s).timesMs()[0]);
            } else if (times.length != lanes) {
                throw new IllegalArgumentException("spike source " + s + " has times for " + times.length
                        + " lanes, but the model is built with " + lanes);
            }
            laneSources.add(new SpikeSource(times, sources.get(s).synapses()));
        }
        for (Reversal r : reversals) {
            if (!readsReversal(r.ion())) {
                throw new IllegalArgumentException("e" + r.ion() + " is set in section "
                        + morphology.section(r.section()).name() + ", but no mechanism in the model reads it");
            }
        }
        Discretization disc = new Discretization(morphology);
        List<MechanismBlock> blocks = new ArrayList<>();
        Map<String, int[][]> densityInstances = new LinkedHashMap<>();
        // the blocks in NEURON's mechanism type order, whatever the order of insertion: the order of every phase
        List<Mechanism> inModel = placements.keySet().stream().map(catalogue::get).toList();
        for (Mechanism m : TypeOrder.of(inModel, catalogue)) {
            List<Placement> list = placements.get(m.name());
            boolean density = m.kind() == Mechanism.Kind.DENSITY;
            List<Integer> nodes = new ArrayList<>();
            for (Placement p : list) {
                if (density) {
                    for (int seg = 0; seg < morphology.section(p.section()).nseg(); seg++) {
                        nodes.add(disc.segmentNode(p.section(), seg));
                    }
                } else {
                    nodes.add(disc.node(p.section(), p.x()));
                }
            }
            // A density mechanism's instances go in node order, so that its nodes form runs of consecutive indices
            // (vector kernels work over such runs); point processes keep their placement order, their handles.
            int[] instanceOf = density ? rankByNode(nodes) : IntStream.range(0, nodes.size()).toArray();
            int[] blockNodes = new int[nodes.size()];
            for (int q = 0; q < blockNodes.length; q++) {
                blockNodes[instanceOf[q]] = nodes.get(q);
            }
            MechanismBlock block = m.newBlock(blockNodes, lanes);
            int[][] bySegment = new int[morphology.size()][];
            int q = 0;
            for (Placement p : list) {
                int count = density ? morphology.section(p.section()).nseg() : 1;
                if (density) {
                    bySegment[p.section()] = new int[count];
                }
                for (int k = 0; k < count; k++, q++) {
                    int instance = instanceOf[q];
                    if (density) {
                        bySegment[p.section()][k] = instance;
                    }
                    for (Map.Entry<String, Double> pv : p.parameters().entrySet()) {
                        Arrays.fill(block.columnToSet(pv.getKey()), instance * lanes, (instance + 1) * lanes,
                                pv.getValue());
                    }
                    Map<String, Double> seg = p.segmentParameters().get(k);
                    if (seg != null) {
                        for (Map.Entry<String, Double> pv : seg.entrySet()) {
                            Arrays.fill(block.columnToSet(pv.getKey()), instance * lanes, (instance + 1) * lanes,
                                    pv.getValue());
                        }
                    }
                }
            }
            for (LaneParameter lp : laneParameters) {
                if (lp.target().mechanism().equals(m.name())) {
                    if (lp.lane() >= lanes) {
                        throw new IllegalArgumentException(lp.target() + "." + lp.field() + " is set for lane "
                                + lp.lane() + ", but the model is built with " + lanes + " lanes");
                    }
                    block.columnToSet(lp.field())[lp.target().instance() * lanes + lp.lane()] = lp.value();
                }
            }
            block.validateParameters();
            blocks.add(block);
            if (density) {
                densityInstances.put(m.name(), bySegment);
            }
        }
        Simulation sim = new Simulation(disc, blocks, densityInstances, laneSources, eventSources, dtMs, celsius,
                lanes);
        for (Reversal r : reversals) {
            int node = disc.segmentNode(r.section(), r.segment());
            sim.state().ion(r.ion()).setReversal(node * lanes, (node + 1) * lanes, r.mV());
            if (r.fixed()) {
                for (int entry = node * lanes; entry < (node + 1) * lanes; entry++) {
                    sim.state().ion(r.ion()).reversalWrittenAt(entry);
                }
            }
        }
        return sim;
    }

    private boolean readsReversal(String ion) {
        for (String name : placements.keySet()) {
            if (catalogue.get(name).reversalPotentialsRead().contains(ion)) {
                return true;
            }
        }
        return false;
    }

    /** Each element's rank when the values are sorted (ties by position): where element q goes in sorted order. */
    private static int[] rankByNode(List<Integer> nodes) {
        Integer[] positions = new Integer[nodes.size()];
        for (int q = 0; q < positions.length; q++) {
            positions[q] = q;
        }
        Arrays.sort(positions, Comparator.comparingInt(nodes::get));
        int[] rank = new int[positions.length];
        for (int r = 0; r < positions.length; r++) {
            rank[positions[r]] = r;
        }
        return rank;
    }

    private void checkSection(int section) {
        if (section < 0 || section >= morphology.size()) {
            throw new IllegalArgumentException("no section with index " + section);
        }
    }

    private static void checkFields(Mechanism m, Map<String, Double> parameters) {
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            m.field(e.getKey()).validate(m.name(), e.getValue());
        }
    }
}
