package org.spineformer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.model.expr.Expression;
import org.spineformer.model.json.StrictJson;
import org.spineformer.morphology.MorphologyReader;

/**
 * Reads the JSON cell description format (docs/user/cell-description.md). Strict: an unknown or missing key, a
 * value of the wrong type, an expression that does not parse or reads an unknown name is an error naming the file,
 * the JSON pointer of the key and the value, before anything is built.
 */
public final class DescriptionReader {
    /** The value of the {@code format} key this reader reads. */
    public static final String FORMAT = "spineformer-cell-description/1";

    private final String file;
    private final Path directory;
    private final Map<String, Double> parameters = new LinkedHashMap<>();

    private DescriptionReader(String file, Path directory) {
        this.file = file;
        this.directory = directory;
    }

    /** Reads a description file; a relative morphology file path is resolved against the file's directory. */
    public static CellDescription read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            Path dir = path.toAbsolutePath().getParent();
            return read(in, path.toString(), dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a description; {@code file} names it in errors; a morphology file path is kept as written. */
    public static CellDescription read(InputStream in, String file) {
        return read(in, file, null);
    }

    /** A description, or an Allen fit-and-morphology pair file ({@link AllenFitReader}) by its format. */
    private static CellDescription read(InputStream in, String file, Path directory) {
        StrictJson o = StrictJson.parse(in, file);
        if (o.node().isObject() && !o.has("format") && o.has("genome")) {
            throw o.error(null, "is an Allen fit.json, not a cell description: name it and its morphology in a file "
                    + "{\"format\": \"" + AllenFitReader.FORMAT + "\", \"fit\": ..., \"morphology\": ...} and give that"
                    + " (docs/user/models.md)");
        }
        return AllenFitReader.isPair(o) ? AllenFitReader.readPair(o, directory)
                : new DescriptionReader(file, directory).description(o);
    }

    private CellDescription description(StrictJson o) {
        o.keys(Set.of("format", "name", "morphology", "celsius", "v_init"), Set.of("description", "parameters",
                "distance_origin", "regions", "nseg", "axon_replacement", "scale", "paint", "spines", "point_processes",
                "experiment", "mod"));
        String format = o.string("format");
        if (!format.equals(FORMAT)) {
            throw o.error("format", "must be \"" + FORMAT + "\", was \"" + format + "\"");
        }
        if (o.has("parameters")) {
            StrictJson p = o.object("parameters");
            for (String key : p.fieldNames()) {
                parameters.put(key, constant(p, key));
            }
        }
        CellDescription.Builder b = CellDescription.builder(o.string("name"));
        parameters.forEach(b::parameter);
        b.morphology(morphology(o.object("morphology")));
        if (o.has("distance_origin")) {
            b.distanceOrigin(location(o.object("distance_origin")));
        }
        if (o.has("regions")) {
            StrictJson r = o.object("regions");
            for (String label : r.fieldNames()) {
                b.region(label, region(r.child(label)));
            }
        }
        CellDescription partial = b.celsius(constant(o, "celsius")).vInit(constant(o, "v_init")).build();
        List<NsegRule> nseg = new ArrayList<>();
        for (StrictJson rule : o.array("nseg")) {
            nseg.add(nsegRule(rule));
        }
        AxonReplacement axon = o.has("axon_replacement") ? axon(o.object("axon_replacement")) : null;
        List<ScaleRule> scale = new ArrayList<>();
        for (StrictJson rule : o.array("scale")) {
            rule.keys(Set.of("region"), Set.of("L", "set_L", "diam", "set_diam"));
            Set<String> section = Set.of("L", "area", "diam");
            scale.add(new ScaleRule(rule.where(), region(rule, "region"), optionalExpression(rule, "L", section),
                    optionalExpression(rule, "set_L", section), optionalExpression(rule, "diam", section),
                    optionalExpression(rule, "set_diam", section)));
        }
        List<PaintRule> paint = new ArrayList<>();
        for (StrictJson rule : o.array("paint")) {
            paint.add(paintRule(rule));
        }
        List<SpineRule> spines = new ArrayList<>();
        for (StrictJson rule : o.array("spines")) {
            spines.add(spineRule(rule));
        }
        List<PointProcessSpec> points = new ArrayList<>();
        for (StrictJson p : o.array("point_processes")) {
            p.keys(Set.of("name", "mechanism", "at"), Set.of("parameters"));
            points.add(new PointProcessSpec(p.where(), p.string("name"), p.string("mechanism"),
                    location(p.object("at")), expressions(p, "parameters", Set.of())));
        }
        List<String> mod = new ArrayList<>();
        List<StrictJson> sets = o.array("mod");
        for (int i = 0; i < sets.size(); i++) {
            String set = sets.get(i).node().isTextual() ? sets.get(i).node().asText() : "";
            if (!set.startsWith(CellDescription.BUNDLED_MOD) || set.length() == CellDescription.BUNDLED_MOD.length()) {
                throw sets.get(i).error(null, "a mod set is \"" + CellDescription.BUNDLED_MOD + "NAME\" (a set "
                        + "shipped with Spineformer, e.g. \"bundled:hay2011\"), was " + sets.get(i).node());
            }
            mod.add(set);
        }
        return new CellDescription(partial.name(), partial.parameters(), partial.morphology(),
                partial.distanceOrigin(), partial.regions(), nseg, axon, scale, paint, spines, points, partial.celsius(),
                partial.vInitMv(), o.has("experiment") ? experiment(o.object("experiment")) : null, mod, Map.of());
    }

    private ExperimentSettings experiment(StrictJson o) {
        o.keys(Set.of("axons"), Set.of("query", "spike_site", "v_init_mV", "bap_v_init_mV", "bap_window_ms"));
        Location queryAt = null;
        double amp = ExperimentSettings.DEFAULT_QUERY_AMP_NA;
        double dur = ExperimentSettings.DEFAULT_QUERY_DUR_MS;
        if (o.has("query")) {
            StrictJson q = o.object("query");
            q.keys(Set.of(), Set.of("at", "amplitude_nA", "duration_ms"));
            queryAt = q.has("at") ? location(q.object("at")) : null;
            amp = q.has("amplitude_nA") ? finite(q, "amplitude_nA") : amp;
            if (q.has("duration_ms")) {
                dur = finite(q, "duration_ms");
                if (!(dur > 0)) {
                    throw q.error("duration_ms", "must be > 0, was " + dur);
                }
            }
        }
        return new ExperimentSettings(o.where(), axons(o.object("axons")), queryAt, amp, dur,
                o.has("spike_site") ? location(o.object("spike_site")) : null,
                o.has("v_init_mV") ? finite(o, "v_init_mV") : null,
                o.has("bap_v_init_mV") ? finite(o, "bap_v_init_mV") : null, bapWindow(o));
    }

    /** The bAP protocol's peak window (ms after the pulse), or null for the whole run. */
    private Double bapWindow(StrictJson o) {
        if (!o.has("bap_window_ms")) {
            return null;
        }
        double w = finite(o, "bap_window_ms");
        if (!(w > 0)) {
            throw o.error("bap_window_ms", "must be > 0 (ms after the pulse), was " + w);
        }
        return w;
    }

    private ExperimentSettings.Axons axons(StrictJson o) {
        String kind = o.only(Set.of("consecutive", "groups"));
        if (kind.equals("consecutive")) {
            return new ExperimentSettings.Axons.Consecutive(o.where() + "/consecutive", spineIndex(o, "consecutive",
                    1));
        }
        List<String> sources = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        Map<Integer, String> owner = new LinkedHashMap<>();
        List<StrictJson> lists = o.array("groups");
        if (lists.isEmpty()) {
            throw o.error("groups", "is empty: give at least one axon");
        }
        for (StrictJson g : lists) {
            if (!g.node().isArray() || g.node().isEmpty()) {
                throw g.error(null, "an axon must be a non-empty array of spine indices, was " + g.node());
            }
            int[] spines = new int[g.node().size()];
            for (int i = 0; i < spines.length; i++) {
                int k = spineIndex(g, Integer.toString(i), 0);
                String other = owner.putIfAbsent(k, g.pointer() + "/" + i);
                if (other != null) {
                    throw g.error(Integer.toString(i), "spine " + k + " is already in another axon (" + other
                            + "): a spine receives one presynaptic train");
                }
                spines[i] = k;
            }
            sources.add(g.where());
            groups.add(spines);
        }
        return new ExperimentSettings.Axons.Groups(sources, groups);
    }

    /** An integer at least {@code min} at {@code key} of an object, or at index {@code key} of an array. */
    private int spineIndex(StrictJson o, String key, int min) {
        JsonNode n = o.node().isArray() ? o.node().get(Integer.parseInt(key)) : o.node().get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min) {
            throw o.error(key, "must be an integer >= " + min + ", was " + n);
        }
        return n.asInt();
    }

    /** A number or expression over the parameters, evaluated now, that must be finite. */
    private double finite(StrictJson o, String key) {
        double v = constant(o, key);
        if (!Double.isFinite(v)) {
            throw o.error(key, "must be finite, was " + v);
        }
        return v;
    }

    private static String severalFilesHocOnly(String name) {
        return "a cell made by several files takes hoc code only (names ending in .hoc, .cll or .nrn), run one after"
                + " the other as xopen runs them; " + name + " is not";
    }

    private MorphologySource morphology(StrictJson o) {
        if (o.has("file")) {
            o.keys(Set.of("file"), Set.of("then"));
            List<String> paths = new ArrayList<>();
            paths.add(o.string("file"));
            List<StrictJson> then = o.array("then");
            if (!then.isEmpty() && !MorphologyReader.isHoc(paths.get(0))) {
                throw o.error("file", severalFilesHocOnly(paths.get(0)));
            }
            for (StrictJson t : then) {
                String p = t.node().isTextual() ? t.node().asText() : "";
                if (p.isBlank()) {
                    throw t.error(null, "must be a non-empty string (a hoc file run after " + paths.get(0)
                            + "), was " + t.node());
                }
                if (!MorphologyReader.isHoc(p)) {
                    throw t.error(null, severalFilesHocOnly(p));
                }
                paths.add(p);
            }
            List<String> resolved = paths.stream()
                    .map(p -> directory == null ? p : directory.resolve(p).toString()).toList();
            return new MorphologySource.File(resolved.get(0), resolved.subList(1, resolved.size()));
        }
        o.keys(Set.of("sections"), Set.of());
        List<SectionSpec> sections = new ArrayList<>();
        for (StrictJson s : o.array("sections")) {
            s.keys(Set.of("name", "L", "diam"), Set.of("parent", "parent_x"));
            boolean root = !s.has("parent");
            if (root && s.has("parent_x")) {
                throw s.error("parent_x", "the root section has no parent");
            }
            sections.add(new SectionSpec(s.string("name"), root ? null : s.string("parent"),
                    root ? 0 : s.number("parent_x"), expression(s, "L", Set.of()), diameter(s, null)));
        }
        return new MorphologySource.Inline(sections);
    }

    /**
     * The {@code diam} of an inline section, or of a stub section ({@code extra}, the names its expressions may
     * read beside the parameters, not null).
     */
    private Diameter diameter(StrictJson s, Set<String> stubNames) {
        Set<String> extra = stubNames == null ? Set.of() : stubNames;
        JsonNode n = s.node().get("diam");
        if (!n.isObject()) {
            return new Diameter.Constant(expression(s, "diam", extra));
        }
        StrictJson d = s.object("diam");
        String kind = d.only(Set.of("origin"), Set.of("taper", "interpolate", "geometric", "formula"));
        if (!kind.equals("formula")) {
            d.keys(Set.of(kind), Set.of());
        }
        if (kind.equals("taper") || kind.equals("interpolate")) {
            StrictJson t = d.object(kind);
            t.keys(Set.of("d0", "d1"), Set.of());
            Expression d0 = expression(t, "d0", extra), d1 = expression(t, "d1", extra);
            return kind.equals("taper") ? new Diameter.Taper(d0, d1) : new Diameter.Interpolate(d0, d1);
        }
        if (kind.equals("geometric")) {
            StrictJson g = d.object("geometric");
            g.keys(Set.of("from", "to"), Set.of());
            boolean fromParent = g.node().get("from").isTextual() && g.node().get("from").asText().equals("parent");
            return new Diameter.Geometric(fromParent ? null : expression(g, "from", extra),
                    expression(g, "to", extra));
        }
        d.keys(Set.of("formula"), Set.of("origin"));
        if (stubNames != null) {
            throw d.error("formula", "a stub section's diameter cannot be a formula of distance (its distances are "
                    + "not known when it is made): give a number, an expression, a taper or an interpolation");
        }
        return new Diameter.Formula(expression(d, "formula", Set.of("distance")),
                d.has("origin") ? location(d.object("origin")) : null);
    }

    private Region region(StrictJson parent, String key) {
        return region(parent.child(key));
    }

    private Region region(StrictJson o) {
        if (o.node().isTextual()) {
            String name = o.node().asText();
            return name.equals("all") ? Region.all() : Region.named(name);
        }
        if (!o.node().isObject()) {
            throw o.error(null, "a region is a name or an object, was " + o.node());
        }
        String kind = o.only(Set.of("names", "distance", "distal_to", "starts_below_um", "union", "intersection",
                "difference"));
        switch (kind) {
            case "starts_below_um":
                return new Region.StartsBelow(constant(o, "starts_below_um"));
            case "names":
                return new Region.NamePattern(o.string("names"));
            case "distal_to":
                return new Region.DistalTo(location(o.object("distal_to")));
            case "distance": {
                StrictJson d = o.object("distance");
                d.keys(Set.of("min_um", "max_um"), Set.of("origin"));
                return new Region.Distance(d.has("origin") ? location(d.object("origin")) : null, constant(d, "min_um"),
                        constant(d, "max_um"));
            }
            case "difference": {
                List<StrictJson> parts = o.array("difference");
                if (parts.size() != 2) {
                    throw o.error("difference", "needs exactly two regions [base, minus], got " + parts.size());
                }
                return new Region.Difference(region(parts.get(0)), region(parts.get(1)));
            }
            default: {
                List<Region> parts = new ArrayList<>();
                for (StrictJson p : o.array(kind)) {
                    parts.add(region(p));
                }
                if (parts.isEmpty()) {
                    throw o.error(kind, "needs at least one region");
                }
                return kind.equals("union") ? new Region.Union(parts) : new Region.Intersection(parts);
            }
        }
    }

    private NsegRule nsegRule(StrictJson o) {
        String kind = o.only(Set.of("region", "frequency_hz", "Ra", "cm"),
                Set.of("fixed", "per_length_um", "d_lambda", "multiply", "formula"));
        Nseg rule;
        if (kind.equals("d_lambda")) {
            o.keys(Set.of("region", "d_lambda"), Set.of("frequency_hz", "Ra", "cm"));
            rule = new Nseg.DLambda(o.has("frequency_hz") ? expression(o, "frequency_hz", Set.of())
                    : Expression.constant(100), expression(o, "d_lambda", Set.of()),
                    o.has("Ra") ? expression(o, "Ra", Set.of()) : null,
                    o.has("cm") ? expression(o, "cm", Set.of()) : null);
        } else {
            o.keys(Set.of("region", kind), Set.of());
            Expression value = expression(o, kind, kind.equals("formula") ? Set.of("L") : Set.of());
            rule = switch (kind) {
                case "fixed" -> new Nseg.Fixed(value);
                case "multiply" -> new Nseg.Multiply(value);
                case "formula" -> new Nseg.Formula(value);
                default -> new Nseg.PerLength(value);
            };
        }
        return new NsegRule(o.where(), region(o, "region"), rule);
    }

    private AxonReplacement axon(StrictJson o) {
        o.keys(Set.of(), Set.of("attach_to", "sections", "delete", "pt3d", "diameters_from_original", "areas"));
        Map<String, AxonReplacement.AreaOf> areas = new LinkedHashMap<>();
        if (o.has("areas")) {
            StrictJson a = o.object("areas");
            for (String name : a.fieldNames()) {
                if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*") || parameters.containsKey(name)
                        || name.equals("pi") || name.equals("inf")) {
                    throw a.error(name, "an area's name must be a new name for expressions (letters, digits, _ and ., "
                            + "not a parameter, pi or inf), was '" + name + "'");
                }
                if (a.node().get(name).isObject()) { // one segment's area: {"section", "x"}
                    Location at = location(a.object(name));
                    areas.put(name, new AxonReplacement.AreaOf(at.section(), at.x()));
                } else {
                    areas.put(name, new AxonReplacement.AreaOf(a.string(name), null));
                }
            }
        }
        AxonReplacement.FromOriginal original = null;
        if (o.has("diameters_from_original")) {
            StrictJson f = o.object("diameters_from_original");
            if (f.only(Set.of("chunk_um", "sections")).equals("chunk_um")) {
                original = new AxonReplacement.FromOriginal.Chunked(expression(f, "chunk_um", Set.of()));
            } else if (f.string("sections").equals("first_and_last")) {
                original = new AxonReplacement.FromOriginal.FirstAndLast();
            } else {
                throw f.error("sections", "must be \"first_and_last\", was \"" + f.string("sections") + "\"");
            }
        }
        List<AxonReplacement.Stub> stubs = new ArrayList<>();
        for (StrictJson s : o.array("sections")) {
            if (!s.has("repeat")) {
                stubs.add(stub(s, areas.keySet(), null));
                continue;
            }
            // a unit of sections n times: {i} in their names and parents is 0 .. n-1
            s.keys(Set.of("repeat", "sections"), Set.of());
            JsonNode n = s.node().get("repeat");
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
                throw s.error("repeat", "must be a whole number >= 1 (how many times the unit is made), was " + n);
            }
            for (int i = 0; i < n.asInt(); i++) {
                for (StrictJson unit : s.array("sections")) {
                    stubs.add(stub(unit, areas.keySet(), Integer.toString(i)));
                }
            }
        }
        try {
            return new AxonReplacement(o.where(), deleted(o), stubs,
                    o.has("attach_to") ? location(o.object("attach_to")) : null, o.has("pt3d") && o.bool("pt3d"),
                    original, areas);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The region an axon replacement deletes: "axon" by default, none for {@code "delete": false}. */
    private Region deleted(StrictJson o) {
        if (!o.has("delete")) {
            return Region.named("axon");
        }
        if (o.node().get("delete").isBoolean()) {
            if (o.bool("delete")) {
                throw o.error("delete", "must be a region, or false to delete nothing (the default deletes \"axon\"),"
                        + " was true");
            }
            return null;
        }
        return region(o, "delete");
    }

    /** A stub section; {@code i} replaces {@code {i}} in its name and parent (a repeated unit), or null. */
    private AxonReplacement.Stub stub(StrictJson s, Set<String> areas, String i) {
        s.keys(Set.of("name", "L", "nseg"), Set.of("diam", "parent", "parent_x"));
        if (s.has("parent_x") && !s.has("parent")) {
            throw s.error("parent_x", "needs a \"parent\" (a stub without one is attached at the previous one's 1-end)");
        }
        String name = s.string("name"), parent = s.has("parent") ? s.string("parent") : null;
        if (i != null) {
            name = name.replace("{i}", i);
            parent = parent == null ? null : parent.replace("{i}", i);
        }
        double parentX = s.has("parent_x") ? s.number("parent_x") : 1;
        if (!(parentX >= 0 && parentX <= 1)) {
            throw s.error("parent_x", "must be in [0, 1], was " + parentX);
        }
        return new AxonReplacement.Stub(s.where(), name, expression(s, "L", areas), expression(s, "nseg", areas),
                s.has("diam") ? diameter(s, areas) : null, parent, parentX);
    }

    private PaintRule paintRule(StrictJson o) {
        Set<String> options = Set.of("origin", "end_value_in_last_segment", "round_decimals", "section_ends",
                "where_middle", "when", "x_range");
        String kind = o.only(union(options, Set.of("region", "fixed_reversal")), Set.of("mechanism", "membrane",
                "ions"));
        Set<String> required = kind.equals("mechanism") ? Set.of("region", "mechanism") : Set.of("region", kind);
        o.keys(required, switch (kind) {
            case "mechanism" -> union(options, Set.of("parameters"));
            case "ions" -> union(options, Set.of("fixed_reversal"));
            default -> options;
        });
        Map<String, Distribution> values = new LinkedHashMap<>();
        String valuesKey = kind.equals("mechanism") ? "parameters" : kind;
        if (o.has(valuesKey)) {
            StrictJson v = o.object(valuesKey);
            for (String key : v.fieldNames()) {
                if (kind.equals("membrane") && !key.equals("cm") && !key.equals("Ra")) {
                    throw v.error(key, "a membrane rule paints cm and Ra only");
                }
                values.put(key, v.node().get(key).isArray() ? pair(v, key) : distribution(v, key));
            }
        }
        PaintRule.XRange xRange = null;
        if (o.has("x_range")) {
            List<StrictJson> ends = o.array("x_range");
            if (ends.size() != 2) {
                throw o.error("x_range", "must be [x1, x2], the part of each section painted, was " + o.node()
                        .get("x_range"));
            }
            if (!ends.get(0).node().isNumber() || !ends.get(1).node().isNumber()) {
                throw o.error("x_range", "must be two numbers, was " + o.node().get("x_range"));
            }
            try {
                xRange = new PaintRule.XRange(ends.get(0).node().asDouble(), ends.get(1).node().asDouble());
            } catch (IllegalArgumentException e) {
                throw o.error("x_range", e.getMessage());
            }
        }
        Integer round = null;
        if (o.has("round_decimals")) {
            double r = o.number("round_decimals");
            if (r != Math.rint(r) || r < 0 || r > 17) {
                throw o.error("round_decimals", "must be an integer in 0..17, was " + r);
            }
            round = (int) r;
        }
        PaintRule.Middle middle = null;
        if (o.has("where_middle")) {
            String m = o.string("where_middle");
            if (!m.equals("below") && !m.equals("above")) {
                throw o.error("where_middle", "must be \"below\" or \"above\" (which values at a section's middle"
                        + " the rule replaces), was \"" + m + "\"");
            }
            middle = m.equals("below") ? PaintRule.Middle.BELOW : PaintRule.Middle.ABOVE;
        }
        PaintRule.Target target = switch (kind) {
            case "mechanism" -> PaintRule.Target.MECHANISM;
            case "ions" -> PaintRule.Target.IONS;
            default -> PaintRule.Target.MEMBRANE;
        };
        return new PaintRule(o.where(), region(o, "region"), target, kind.equals("mechanism") ? o.string("mechanism")
                : null, values, o.has("origin") ? location(o.object("origin")) : null,
                o.has("end_value_in_last_segment") && o.bool("end_value_in_last_segment"), round,
                o.has("fixed_reversal") && o.bool("fixed_reversal"), o.has("section_ends") && o.bool("section_ends"),
                middle, o.has("when") ? expression(o, "when", Set.of()) : null, xRange);
    }

    /** hoc's y1:y2 of {@code p(x1:x2) = y1:y2}: two constants (numbers or expressions of the parameters). */
    private Distribution pair(StrictJson parent, String key) {
        List<StrictJson> ends = parent.array(key);
        if (ends.size() != 2) {
            throw parent.error(key, "a pair [y1, y2] (the values at x1 and x2 of the rule's x_range) needs two "
                    + "values, was " + parent.node().get(key));
        }
        return new Distribution.Between(expression(ends.get(0), null, Set.of()), expression(ends.get(1), null,
                Set.of()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private Distribution distribution(StrictJson parent, String key) {
        JsonNode n = parent.node().get(key);
        Set<String> distance = Set.of("distance", "max_distance");
        if (!n.isObject()) {
            Expression e = expression(parent, key, distance);
            return e.variables().contains("distance") || e.variables().contains("max_distance")
                    ? new Distribution.Formula(e) : new Distribution.Constant(e);
        }
        StrictJson d = parent.object(key);
        String kind = d.only(Set.of("linear", "exponential", "sigmoid", "step"));
        StrictJson a = d.object(kind);
        switch (kind) {
            case "linear":
                a.keys(Set.of("at_origin", "per_um"), Set.of());
                return new Distribution.Linear(expression(a, "at_origin", Set.of()), expression(a, "per_um", Set.of()));
            case "exponential":
                a.keys(Set.of("offset", "amplitude", "length_um"), Set.of());
                return new Distribution.Exponential(expression(a, "offset", Set.of()), expression(a, "amplitude",
                        Set.of()), expression(a, "length_um", Set.of()));
            case "sigmoid":
                a.keys(Set.of("offset", "amplitude", "midpoint_um", "width_um"), Set.of());
                return new Distribution.Sigmoid(expression(a, "offset", Set.of()), expression(a, "amplitude",
                        Set.of()), expression(a, "midpoint_um", Set.of()), expression(a, "width_um", Set.of()));
            default:
                a.keys(Set.of("from_um", "to_um", "inside", "outside"), Set.of());
                return new Distribution.Step(expression(a, "from_um", Set.of()), expression(a, "to_um", Set.of()),
                        expression(a, "inside", Set.of()), expression(a, "outside", Set.of()));
        }
    }

    private SpineRule spineRule(StrictJson o) {
        o.keys(Set.of("on", "placement", "neck", "head"), Set.of("synapses"));
        StrictJson p = o.object("placement");
        String kind = p.only(Set.of("evenly", "density", "x", "spread"));
        SpineRule.Placement placement;
        Set<String> withL = Set.of("L");
        if (kind.equals("spread")) {
            StrictJson e = p.object(kind);
            e.keys(Set.of("count"), Set.of("group"));
            placement = new SpineRule.Placement.Spread(expression(e, "count", Set.of()),
                    e.has("group") ? expression(e, "group", Set.of()) : Expression.constant(1));
        } else if (kind.equals("x")) {
            List<Expression> xs = new ArrayList<>();
            List<StrictJson> items = p.array("x");
            for (int i = 0; i < items.size(); i++) {
                xs.add(expression(items.get(i), null, withL));
            }
            placement = new SpineRule.Placement.Positions(xs);
        } else {
            StrictJson e = p.object(kind);
            String first = kind.equals("evenly") ? "count" : "per_um";
            e.keys(Set.of(first, "start_um", "end_margin_um"), Set.of());
            placement = kind.equals("evenly")
                    ? new SpineRule.Placement.Evenly(expression(e, first, withL), expression(e, "start_um", withL),
                            expression(e, "end_margin_um", withL))
                    : new SpineRule.Placement.Density(expression(e, first, withL), expression(e, "start_um", withL),
                            expression(e, "end_margin_um", withL));
        }
        StrictJson neck = o.object("neck"), head = o.object("head");
        List<SpineRule.SynapseSpec> synapses = new ArrayList<>();
        for (StrictJson s : o.array("synapses")) {
            s.keys(Set.of("name", "mechanism", "x", "weight", "delay_ms"), Set.of("parameters"));
            synapses.add(new SpineRule.SynapseSpec(s.string("name"), s.string("mechanism"), expression(s, "x", Set.of()),
                    expressions(s, "parameters", Set.of()), expression(s, "weight", Set.of()),
                    expression(s, "delay_ms", Set.of())));
        }
        try {
            return new SpineRule(o.where(), region(o, "on"), placement, part(neck).getKey(), part(neck).getValue(),
                    part(head).getKey(), part(head).getValue(), mechanisms(neck), mechanisms(head), synapses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private Map.Entry<String, SpineRule.Part> part(StrictJson o) {
        o.keys(Set.of("name", "L", "diam", "Ra", "cm"), Set.of("mechanisms"));
        return Map.entry(o.string("name"), new SpineRule.Part(expression(o, "L", Set.of()),
                expression(o, "diam", Set.of()), expression(o, "Ra", Set.of()), expression(o, "cm", Set.of())));
    }

    private Map<String, Map<String, Expression>> mechanisms(StrictJson part) {
        Map<String, Map<String, Expression>> out = new LinkedHashMap<>();
        if (part.has("mechanisms")) {
            StrictJson m = part.object("mechanisms");
            for (String name : m.fieldNames()) {
                out.put(name, expressions(m, name, Set.of()));
            }
        }
        return out;
    }

    private Map<String, Expression> expressions(StrictJson o, String key, Set<String> extra) {
        Map<String, Expression> out = new LinkedHashMap<>();
        if (o.has(key)) {
            StrictJson m = o.object(key);
            for (String name : m.fieldNames()) {
                out.put(name, expression(m, name, extra));
            }
        }
        return out;
    }

    private Location location(StrictJson o) {
        o.keys(Set.of("section", "x"), Set.of());
        double x = o.number("x");
        if (!(x >= 0 && x <= 1)) {
            throw o.error("x", "must be in [0, 1], was " + x);
        }
        return new Location(o.string("section"), x);
    }

    /** The expression at {@code key}, or null when there is none. */
    private Expression optionalExpression(StrictJson o, String key, Set<String> extra) {
        return o.has(key) ? expression(o, key, extra) : null;
    }

    /** A number, or a string expression over the parameters and {@code extra} names. */
    private Expression expression(StrictJson o, String key, Set<String> extra) {
        JsonNode n = key == null ? o.node() : o.node().get(key);
        String where = file + ": " + (key == null ? o.pointer() : o.pointer() + "/" + key);
        if (n.isNumber()) {
            return Expression.constant(n.asDouble());
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(where + ": must be a number or an expression string, was " + n);
        }
        Expression e = Expression.parse(n.asText(), where);
        for (String v : e.variables()) {
            if (!parameters.containsKey(v) && !extra.contains(v)) {
                throw new IllegalArgumentException(where + ": expression \"" + n.asText() + "\" reads unknown name '"
                        + v + "' (known here: parameters " + parameters.keySet() + (extra.isEmpty() ? "" : ", " + extra)
                        + ")");
            }
        }
        return e;
    }

    /** An expression over the parameters only, evaluated now. */
    private double constant(StrictJson o, String key) {
        double v = expression(o, key, Set.of()).evaluate(n -> parameters.get(n));
        if (Double.isNaN(v)) {
            throw o.error(key, "gives NaN");
        }
        return v;
    }
}
