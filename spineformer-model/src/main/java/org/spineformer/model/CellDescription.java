package org.spineformer.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.model.expr.Expression;

/**
 * A cell as data: where its sections come from, named regions, nseg rules, an axon replacement, painted values,
 * spines and point processes, temperature and initial voltage. Immutable; {@link CellAssembler} turns it into a
 * morphology with painted values and {@link ModelLowering} onto the engine. The JSON form is read by
 * {@link DescriptionReader} (docs/user/cell-description.md); {@link #builder(String)} is the same in Java.
 *
 * @param parameters     named numbers the description's expressions may read (e.g. {@code apical.imGbar}), with
 *                       their values; {@link #withParameters} substitutes others (how experiments vary a cell)
 * @param scale          length and diameter scalings after the axon replacement ({@link ScaleRule})
 * @param distanceOrigin where path distances are measured from unless a rule says otherwise (null: the root's
 *                       middle, x = 0.5)
 * @param experiment     what the paper's experiments read from the cell (axons, query pulses); null when the
 *                       description has no {@code experiment} part
 * @param mod            mod file sets the description's mechanisms come from, beside the built-in catalogue:
 *                       {@code bundled:NAME} names a set shipped with Spineformer (spineformer-nmodl's
 *                       {@code BundledMod}); whoever lowers the cell compiles them (empty: the catalogue alone)
 * @param sourceFiles    the files the description was read from beside its own, by role, for a run's provenance
 *                       ({@code allen_fit}: the fit.json an Allen pair file names); empty for most
 */
public record CellDescription(String name, Map<String, Double> parameters, MorphologySource morphology,
                              Location distanceOrigin, Map<String, Region> regions, List<NsegRule> nseg,
                              AxonReplacement axonReplacement, List<ScaleRule> scale, List<PaintRule> paint,
                              List<SpineRule> spines, List<PointProcessSpec> pointProcesses, double celsius,
                              double vInitMv, ExperimentSettings experiment, List<String> mod,
                              Map<String, Path> sourceFiles) {
    /** The prefix of a bundled mod set's name in {@link #mod}. */
    public static final String BUNDLED_MOD = "bundled:";

    public CellDescription {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        nseg = List.copyOf(nseg);
        scale = List.copyOf(scale);
        paint = List.copyOf(paint);
        spines = List.copyOf(spines);
        pointProcesses = List.copyOf(pointProcesses);
        mod = List.copyOf(mod);
        sourceFiles = Collections.unmodifiableMap(new LinkedHashMap<>(sourceFiles));
        for (String set : mod) {
            if (!set.startsWith(BUNDLED_MOD) || set.length() == BUNDLED_MOD.length()) {
                throw new IllegalArgumentException("cell description " + name + ": mod set '" + set + "' must be "
                        + BUNDLED_MOD + "NAME (a set shipped with Spineformer)");
            }
        }
        if (morphology == null) {
            throw new IllegalArgumentException("cell description " + name + ": no morphology");
        }
        if (!Double.isFinite(celsius) || !Double.isFinite(vInitMv)) {
            throw new IllegalArgumentException("cell description " + name + ": celsius and v_init must be finite, were "
                    + celsius + " and " + vInitMv);
        }
    }

    /** A description without experiment settings whose mechanisms all come from the catalogue. */
    public CellDescription(String name, Map<String, Double> parameters, MorphologySource morphology,
                           Location distanceOrigin, Map<String, Region> regions, List<NsegRule> nseg,
                           AxonReplacement axonReplacement, List<PaintRule> paint, List<SpineRule> spines,
                           List<PointProcessSpec> pointProcesses, double celsius, double vInitMv) {
        this(name, parameters, morphology, distanceOrigin, regions, nseg, axonReplacement, List.of(), paint, spines,
                pointProcesses, celsius, vInitMv, null, List.of(), Map.of());
    }

    /** A description whose mechanisms all come from the catalogue. */
    public CellDescription(String name, Map<String, Double> parameters, MorphologySource morphology,
                           Location distanceOrigin, Map<String, Region> regions, List<NsegRule> nseg,
                           AxonReplacement axonReplacement, List<PaintRule> paint, List<SpineRule> spines,
                           List<PointProcessSpec> pointProcesses, double celsius, double vInitMv,
                           ExperimentSettings experiment) {
        this(name, parameters, morphology, distanceOrigin, regions, nseg, axonReplacement, List.of(), paint, spines,
                pointProcesses, celsius, vInitMv, experiment, List.of(), Map.of());
    }

    /** The same description with these experiment settings (null: none). */
    public CellDescription withExperiment(ExperimentSettings settings) {
        return new CellDescription(name, parameters, morphology, distanceOrigin, regions, nseg, axonReplacement,
                scale, paint, spines, pointProcesses, celsius, vInitMv, settings, mod, sourceFiles);
    }

    /**
     * The same description with some parameters replaced. Every name must be a parameter of the description; a
     * value may be any double (ranges are checked where it is used).
     */
    public CellDescription withParameters(Map<String, Double> values) {
        Map<String, Double> merged = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!parameters.containsKey(e.getKey())) {
                throw new IllegalArgumentException("cell description " + name + " has no parameter '" + e.getKey()
                        + "'; it has " + parameters.keySet());
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new CellDescription(name, merged, morphology, distanceOrigin, regions, nseg, axonReplacement,
                scale, paint, spines, pointProcesses, celsius, vInitMv, experiment, mod, sourceFiles);
    }

    /**
     * The same description with a relative morphology file path resolved against {@code directory} (how a bundled
     * description finds the published model's file the user downloaded); inline sections and absolute paths are
     * kept.
     */
    public CellDescription withMorphologyDirectory(Path directory) {
        if (!(morphology instanceof MorphologySource.File f) || Path.of(f.path()).isAbsolute()) {
            return this;
        }
        List<String> then = f.then().stream().map(p -> directory.resolve(p).toString()).toList();
        return new CellDescription(name, parameters,
                new MorphologySource.File(directory.resolve(f.path()).toString(), then),
                distanceOrigin, regions, nseg, axonReplacement, scale, paint, spines, pointProcesses, celsius, vInitMv,
                experiment, mod, sourceFiles);
    }

    /**
     * The same description with {@code parameter} set to {@code value} on every spine synapse of {@code mechanism}
     * (how the experiments set the potentiation threshold of a cell they did not write).
     */
    public CellDescription withSpineSynapseParameter(String mechanism, String parameter, double value) {
        List<SpineRule> rules = new ArrayList<>();
        for (SpineRule r : spines) {
            List<SpineRule.SynapseSpec> synapses = new ArrayList<>();
            for (SpineRule.SynapseSpec s : r.synapses()) {
                if (s.mechanism().equals(mechanism)) {
                    Map<String, Expression> values = new LinkedHashMap<>(s.parameters());
                    values.put(parameter, Expression.constant(value));
                    s = new SpineRule.SynapseSpec(s.name(), s.mechanism(), s.x(), values, s.weight(), s.delayMs());
                }
                synapses.add(s);
            }
            rules.add(new SpineRule(r.source(), r.on(), r.placement(), r.neckName(), r.neck(), r.headName(), r.head(),
                    r.neckMechanisms(), r.headMechanisms(), synapses));
        }
        return new CellDescription(name, parameters, morphology, distanceOrigin, regions, nseg, axonReplacement,
                scale, paint, rules, pointProcesses, celsius, vInitMv, experiment, mod, sourceFiles);
    }

    /** The parameters as expression variables; any other name is an error naming the known ones. */
    public Expression.Variables variables() {
        return n -> {
            Double v = parameters.get(n);
            if (v == null) {
                throw new IllegalArgumentException("unknown name '" + n + "' (parameters: " + parameters.keySet() + ")");
            }
            return v;
        };
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The Java form of a description: the same parts as the JSON file, added in the same order. */
    public static final class Builder {
        private final String name;
        private final Map<String, Double> parameters = new LinkedHashMap<>();
        private MorphologySource morphology;
        private Location distanceOrigin;
        private final Map<String, Region> regions = new LinkedHashMap<>();
        private final List<NsegRule> nseg = new ArrayList<>();
        private AxonReplacement axon;
        private final List<ScaleRule> scale = new ArrayList<>();
        private final List<PaintRule> paint = new ArrayList<>();
        private final List<SpineRule> spines = new ArrayList<>();
        private final List<PointProcessSpec> pointProcesses = new ArrayList<>();
        private double celsius = 6.3;
        private double vInit = -65;
        private ExperimentSettings experiment;
        private final List<String> mod = new ArrayList<>();
        private final Map<String, Path> sourceFiles = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder parameter(String key, double value) {
            parameters.put(key, value);
            return this;
        }

        public Builder morphology(MorphologySource source) {
            this.morphology = source;
            return this;
        }

        public Builder distanceOrigin(Location origin) {
            this.distanceOrigin = origin;
            return this;
        }

        public Builder region(String label, Region region) {
            regions.put(label, region);
            return this;
        }

        public Builder nseg(Region region, Nseg rule) {
            nseg.add(new NsegRule("nseg rule " + nseg.size(), region, rule));
            return this;
        }

        public Builder axonReplacement(AxonReplacement replacement) {
            this.axon = replacement;
            return this;
        }

        public Builder scale(ScaleRule rule) {
            scale.add(rule);
            return this;
        }

        public Builder paint(PaintRule rule) {
            paint.add(rule);
            return this;
        }

        /** Membrane values (cm, Ra) on a region. */
        public Builder membrane(Region region, Map<String, Distribution> values) {
            return paint(new PaintRule("paint rule " + paint.size(), region, PaintRule.Target.MEMBRANE, null, values,
                    null, false, null));
        }

        /** Inserts a density mechanism on a region with the given parameters. */
        public Builder mechanism(Region region, String mechanism, Map<String, Distribution> values) {
            return paint(new PaintRule("paint rule " + paint.size(), region, PaintRule.Target.MECHANISM, mechanism,
                    values, null, false, null));
        }

        public Builder ions(Region region, Map<String, Distribution> values) {
            return paint(new PaintRule("paint rule " + paint.size(), region, PaintRule.Target.IONS, null, values,
                    null, false, null));
        }

        public Builder spines(SpineRule rule) {
            spines.add(rule);
            return this;
        }

        public Builder pointProcess(PointProcessSpec spec) {
            pointProcesses.add(spec);
            return this;
        }

        public Builder celsius(double value) {
            this.celsius = value;
            return this;
        }

        public Builder vInit(double mv) {
            this.vInit = mv;
            return this;
        }

        /** Adds a mod file set ({@code bundled:NAME}) the mechanisms come from. */
        public Builder mod(String set) {
            mod.add(set);
            return this;
        }

        /** Names a file the description was read from beside its own ({@link CellDescription#sourceFiles}). */
        public Builder sourceFile(String role, Path file) {
            sourceFiles.put(role, file);
            return this;
        }

        public Builder experiment(ExperimentSettings settings) {
            this.experiment = settings;
            return this;
        }

        public CellDescription build() {
            return new CellDescription(name, parameters, morphology, distanceOrigin, regions, nseg, axon, scale, paint,
                    spines, pointProcesses, celsius, vInit, experiment, mod, sourceFiles);
        }
    }
}
