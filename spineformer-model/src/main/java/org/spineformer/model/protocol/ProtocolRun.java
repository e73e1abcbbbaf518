package org.spineformer.model.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.StepObserver;
import org.spineformer.engine.discrete.Discretization;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;
import org.spineformer.engine.record.PeakDetector;
import org.spineformer.engine.record.Recorder;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.LoweredCell;
import org.spineformer.model.ModelLowering;

/**
 * A protocol applied to a cell, ready to run: {@link #prepare} checks every name against the cell and the
 * catalogue, places the stimuli and recorders and builds the simulation (all errors before any simulated step);
 * {@link #run} runs it once, with nothing allocated per step but the recorders' growing columns.
 */
public final class ProtocolRun {
    /** The time column of the traces (ms). */
    public static final String TIME_COLUMN = "t_ms";
    /**
     * Recorded traces may take at most this fraction of the JVM's maximum heap (the recorder's columns double as
     * they grow, so a run needs up to twice the final size): the same bound as {@code replay}'s.
     */
    public static final double TRACE_MEMORY_FRACTION = 0.25;
    /** Progress is reported every this many ms of simulated time: often enough for a bar, rare enough to be free. */
    private static final double PROGRESS_EVERY_MS = 10;

    private final Protocol protocol;
    private final Simulation sim;
    /** One recorder and one spike detector per lane. */
    private final List<Recorder> recorders;
    private final List<PeakDetector> spikes;
    private final String spikeSite;
    private final double vInitMv;
    private final double celsius;
    private boolean ran;

    /**
     * The outcome of a run.
     *
     * @param somaSpikeTimesMs local maxima of soma v above the threshold, on the trace of every step (ms)
     * @param spikeSite        where spikes were detected, {@code soma[0](0.5)}
     * @param columns          recorded column names, {@link #TIME_COLUMN} first
     * @param traces           the recorded columns, in the same order
     * @param wallSeconds      time spent initializing and stepping
     * @param vInitMv          the initial voltage used (mV)
     * @param celsius          the temperature used (degC)
     */
    public record Result(double[] somaSpikeTimesMs, String spikeSite, List<String> columns, List<double[]> traces,
                         double wallSeconds, double vInitMv, double celsius) {
        public Result {
            columns = List.copyOf(columns);
            traces = List.copyOf(traces);
        }
    }

    private ProtocolRun(Protocol protocol, Simulation sim, List<Recorder> recorders, List<PeakDetector> spikes,
                        String spikeSite, double vInitMv, double celsius) {
        this.protocol = protocol;
        this.sim = sim;
        this.recorders = recorders;
        this.spikes = spikes;
        this.spikeSite = spikeSite;
        this.vInitMv = vInitMv;
        this.celsius = celsius;
    }

    /**
     * Lowers {@code cell} onto {@code catalogue}, adds the protocol's stimuli, builds the simulation at the protocol's
     * dt and celsius (or the description's) and attaches the recorders and the spike detector at the root section's
     * middle ({@code soma[0](0.5)} in the published models).
     *
     * @throws IllegalArgumentException naming the protocol file and JSON pointer for a name the cell or the
     *     catalogue does not have, a site that does not resolve, or traces that would not fit in memory
     */
    public static ProtocolRun prepare(AssembledCell cell, Catalogue catalogue, Protocol protocol) {
        return prepare(cell, catalogue, protocol, 1);
    }

    /**
     * As {@link #prepare(AssembledCell, Catalogue, Protocol)}, with the protocol run as {@code lanes} identical
     * trials in the lanes of one simulation (what {@code bench --lanes} times): each lane records the protocol's
     * columns and detects its own spikes ({@link #runLanes}).
     *
     * @throws UnsupportedOperationException for {@code lanes} > 1 when a mechanism of the cell or the protocol does
     *     not run trials in lanes (its message names it), before any step
     */
    public static ProtocolRun prepare(AssembledCell cell, Catalogue catalogue, Protocol protocol, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, was " + lanes);
        }
        Morphology morphology = cell.morphology();
        Map<String, Sites.Resolved> stimulusSites = new LinkedHashMap<>();
        for (Stimulus s : protocol.stimuli()) {
            checkMechanism(catalogue, s);
            stimulusSites.put(s.name(), Sites.resolve(s.at(), morphology, s.source() + "/at"));
        }
        List<Sites.Resolved> recordSites = new ArrayList<>();
        for (Recording r : protocol.recordings()) {
            recordSites.add(r instanceof Recording.AtSite a
                    ? Sites.resolve(a.at(), morphology, r.source() + "/at") : null);
        }
        requireTracesFit(protocol, Runtime.getRuntime().maxMemory() / lanes); // each lane records
        LoweredCell lowered = ModelLowering.lower(cell, catalogue);
        Map<String, PointProcess> handles = addStimuli(lowered.builder(), protocol, stimulusSites);
        double vInit = protocol.vInitMv().orElse(cell.vInitMv());
        double temperature = protocol.celsius().orElse(cell.celsius());
        Simulation sim = lowered.builder().build(protocol.dtMs(), temperature, lanes);
        for (Stimulus s : protocol.stimuli()) {
            if (s instanceof Stimulus.PointProcessInput in && !in.spikeTimesMs().isEmpty()
                    && !receivesEvents(sim.block(in.mechanism()))) {
                throw new IllegalArgumentException(s.source() + "/spikes_ms: mechanism " + in.mechanism()
                        + " has no NET_RECEIVE: it cannot receive spikes");
            }
        }
        List<Recorder> recorders = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            recorders.add(new Recorder(protocol.saveEvery()));
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < protocol.recordings().size(); i++) {
            Recording r = protocol.recordings().get(i);
            Column c = r instanceof Recording.AtSite a ? atSite(sim, cell.mechanismOrder(), a, recordSites.get(i))
                    : ofStimulus(sim, (Recording.OfStimulus) r, handles);
            String name = r.column() != null ? r.column() : c.defaultName();
            if (name.equals(TIME_COLUMN) || columns.contains(name)) {
                throw new IllegalArgumentException(r.source() + ": column '" + name + "' is recorded twice; name "
                        + "one with \"column\"");
            }
            columns.add(name);
            for (int lane = 0; lane < lanes; lane++) { // every recorded array is [node or instance * lanes + lane]
                recorders.get(lane).add(name, c.array(), c.index() * lanes + lane);
            }
        }
        Discretization disc = sim.discretization();
        int soma = disc.node(0, 0.5);
        List<PeakDetector> spikes = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            spikes.add(new PeakDetector(soma, lane, protocol.spikeThresholdMv()));
            sim.addObserver(recorders.get(lane));
            sim.addObserver(spikes.get(lane));
        }
        return new ProtocolRun(protocol, sim, recorders, spikes, disc.locationName(soma), vInit, temperature);
    }

    /** Places every stimulus (and its spike source) on the builder; returns their handles by name. */
    private static Map<String, PointProcess> addStimuli(ModelBuilder builder, Protocol protocol,
                                                        Map<String, Sites.Resolved> sites) {
        Map<String, PointProcess> handles = new LinkedHashMap<>();
        for (Stimulus s : protocol.stimuli()) {
            Sites.Resolved at = sites.get(s.name());
            try {
                PointProcess p = builder.addPointProcess(s.mechanism(), at.section(), at.x(), parameters(s));
                handles.put(s.name(), p);
                if (s instanceof Stimulus.PointProcessInput in && !in.spikeTimesMs().isEmpty()) {
                    double[] times = in.spikeTimesMs().stream().mapToDouble(Double::doubleValue).toArray();
                    builder.addSpikeSource(times, List.of(new Synapse(p, in.weight(), in.delayMs())));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.source() + ": " + e.getMessage(), e);
            }
        }
        return handles;
    }

    /**
     * Runs the protocol: NEURON's {@code finitialize(v_init)}, the protocol's init steps if it has them, then
     * {@code continuerun(tstop)}.
     *
     * @param progress receives the simulated time (ms) every {@value #PROGRESS_EVERY_MS} ms; may be null
     * @throws org.spineformer.engine.NonFiniteStateException when a voltage or state blows up
     */
    public Result run(DoubleConsumer progress) {
        if (sim.lanes() > 1) {
            throw new IllegalStateException("prepared with " + sim.lanes() + " lanes: use runLanes");
        }
        return runLanes(progress).get(0);
    }

    /**
     * Runs the protocol in every lane at once; the results lane by lane, each with the wall time of the whole
     * simulation.
     *
     * @throws org.spineformer.engine.NonFiniteStateException when a voltage or state blows up in any lane
     */
    public List<Result> runLanes(DoubleConsumer progress) {
        if (ran) {
            throw new IllegalStateException("a prepared protocol runs once; prepare it again");
        }
        ran = true;
        if (progress != null) {
            sim.addObserver(progressEvery(progress, Math.max(1, Math.round(PROGRESS_EVERY_MS / protocol.dtMs()))));
        }
        long start = System.nanoTime();
        sim.initialize(vInitMv);
        Protocol.InitSteps init = protocol.initSteps();
        if (init != null) { // a model's own init(): long steps to rest, recorded as NEURON's Vector.record does
            sim.setDt(init.dtMs());
            for (int i = 0; i < init.count(); i++) {
                sim.step();
            }
            sim.setDt(protocol.dtMs());
        }
        sim.run(protocol.tstopMs());
        double wall = (System.nanoTime() - start) / 1e9;
        List<Result> results = new ArrayList<>();
        for (int lane = 0; lane < sim.lanes(); lane++) {
            if (sim.failure(lane) != null) { // with one lane the simulation has thrown it already
                throw sim.failure(lane);
            }
            Recorder recorder = recorders.get(lane);
            List<String> names = new ArrayList<>();
            List<double[]> traces = new ArrayList<>();
            names.add(TIME_COLUMN);
            traces.add(recorder.time());
            for (String n : recorder.names()) {
                names.add(n);
                traces.add(recorder.column(n));
            }
            results.add(new Result(spikes.get(lane).times(), spikeSite, names, traces, wall, vInitMv, celsius));
        }
        return results;
    }

    /** The simulation, built and not yet run (for inspection). */
    public Simulation simulation() {
        return sim;
    }

    /**
     * Checks, before anything is built, that the traces the protocol records fit in {@link #TRACE_MEMORY_FRACTION}
     * of {@code maxMemoryBytes}.
     */
    static void requireTracesFit(Protocol p, long maxMemoryBytes) {
        double samples = Math.floor(p.tstopMs() / p.dtMs() / p.saveEvery()) + 2
                + (p.initSteps() == null ? 0 : p.initSteps().count());
        double bytes = 2 * samples * (p.recordings().size() + 1) * Double.BYTES;
        if (bytes > TRACE_MEMORY_FRACTION * maxMemoryBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "tstop = %s ms would record %.3g samples"
                            + " of %d columns, up to %.3g GB while recording, more than a quarter of the %.3g GB this "
                            + "JVM may use; raise save_every, record fewer columns or shorten tstop", p.tstopMs(),
                    samples, p.recordings().size() + 1, bytes / 1e9, maxMemoryBytes / 1e9));
        }
    }

    private static void checkMechanism(Catalogue catalogue, Stimulus s) {
        if (!catalogue.contains(s.mechanism())) {
            throw new IllegalArgumentException(s.source() + "/mechanism: unknown mechanism '" + s.mechanism()
                    + "' (not in the catalogue; a mod file's POINT_PROCESS is added with --mod DIR)");
        }
        Mechanism m = catalogue.get(s.mechanism());
        if (m.kind() == Mechanism.Kind.DENSITY) {
            throw new IllegalArgumentException(s.source() + "/mechanism: " + s.mechanism()
                    + " is a density mechanism, not a point process");
        }
        if (s instanceof Stimulus.PointProcessInput in) {
            for (String p : in.parameters().keySet()) {
                try {
                    m.requireSettable(p);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(s.source() + "/parameters/" + p + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The engine's fields for a stimulus: IClamp's del, dur, amp; SEClamp's rs, dur1..3, amp1..3; or as given. */
    private static Map<String, Double> parameters(Stimulus s) {
        Map<String, Double> p = new LinkedHashMap<>();
        if (s instanceof Stimulus.CurrentClamp c) {
            p.put("del", c.delayMs());
            p.put("dur", c.durMs());
            p.put("amp", c.ampNa());
        } else if (s instanceof Stimulus.VoltageClamp c) {
            p.put("rs", c.rsMOhm());
            for (int i = 0; i < c.levels().size(); i++) {
                p.put("dur" + (i + 1), c.levels().get(i).durMs());
                p.put("amp" + (i + 1), c.levels().get(i).ampMv());
            }
        } else {
            p.putAll(((Stimulus.PointProcessInput) s).parameters());
        }
        return p;
    }

    /** Whether the mechanism's blocks take events: they override {@link MechanismBlock#deliver} (NET_RECEIVE). */
    private static boolean receivesEvents(MechanismBlock block) {
        try {
            return block.getClass().getMethod("deliver", int.class, int.class, double.class).getDeclaringClass()
                    != MechanismBlock.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A live array element to record and the column's default name. */
    private record Column(double[] array, int index, String defaultName) {
    }

    private static Column atSite(Simulation sim, List<String> densities, Recording.AtSite r,
                                 Sites.Resolved at) {
        Discretization disc = sim.discretization();
        Section section = disc.morphology().section(at.section());
        int node = disc.node(at.section(), at.x());
        String name = r.variable() + ":" + section.name() + "(" + nodeX(section, at.x()) + ")";
        String v = r.variable();
        if (v.equals("v")) {
            return new Column(sim.state().v, node, name);
        }
        List<String> ions = new ArrayList<>();
        for (Ion ion : sim.state().ions()) {
            String n = ion.name();
            ions.add(n);
            if (v.equals(n + "i")) {
                return new Column(ion.concentration, node, name);
            } else if (v.equals(n + "o")) {
                return new Column(ion.outside, node, name);
            } else if (v.equals("i" + n)) {
                return new Column(ion.current(), node, name);
            } else if (v.equals("e" + n)) {
                return new Column(ion.reversalObservedAt(node), node, name);
            }
        }
        for (int k = v.indexOf('_'); k > 0; k = v.indexOf('_', k + 1)) {
            String field = v.substring(0, k);
            String mechanism = v.substring(k + 1);
            if (!densities.contains(mechanism)) {
                continue;
            }
            MechanismBlock block = sim.block(mechanism);
            if (!hasField(block.mechanism(), field)) {
                throw new IllegalArgumentException(r.source() + "/variable: mechanism " + mechanism
                        + " has no field '" + field + "'; its fields: " + fieldNames(block.mechanism()));
            }
            int instance;
            try {
                instance = sim.densityInstance(mechanism, at.section(), section.segmentAt(at.x()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.source() + "/variable: " + e.getMessage(), e);
            }
            return new Column(block.column(field), instance, name);
        }
        throw new IllegalArgumentException(r.source() + "/variable: cannot record '" + v + "': record v, an ion's "
                + "value (<ion>i, <ion>o, i<ion>, e<ion> for the ions " + ions + ") or a density mechanism's field "
                + "as field_mechanism (mechanisms: " + densities + ")");
    }

    private static Column ofStimulus(Simulation sim, Recording.OfStimulus r, Map<String, PointProcess> handles) {
        PointProcess p = handles.get(r.stimulus());
        if (p == null) {
            throw new IllegalArgumentException(r.source() + "/stimulus: no stimulus named '" + r.stimulus()
                    + "'; the stimuli: " + handles.keySet());
        }
        MechanismBlock block = sim.block(p.mechanism());
        if (!hasField(block.mechanism(), r.variable())) {
            throw new IllegalArgumentException(r.source() + "/variable: mechanism " + p.mechanism()
                    + " has no field '" + r.variable() + "'; its fields: " + fieldNames(block.mechanism()));
        }
        return new Column(block.column(r.variable()), p.instance(), r.variable() + ":" + r.stimulus());
    }

    /**
     * The x of the node a location records, as NEURON's {@code %g} prints it: the segment's centre inside a
     * section, 0 or 1 at its ends.
     */
    static String nodeX(Section section, double x) {
        double at = x == 0 || x == 1 ? x : section.segmentX(section.segmentAt(x));
        return new BigDecimal(at).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static boolean hasField(Mechanism m, String name) {
        return m.fields().stream().anyMatch(f -> f.name().equals(name));
    }

    private static List<String> fieldNames(Mechanism m) {
        return m.fields().stream().map(FieldSpec::name).toList();
    }

    private static StepObserver progressEvery(DoubleConsumer progress, long steps) {
        return new StepObserver() {
            @Override
            public void initialized(Simulation sim) {
                progress.accept(0);
            }

            @Override
            public void stepped(Simulation sim) {
                if (sim.steps() % steps == 0) {
                    progress.accept(sim.t());
                }
            }
        };
    }
}
