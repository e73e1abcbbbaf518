package org.spineformer.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Pt3d;
import org.spineformer.engine.morph.Section;
import org.spineformer.engine.morph.SegmentGeometry;
import org.spineformer.model.expr.Expression;
import org.spineformer.morphology.ImportedMorphology;
import org.spineformer.morphology.MorphologyReader;

/**
 * Applies a {@link CellDescription} to its sections, in NEURON models' order: sections (inline, or read from the
 * description's SWC/ASC/hoc file) -> nseg rules -> axon replacement -> scale rules -> spines -> inline diameters ->
 * paint rules in order. Sections read from a file keep their 3-D points: whatever nseg they get, their diameters,
 * areas and resistances come from the points, as in NEURON (a hoc file's section of L and diam keeps its one
 * diameter in every segment). No catalogue is needed: painted mechanisms are names
 * and numbers ({@link AssembledCell}).
 */
public final class CellAssembler {
    /** NEURON's default specific capacitance (uF/cm2), where no rule paints cm. */
    public static final double DEFAULT_CM = 1;
    /** NEURON's default axial resistivity (ohm cm), where no rule paints Ra. */
    public static final double DEFAULT_RA = 35.4;

    private final CellDescription d;
    private final Expression.Variables params;
    private final List<String> morphologyWarnings;
    /** The rules on section types this cell lacks, which did nothing, by why ({@link Regions#absence}). */
    private final Map<String, List<String>> skippedRules = new LinkedHashMap<>();

    private CellAssembler(CellDescription d, List<String> morphologyWarnings) {
        this.d = d;
        this.params = d.variables();
        this.morphologyWarnings = morphologyWarnings;
    }

    /**
     * Assembles a description: its inline sections, or its morphology file read as NEURON's Import3d reads it (a
     * relative path is relative to the working directory; {@link CellDescription#withMorphologyDirectory} resolves
     * it elsewhere).
     */
    public static AssembledCell assemble(CellDescription description) {
        if (description.morphology() instanceof MorphologySource.File f) {
            List<Path> paths = f.paths().stream().map(Path::of).toList();
            for (Path path : paths) {
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("cell description " + description.name() + ": morphology file "
                            + path + " does not exist (where to put a published model's morphology file:"
                            + " docs/user/cell-description.md)");
                }
            }
            return assemble(description, paths.size() == 1 ? MorphologyReader.read(paths.get(0))
                    : MorphologyReader.readHoc(paths));
        }
        return new CellAssembler(description, List.of()).run(null);
    }

    /**
     * Assembles a description whose morphology is a file on that file already read (the sections keep their 3-D
     * points; their cm and Ra are those the paint rules give).
     */
    public static AssembledCell assemble(CellDescription description, ImportedMorphology source) {
        if (!(description.morphology() instanceof MorphologySource.File)) {
            throw new IllegalArgumentException("cell description " + description.name()
                    + " has inline sections: it takes no morphology");
        }
        // nseg 1, NEURON's defaults until the rules say otherwise; the order puts every parent first
        return new CellAssembler(description, source.warnings())
                .run(source.toMorphology(s -> 1, s -> DEFAULT_RA, s -> DEFAULT_CM));
    }

    /** A section while the description is applied. */
    private static final class Work {
        final String name;
        final String parent;
        final double parentX;
        double length;
        int nseg;
        Pt3d points; // null for cylinders
        final Diameter rule; // null unless an inline section
        double[] diam; // per segment; null for an inline section until its rule is evaluated
        double cm = DEFAULT_CM;
        double ra = DEFAULT_RA;
        final List<Spine> spines = new ArrayList<>();

        Work(String name, String parent, double parentX, double length, int nseg, Pt3d points, Diameter rule) {
            this.name = name;
            this.parent = parent;
            this.parentX = parentX;
            this.length = length;
            this.nseg = nseg;
            this.points = points;
            this.rule = rule;
        }

        /** The segment diameters of a section with 3-D points cut into n segments (they do not depend on Ra). */
        double[] pointDiameters(int n) {
            return SegmentGeometry.frusta(points, n, DEFAULT_RA).diamUm();
        }

        /**
         * The membrane area (um2): of the segment holding x (hoc's {@code area(x)}), or with x null the sum over its
         * segments, as hoc's {@code for (x) a += area(x)}.
         */
        double area(Double x, String source) {
            if (diam == null) {
                throw new IllegalArgumentException(source + ": section " + name + " is an inline section, whose "
                        + "diameters are known only after every rule: give it from a morphology file or as a stub");
            }
            double[] areas = points != null ? SegmentGeometry.frusta(points, nseg, DEFAULT_RA).areaUm2()
                    : SegmentGeometry.cylinders(length, DEFAULT_RA, diam).areaUm2();
            if (x != null) {
                return areas[Section.segmentAt(x, nseg)];
            }
            double sum = 0;
            for (double a : areas) {
                sum += a;
            }
            return sum;
        }
    }

    private record Spine(int rule, int k, double x) {
    }

    private AssembledCell run(Morphology source) {
        List<Work> work = source == null ? inlineSections() : sourceSections(source);
        applyNseg(work);
        work = replaceAxon(work);
        scale(work);
        placeSpines(work);

        // final order: each section followed by its spines (neck, head)
        List<Work> sections = new ArrayList<>();
        List<int[]> spineSections = new ArrayList<>();
        List<SpineRule> spineRules = new ArrayList<>();
        for (Work w : work) {
            sections.add(w);
            for (Spine sp : w.spines) {
                SpineRule r = d.spines().get(sp.rule());
                Work neck = spinePart(r.neck(), r.neckName(), sp.k(), w.name, sp.x(), r.source() + "/neck");
                sections.add(neck);
                sections.add(spinePart(r.head(), r.headName(), sp.k(), neck.name, 1, r.source() + "/head"));
                spineSections.add(new int[] {sections.size() - 2, sections.size() - 1});
                spineRules.add(r);
            }
        }
        int n = sections.size();
        List<String> names = sections.stream().map(w -> w.name).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("cell description " + d.name() + ": two sections are named "
                        + names.get(i));
            }
        }

        // topology with placeholder diameters: path distances need only L, nseg and connections
        Morphology topology = new Morphology();
        int[] parentIndex = new int[n];
        for (int i = 0; i < n; i++) {
            Work w = sections.get(i);
            if (w.parent == null) {
                parentIndex[i] = -1;
            } else {
                Integer p = index.get(w.parent);
                if (p == null || p >= i) {
                    throw new IllegalArgumentException("cell description " + d.name() + ": section " + w.name
                            + ": parent " + w.parent + (p == null ? " does not exist" : " must come before it"));
                }
                parentIndex[i] = p;
            }
            topology.add(new Section(w.name, w.length, w.nseg, 1, Morphology.filled(w.nseg, 1),
                    Morphology.filled(w.nseg, 1), parentIndex[i], w.parent == null ? 0 : w.parentX));
        }
        Location origin = d.distanceOrigin() != null ? d.distanceOrigin() : new Location(names.get(0), 0.5);
        Regions regions = new Regions(names, attachments(sections), topology, d.regions(), origin);
        int originSection = regions.indexOf(origin.section(), "cell description " + d.name() + ": distance origin");

        double[][] diam = new double[n][];
        double[][] cm = new double[n][];
        double[] ra = new double[n];
        for (int i = 0; i < n; i++) {
            Work w = sections.get(i);
            diam[i] = w.diam != null ? w.diam : inlineDiameter(w, i, topology, regions, diam, parentIndex);
            cm[i] = Morphology.filled(w.nseg, w.cm);
            ra[i] = w.ra;
        }

        List<Map<String, Map<String, double[]>>> mechanisms = new ArrayList<>();
        List<Map<String, double[]>> ions = new ArrayList<>();
        List<Set<String>> fixedReversals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mechanisms.add(new LinkedHashMap<>());
            ions.add(new LinkedHashMap<>());
            fixedReversals.add(new LinkedHashSet<>());
        }
        List<String> mechanismOrder = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Painter painter = new Painter(topology, regions, origin, params, this::skipped);
        for (PaintRule rule : d.paint()) {
            painter.apply(rule, cm, ra, mechanisms, ions, fixedReversals, mechanismOrder, sources);
        }

        // spine mechanisms and synapses
        List<AssembledCell.Spine> spines = new ArrayList<>();
        List<AssembledCell.PlacedSynapse> synapses = new ArrayList<>();
        for (int s = 0; s < spineSections.size(); s++) {
            int neck = spineSections.get(s)[0], head = spineSections.get(s)[1];
            SpineRule r = spineRules.get(s);
            spines.add(new AssembledCell.Spine(neck, head));
            insertConstant(r.neckMechanisms(), neck, r.source() + "/neck_mechanisms", mechanisms, mechanismOrder,
                    sources);
            insertConstant(r.headMechanisms(), head, r.source() + "/head_mechanisms", mechanisms, mechanismOrder,
                    sources);
            for (int q = 0; q < r.synapses().size(); q++) {
                SpineRule.SynapseSpec syn = r.synapses().get(q);
                String where = r.source() + "/synapses/" + q;
                Map<String, Double> values = new LinkedHashMap<>();
                syn.parameters().forEach((k, v) -> values.put(k, v.evaluate(params)));
                double x = syn.x().evaluate(params);
                if (!(x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException(where + "/x: must be in [0, 1], was " + x);
                }
                synapses.add(new AssembledCell.PlacedSynapse(where, spines.size() - 1, syn.name(), syn.mechanism(), head, x,
                        values, syn.weight().evaluate(params), syn.delayMs().evaluate(params)));
            }
        }
        List<AssembledCell.PlacedPointProcess> points = new ArrayList<>();
        for (PointProcessSpec p : d.pointProcesses()) {
            Map<String, Double> values = new LinkedHashMap<>();
            p.parameters().forEach((k, v) -> values.put(k, v.evaluate(params)));
            points.add(new AssembledCell.PlacedPointProcess(p.source(), p.name(), p.mechanism(),
                    regions.indexOf(p.at().section(), p.source() + "/at"), p.at().x(), values));
        }

        Morphology morphology = new Morphology();
        for (int i = 0; i < n; i++) {
            try {
                Work w = sections.get(i);
                double parentX = parentIndex[i] < 0 ? 0 : w.parentX;
                morphology.add(w.points != null
                        ? Section.withPoints(w.name, w.points, w.nseg, ra[i], cm[i], parentIndex[i], parentX)
                        : new Section(w.name, w.length, w.nseg, ra[i], cm[i], diam[i], parentIndex[i], parentX));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cell description " + d.name() + ": " + e.getMessage(), e);
            }
        }
        return new AssembledCell(d.name(), morphology, List.copyOf(mechanismOrder), mechanisms, ions, fixedReversals,
                sources, List.copyOf(spines), List.copyOf(synapses), List.copyOf(points), originSection, origin.x(),
                d.celsius(), d.vInitMv(), morphologyWarnings, skippedRules());
    }

    private void skipped(String why, String source) {
        skippedRules.computeIfAbsent(why, k -> new ArrayList<>()).add(source);
    }

    /**
     * One line per absent region: why, and the rules on it (a template's apical rules name it many times), their
     * file said once: {@code FILE: region 'apical' selects nothing: ...: /paint/4/region, /paint/5/region}.
     */
    private List<String> skippedRules() {
        List<String> lines = new ArrayList<>();
        skippedRules.forEach((why, sources) -> {
            // a rule's source is "FILE: /json/pointer"
            String file = sources.get(0).substring(0, Math.max(0, sources.get(0).lastIndexOf(": ")));
            boolean oneFile = sources.stream().allMatch(src -> src.startsWith(file + ": "));
            List<String> rules = oneFile ? sources.stream().map(src -> src.substring(file.length() + 2)).toList()
                    : sources;
            lines.add((oneFile && !file.isEmpty() ? file + ": " : "") + why + ", so " + (rules.size() == 1
                    ? "this rule does" : "these " + rules.size() + " rules do") + " nothing (as NEURON's forsec over"
                    + " an empty section list): " + String.join(", ", rules));
        });
        return lines;
    }

    private List<Work> inlineSections() {
        List<Work> out = new ArrayList<>();
        for (SectionSpec s : ((MorphologySource.Inline) d.morphology()).sections()) {
            double length = s.lengthUm().evaluate(params);
            out.add(new Work(s.name(), s.parent(), s.parentX(), length, 1, null, s.diameter()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("cell description " + d.name() + ": no sections");
        }
        return out;
    }

    private static List<Work> sourceSections(Morphology m) {
        List<Work> out = new ArrayList<>();
        for (Section s : m.sections()) {
            Work w = new Work(s.name(), s.parent() < 0 ? null : m.section(s.parent()).name(), s.parentX(),
                    s.lengthUm(), s.nseg(), s.pt3d(), null);
            w.diam = s.diamUm();
            out.add(w);
        }
        return out;
    }

    private void applyNseg(List<Work> work) {
        List<String> names = work.stream().map(w -> w.name).toList();
        Regions regions = new Regions(names, attachments(work), null, d.regions(), null);
        for (NsegRule rule : d.nseg()) {
            boolean[] on = regions.sections(rule.region(), rule.source());
            if (Regions.none(on)) {
                skipped(regions.absence(rule.region()), rule.source());
            }
            for (int i = 0; i < on.length; i++) {
                if (on[i]) {
                    Work w = work.get(i);
                    w.nseg = nseg(rule, w, regions, i);
                    if (w.points != null) {
                        w.diam = w.pointDiameters(w.nseg);
                    } else if (w.diam != null) { // not an inline section, whose rule gives its diameters later
                        // a file's section of L and diam has one diameter along it, which NEURON keeps when nseg
                        // changes (node_realloc: each new segment takes the old segment at its centre)
                        w.diam = Morphology.filled(w.nseg, w.diam[0]);
                    }
                }
            }
        }
    }

    private int nseg(NsegRule rule, Work w, Regions regions, int index) {
        double value;
        if (rule.nseg() instanceof Nseg.Fixed f) {
            value = f.count().evaluate(params);
        } else if (rule.nseg() instanceof Nseg.Formula f) {
            value = f.count().evaluate(name -> name.equals("L") ? w.length : params.get(name));
        } else if (rule.nseg() instanceof Nseg.PerLength p) {
            value = 1 + 2 * (int) (w.length / (2 * p.segmentLengthUm().evaluate(params)));
        } else if (rule.nseg() instanceof Nseg.Multiply m) {
            double factor = m.factor().evaluate(params);
            if (!(factor >= 1) || factor != Math.rint(factor)) {
                throw new IllegalArgumentException(rule.source() + "/multiply: must be an integer >= 1, was "
                        + factor);
            }
            value = w.nseg * factor;
        } else {
            Nseg.DLambda dl = (Nseg.DLambda) rule.nseg();
            double ra = dl.raOhmCm() != null ? positive(dl.raOhmCm(), rule.source() + "/Ra")
                    : membraneConstant("Ra", regions, index, DEFAULT_RA, rule.source());
            double cm = dl.cmUfPerCm2() != null ? positive(dl.cmUfPerCm2(), rule.source() + "/cm")
                    : membraneConstant("cm", regions, index, DEFAULT_CM, rule.source());
            double lambda = lambdaF(w, dl.frequencyHz().evaluate(params), ra, cm, rule.source());
            value = (int) ((w.length / (dl.dLambda().evaluate(params) * lambda) + 0.9) / 2) * 2 + 1;
        }
        if (!(value >= 1) || value != Math.rint(value) || value > 1_000_000) {
            throw new IllegalArgumentException(rule.source() + ": nseg of section " + w.name
                    + " must be an integer >= 1, was " + value);
        }
        return (int) value;
    }

    private double positive(Expression e, String where) {
        double v = e.evaluate(params);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": must be a finite number > 0, was " + v);
        }
        return v;
    }

    /**
     * NEURON's {@code lambda_f(f)} (stdlib.hoc), the AC length constant (um) at f Hz: from the 3-D points when the
     * section has two or more (the sum of each piece's length over sqrt(d1 + d2)), otherwise from the diameter at
     * x = 0.5.
     */
    private double lambdaF(Work w, double frequencyHz, double ra, double cm, String source) {
        double k = 4 * Math.PI * frequencyHz * ra * cm;
        if (w.points != null && w.points.size() >= 2) {
            double lengthInDiameters = 0;
            for (int i = 1; i < w.points.size(); i++) {
                lengthInDiameters += (w.points.arc(i) - w.points.arc(i - 1))
                        / Math.sqrt((double) w.points.diam(i - 1) + w.points.diam(i));
            }
            return w.length / (lengthInDiameters * Math.sqrt(2) * 1e-5 * Math.sqrt(k));
        }
        double diamMid;
        if (w.diam != null) {
            diamMid = w.diam[w.diam.length / 2];
        } else if (w.rule instanceof Diameter.Constant c) {
            diamMid = c.diamUm().evaluate(params);
        } else {
            throw new IllegalArgumentException(source + ": the d_lambda rule needs the diameter of section "
                    + w.name + " before nseg is known: give it a constant diameter");
        }
        return 1e5 * Math.sqrt(diamMid / k);
    }

    /** The last membrane rule's constant value of cm or Ra on a section (for the d_lambda rule). */
    private double membraneConstant(String key, Regions regions, int section, double dflt, String source) {
        double value = dflt;
        for (PaintRule p : d.paint()) {
            Distribution v = p.values().get(key);
            if (p.target() != PaintRule.Target.MEMBRANE || v == null) {
                continue;
            }
            if (!(v instanceof Distribution.Constant c)) {
                throw new IllegalArgumentException(source + ": the d_lambda rule needs a constant " + key + ", but "
                        + p.source() + " paints it by distance or on part of a section");
            }
            if (regions.sections(p.region(), p.source())[section]) {
                value = c.value().evaluate(params);
            }
        }
        return value;
    }

    private List<Work> replaceAxon(List<Work> work) {
        AxonReplacement r = d.axonReplacement();
        if (r == null) {
            return work;
        }
        List<String> names = work.stream().map(w -> w.name).toList();
        boolean[] deleted = new boolean[work.size()];
        if (r.delete() != null) {
            Regions regions = new Regions(names, attachments(work), null, d.regions(), null);
            deleted = regions.sections(r.delete(), r.source() + "/delete");
            if (Regions.none(deleted)) {
                skipped(regions.absence(r.delete()), r.source() + "/delete");
            }
        }
        List<Work> kept = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            if (deleted[i]) {
                continue;
            }
            if (w.parent != null && deleted[names.indexOf(w.parent)]) {
                throw new IllegalArgumentException(r.source() + ": section " + w.name + " is kept but its parent "
                        + w.parent + " is deleted with the axon");
            }
            kept.add(w);
            keptNames.add(w.name);
        }
        if (r.stubs().isEmpty()) {
            return kept;
        }
        if (!keptNames.contains(r.attachTo().section())) {
            throw new IllegalArgumentException(r.source() + "/attach_to: no section named '" + r.attachTo().section()
                    + "' after the axon is deleted");
        }
        Map<String, Double> areas = new LinkedHashMap<>();
        r.areas().forEach((name, of) -> {
            int i = keptNames.indexOf(of.section());
            if (i < 0) {
                throw new IllegalArgumentException(r.source() + "/areas/" + name + ": no section named '"
                        + of.section() + "' after the axon is deleted");
            }
            areas.put(name, kept.get(i).area(of.x(), r.source() + "/areas/" + name));
        });
        Expression.Variables vars = name -> areas.containsKey(name) ? areas.get(name) : params.get(name);
        int segmentsNeeded = 0;
        int[] stubNseg = new int[r.stubs().size()];
        for (int s = 0; s < stubNseg.length; s++) {
            double v = r.stubs().get(s).nseg().evaluate(vars);
            if (!(v >= 1) || v != Math.rint(v)) {
                throw new IllegalArgumentException(r.stubs().get(s).source() + "/nseg: must be an integer >= 1, was "
                        + v);
            }
            stubNseg[s] = (int) v;
            segmentsNeeded += stubNseg[s];
        }
        double[] collected = null;
        if (r.diametersFromOriginal() instanceof AxonReplacement.FromOriginal.Chunked c) {
            collected = originalDiameters(work, deleted, segmentsNeeded, c.chunkUm().evaluate(params), r.source());
        } else if (r.diametersFromOriginal() instanceof AxonReplacement.FromOriginal.FirstAndLast) {
            collected = firstAndLastDiameters(work, deleted, stubNseg, r.source());
        }
        String parent = r.attachTo().section();
        double parentX = r.attachTo().x();
        double[] parentDiam = kept.get(keptNames.indexOf(parent)).diam;
        int next = 0;
        for (int s = 0; s < stubNseg.length; s++) {
            AxonReplacement.Stub stub = r.stubs().get(s);
            if (stub.parent() != null) {
                parent = stub.parent();
                parentX = stub.parentX();
                int p = keptNames.indexOf(parent);
                if (p < 0) {
                    throw new IllegalArgumentException(stub.source() + "/parent: no section named '"
                            + parent + "' among the kept sections and the stubs before it");
                }
                parentDiam = kept.get(p).diam;
            }
            double length = stub.lengthUm().evaluate(vars);
            double[] dm = collected != null ? Arrays.copyOfRange(collected, next, next += stubNseg[s])
                    : diameters(stub.diameter(), stubNseg[s], vars, parentDiam, stub.source());
            for (int j = 0; j < dm.length && r.pt3d(); j++) {
                dm[j] = (float) dm[j]; // define_shape's 3-D points hold it in single precision
            }
            Work w = new Work(stub.name(), parent, parentX, length, stubNseg[s], null, null);
            w.diam = dm;
            kept.add(w);
            keptNames.add(w.name);
            parent = stub.name();
            parentX = 1;
            parentDiam = dm;
        }
        return kept;
    }

    private static double[] originalDiameters(List<Work> work, boolean[] deleted, int needed, double chunk,
                                              String source) {
        double[] out = new double[needed];
        int count = 0;
        for (int i = 0; i < work.size() && count < needed; i++) {
            if (!deleted[i]) {
                continue;
            }
            Work w = pointsOf(work.get(i), source);
            int nseg = 1 + 2 * (int) (w.length / chunk / 2);
            double[] sampled = w.pointDiameters(nseg);
            for (int j = 0; j < nseg && count < needed; j++) {
                out[count++] = sampled[j];
            }
        }
        if (count < needed) {
            throw new IllegalArgumentException(source + ": the original axon gives " + count
                    + " segment diameters, the stubs need " + needed);
        }
        return out;
    }

    /**
     * {@link AxonReplacement.FromOriginal.FirstAndLast}: per stub segment, the first stub's the diameter of the
     * first deleted section as one segment, the second stub's that of the last deleted section.
     */
    private static double[] firstAndLastDiameters(List<Work> work, boolean[] deleted, int[] stubNseg, String source) {
        int first = -1, last = -1;
        for (int i = 0; i < work.size(); i++) {
            if (deleted[i]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException(source + ": the stub diameters come from the original axon's first"
                    + " and last sections, but the morphology has no axon");
        }
        double[] out = new double[stubNseg[0] + stubNseg[1]];
        java.util.Arrays.fill(out, 0, stubNseg[0], pointsOf(work.get(first), source).pointDiameters(1)[0]);
        java.util.Arrays.fill(out, stubNseg[0], out.length, pointsOf(work.get(last), source).pointDiameters(1)[0]);
        return out;
    }

    private static Work pointsOf(Work w, String source) {
        if (w.points == null) {
            throw new IllegalArgumentException(source + ": section " + w.name
                    + " has no 3-D points to take diameters from");
        }
        return w;
    }

    /** Per section, where it is attached (null for a root). */
    private static List<Location> attachments(List<Work> work) {
        return work.stream().map(w -> w.parent == null ? null : new Location(w.parent, w.parentX)).toList();
    }

    private void placeSpines(List<Work> work) {
        List<String> names = work.stream().map(w -> w.name).toList();
        Regions regions = new Regions(names, attachments(work), null, d.regions(), null);
        for (int r = 0; r < d.spines().size(); r++) {
            SpineRule rule = d.spines().get(r);
            boolean[] on = regions.sections(rule.on(), rule.source() + "/on");
            if (Regions.none(on)) {
                skipped(regions.absence(rule.on()), rule.source() + "/on");
                continue;
            }
            if (rule.placement() instanceof SpineRule.Placement.Spread spread) {
                spread(r, rule, spread, on, work);
                continue;
            }
            int k = 0;
            for (int i = 0; i < on.length; i++) {
                if (!on[i]) {
                    continue;
                }
                Work w = work.get(i);
                for (double x : positions(rule, w)) {
                    w.spines.add(new Spine(r, k++, x));
                }
            }
        }
    }

    /**
     * {@link SpineRule.Placement.Spread}: count/group groups shared out over the region's sections in proportion to
     * their length (largest remainder), each section's spines evenly spaced along it.
     */
    private void spread(int r, SpineRule rule, SpineRule.Placement.Spread spread, boolean[] on, List<Work> work) {
        String where = rule.source() + "/placement/spread";
        double count = spread.count().evaluate(params), group = spread.group().evaluate(params);
        if (!(group >= 1) || group != Math.rint(group) || !(count >= group) || count != Math.rint(count)
                || count % group != 0) {
            throw new IllegalArgumentException(where + ": count and group must be integers >= 1 with count a multiple"
                    + " of group, were count " + count + ", group " + group);
        }
        int groups = (int) (count / group);
        List<Integer> sections = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                sections.add(i);
                total += work.get(i).length;
            }
        }
        int[] share = new int[sections.size()];
        double[] remainder = new double[sections.size()];
        int given = 0;
        for (int s = 0; s < share.length; s++) {
            double quota = groups * work.get(sections.get(s)).length / total;
            share[s] = (int) Math.floor(quota);
            remainder[s] = quota - share[s];
            given += share[s];
        }
        // the groups left go one each to the largest remainders, the earlier section first on a tie
        List<Integer> byRemainder = new ArrayList<>();
        for (int s = 0; s < share.length; s++) {
            byRemainder.add(s);
        }
        byRemainder.sort((x, y) -> remainder[x] != remainder[y] ? Double.compare(remainder[y], remainder[x])
                : Integer.compare(x, y));
        for (int j = 0; j < groups - given; j++) {
            share[byRemainder.get(j)]++;
        }
        int k = 0;
        for (int s = 0; s < share.length; s++) {
            int n = share[s] * (int) group;
            Work w = work.get(sections.get(s));
            for (int j = 0; j < n; j++) {
                w.spines.add(new Spine(r, k++, (j + 0.5) / n));
            }
        }
    }

    private double[] positions(SpineRule rule, Work w) {
        Expression.Variables vars = name -> name.equals("L") ? w.length : params.get(name);
        String where = rule.source() + "/placement";
        double[] xs;
        if (rule.placement() instanceof SpineRule.Placement.Positions p) {
            xs = p.xs().stream().mapToDouble(e -> e.evaluate(vars)).toArray();
        } else {
            double start, stop, count;
            if (rule.placement() instanceof SpineRule.Placement.Evenly e) {
                start = e.startUm().evaluate(vars);
                stop = w.length - e.endMarginUm().evaluate(vars);
                count = e.count().evaluate(vars);
            } else {
                SpineRule.Placement.Density e = (SpineRule.Placement.Density) rule.placement();
                start = e.startUm().evaluate(vars);
                stop = w.length - e.endMarginUm().evaluate(vars);
                count = Math.max(1, Math.round(e.perUm().evaluate(vars) * (stop - start)));
            }
            if (!(count >= 1) || count != Math.rint(count)) {
                throw new IllegalArgumentException(where + ": spine count on " + w.name + " must be an integer >= 1, was "
                        + count);
            }
            int c = (int) count;
            xs = new double[c];
            for (int i = 0; i < c; i++) {
                // numpy's linspace: start + i*step, the last point exactly at stop
                double position = c == 1 ? start : (i == c - 1 ? stop : start + i * ((stop - start) / (c - 1)));
                xs[i] = position / w.length;
            }
        }
        for (double x : xs) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException(where + ": spine position on " + w.name
                        + " must be within the section (x in [0, 1]), was x = " + x);
            }
        }
        return xs;
    }

    /** A spine neck or head: one cylinder segment with its own Ra and cm. */
    private Work spinePart(SpineRule.Part p, String namePattern, int k, String parent, double x, String where) {
        double[] g = {p.lengthUm().evaluate(params), p.diamUm().evaluate(params), p.raOhmCm().evaluate(params),
            p.cmUfPerCm2().evaluate(params)};
        for (double v : g) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(where + ": L, diam, Ra and cm must be finite and > 0, were "
                        + Arrays.toString(g));
            }
        }
        Work w = new Work(namePattern.replace("{k}", Integer.toString(k)), parent, x, g[0], 1, null, null);
        w.diam = new double[] {g[1]};
        w.ra = g[2];
        w.cm = g[3];
        return w;
    }

    private double[] inlineDiameter(Work w, int i, Morphology topology, Regions regions, double[][] diam,
                                    int[] parentIndex) {
        if (!(w.rule instanceof Diameter.Formula f)) {
            return diameters(w.rule, w.nseg, params, parentIndex[i] >= 0 ? diam[parentIndex[i]] : null,
                    "section " + w.name);
        }
        double[] out = new double[w.nseg];
        Location origin = f.origin() != null ? f.origin() : d.distanceOrigin() != null ? d.distanceOrigin()
                : new Location(topology.section(0).name(), 0.5);
        int os = regions.indexOf(origin.section(), "section " + w.name + " diameter origin");
        for (int j = 0; j < out.length; j++) {
            double dist = topology.pathDistance(os, origin.x(), i, topology.section(i).segmentX(j));
            out[j] = f.expression().evaluate(name -> name.equals("distance") ? dist : params.get(name));
        }
        return checkedDiameters(out, "section " + w.name);
    }

    /**
     * The n segment diameters a rule other than a formula of distance gives, its expressions reading {@code vars};
     * {@code parentDiam}, the parent's segment diameters (null if none), for a geometric rule from the parent.
     */
    private static double[] diameters(Diameter rule, int n, Expression.Variables vars, double[] parentDiam,
                                      String where) {
        double[] out = new double[n];
        if (rule instanceof Diameter.Constant c) {
            Arrays.fill(out, c.diamUm().evaluate(vars));
        } else if (rule instanceof Diameter.Taper t) {
            double d0 = t.d0Um().evaluate(vars), d1 = t.d1Um().evaluate(vars);
            for (int j = 0; j < n; j++) {
                out[j] = (d1 - d0) * ((j + 0.5) / n) + d0;
            }
        } else if (rule instanceof Diameter.Interpolate t) {
            double d0 = t.d0Um().evaluate(vars), d1 = t.d1Um().evaluate(vars);
            for (int j = 0; j < n; j++) {
                double x = (j + 0.5) / n; // range_interpolate's x, its theta for diam(0:1)
                out[j] = d0 * (1 - x) + d1 * x;
            }
        } else {
            Diameter.Geometric g = (Diameter.Geometric) rule;
            double a;
            if (g.fromUm() != null) {
                a = g.fromUm().evaluate(vars);
            } else if (parentDiam != null) {
                a = parentDiam[parentDiam.length - 1];
            } else {
                throw new IllegalArgumentException(where + ": a geometric diameter from the parent needs a parent"
                        + " with diameters");
            }
            double b = g.toUm().evaluate(vars);
            double la = Math.log10(a), lb = Math.log10(b);
            for (int j = 0; j < n; j++) {
                out[j] = j == 0 ? a : j == n - 1 ? b : Math.pow(10, la + j * ((lb - la) / (n - 1)));
            }
        }
        return checkedDiameters(out, where);
    }

    private static double[] checkedDiameters(double[] diam, String where) {
        for (double v : diam) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(where + ": diameter must be finite and > 0, was " + v);
            }
        }
        return diam;
    }

    /** The scale rules in order, on whole sections ({@link ScaleRule}, {@link HocScaling}). */
    private void scale(List<Work> work) {
        List<String> names = work.stream().map(w -> w.name).toList();
        Regions regions = new Regions(names, attachments(work), null, d.regions(), null);
        for (ScaleRule rule : d.scale()) {
            boolean[] on = regions.sections(rule.region(), rule.source() + "/region");
            if (Regions.none(on)) {
                skipped(regions.absence(rule.region()), rule.source() + "/region");
            }
            for (int i = 0; i < on.length; i++) {
                if (!on[i]) {
                    continue;
                }
                Work w = work.get(i);
                double length = w.length, area = w.area(null, rule.source());
                double middle = w.diam[Section.segmentAt(0.5, w.nseg)]; // hoc's diam: diam(0.5)
                Expression.Variables vars = name -> name.equals("L") ? length : name.equals("area") ? area
                        : name.equals("diam") ? middle : params.get(name);
                Double setLength = rule.length() == null ? null
                        : positive(rule.length(), vars, rule.source() + "/set_L", "length", w.name);
                Double a = rule.lengthFactor() == null ? null
                        : positive(rule.lengthFactor(), vars, rule.source() + "/L", "factor", w.name);
                Double b = rule.diamFactor() == null ? null
                        : positive(rule.diamFactor(), vars, rule.source() + "/diam", "factor", w.name);
                Double setDiam = rule.diam() == null ? null
                        : positive(rule.diam(), vars, rule.source() + "/set_diam", "diameter", w.name);
                if (w.points != null) {
                    double newLength = setLength != null ? setLength
                            : a != null ? w.points.lengthUm() * a : w.points.lengthUm();
                    if (b != null) {
                        w.points = HocScaling.points(w.points, w.nseg, newLength, b);
                    } else if (setLength != null || a != null) {
                        w.points = w.points.stretchedTo(newLength);
                    }
                    if (setDiam != null) {
                        w.points = HocScaling.uniform(w.points, setDiam);
                    }
                    w.length = w.points.lengthUm();
                    w.diam = w.pointDiameters(w.nseg);
                } else {
                    w.length = setLength != null ? setLength : a != null ? w.length * a : w.length;
                    if (b != null) {
                        w.diam = HocScaling.cylinders(w.diam, b);
                    } else if (setDiam != null) {
                        w.diam = Morphology.filled(w.nseg, setDiam);
                    }
                }
            }
        }
    }

    private static double positive(Expression e, Expression.Variables vars, String where, String what,
                                   String section) {
        double v = e.evaluate(vars);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": the " + what + " on section " + section
                    + " must be finite and > 0, was " + v + " (" + e + ")");
        }
        return v;
    }

    private void insertConstant(Map<String, Map<String, Expression>> mechs, int section, String where,
                                List<Map<String, Map<String, double[]>>> mechanisms, List<String> order,
                                Map<String, String> sources) {
        for (Map.Entry<String, Map<String, Expression>> m : mechs.entrySet()) {
            Map<String, double[]> values = mechanisms.get(section).computeIfAbsent(m.getKey(), k -> new LinkedHashMap<>());
            if (!order.contains(m.getKey())) {
                order.add(m.getKey());
            }
            sources.putIfAbsent(m.getKey(), where + "/" + m.getKey());
            for (Map.Entry<String, Expression> p : m.getValue().entrySet()) {
                double v = p.getValue().evaluate(params);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException(where + "/" + m.getKey() + "/" + p.getKey() + ": gives NaN ("
                            + p.getValue() + ")");
                }
                values.put(p.getKey(), new double[] {v});
                sources.putIfAbsent(m.getKey() + "." + p.getKey(), where + "/" + m.getKey() + "/" + p.getKey());
            }
        }
    }

    /** C's printf("%.Nf") of the exact binary value (ties to even), read back as a double (Hay's sprint). */
    static double roundDecimals(double v, int decimals) {
        return Double.parseDouble(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }
}
