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
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.spineformer.model.expr.Expression;
import org.spineformer.model.json.StrictJson;
import org.spineformer.morphology.ImportedSection;
import org.spineformer.morphology.MorphologyReader;

/**
 * An Allen Cell Types model as its authors publish it, a {@code fit.json} and a morphology file, read into a
 * {@link CellDescription} by the Allen recipe its fit calls for. Both recipes: the morphology as NEURON's Import3d
 * reads it; the axon replaced by two stubs of 30 um, nseg 1, given 3-D points; every section's nseg by
 * 1 + 2*int(L/40); each {@code genome} entry's mechanism inserted and its value set on every section of its type;
 * {@code conditions}' ena and ek by section type, celsius and v_init. Section types are the sections' names without
 * their index (soma, axon, dend, apic); entries for a type the cell does not have set nothing, as in the recipes.
 *
 * <ul>
 *   <li><b>perisomatic</b> (AllenSDK's {@code Utils}, bmtk's {@code aibs_perisomatic}; {@code passive} gives cm by
 *       section type): stubs of diameter 1 um at soma[0](0.5); on every section Ra from {@code passive.ra}, cm
 *       by type and {@code pas} with {@code passive.e_pas};</li>
 *   <li><b>all-active</b> (bmtk's {@code aibs_allactive}; no cm in {@code passive}, cm, Ra, g_pas and e_pas by
 *       type in the genome, values as strings): stubs at soma[0](1) with the diameters of the original axon's
 *       first and last sections; {@code pas} on every section, {@code passive}'s e_pas and ra (if given) before
 *       the genome; ena and ek only on types whose genome inserts a channel.</li>
 * </ul>
 *
 * <p>The user names the pair in a small file (docs/user/models.md):
 * {@code {"format": "spineformer-allen-fit/1", "fit": "472363762_fit.json", "morphology": "cell.swc"}}, paths
 * relative to that file. Everything is checked before anything is built; an error names the file, the JSON pointer
 * and the value.
 */
public final class AllenFitReader {
    /** The value of the {@code format} key of a file naming a fit and its morphology. */
    public static final String FORMAT = "spineformer-allen-fit/1";
    /** The recipe's section length per segment (um): nseg = 1 + 2*int(L/(2*20)). */
    static final double SEGMENT_LENGTH_UM = 20;
    /** The recipe's axon stubs: two sections of this length (um) and diameter (um), nseg 1. */
    static final double STUB_LENGTH_UM = 30;
    static final double STUB_DIAM_UM = 1;
    /** The section types of the recipe (NEURON's Import3d names for SWC types 1-4). */
    static final Set<String> SECTION_TYPES = Set.of("soma", "axon", "dend", "apic");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The genome names without a mechanism that set the membrane, not pas. */
    private static final Set<String> MEMBRANE = Set.of("cm", "Ra");

    private AllenFitReader() {
    }

    /** Whether a parsed description file is a fit-and-morphology pair (its {@code format} says so). */
    static boolean isPair(StrictJson o) {
        JsonNode f = o.node().get("format");
        return f != null && f.isTextual() && f.asText().equals(FORMAT);
    }

    /** Reads a pair file already parsed; its paths are relative to {@code directory} (null: the working directory). */
    static CellDescription readPair(StrictJson o, Path directory) {
        o.keys(Set.of("format", "fit", "morphology"), Set.of("name", "description"));
        Path fit = resolve(o, "fit", directory);
        Path morphology = resolve(o, "morphology", directory);
        if (!Files.isRegularFile(fit)) {
            throw o.error("fit", "no such file: " + fit);
        }
        if (!Files.isRegularFile(morphology)) {
            throw o.error("morphology", "no such file: " + morphology);
        }
        String name = o.has("name") ? o.string("name")
                : fit.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        return read(fit, morphology, name);
    }

    /** The cell a fit file gives on a morphology file, named {@code name}. */
    public static CellDescription read(Path fit, Path morphology, String name) {
        Set<String> types = sectionTypes(morphology);
        try (InputStream in = Files.newInputStream(fit)) {
            return new Recipe(StrictJson.parse(in, fit.toString()), types).description(name, morphology)
                    .sourceFile("allen_fit", fit).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(fit + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Path resolve(StrictJson o, String key, Path directory) {
        String path = o.string(key);
        return directory == null ? Path.of(path) : directory.resolve(path);
    }

    /** The section types of the file's sections. */
    private static Set<String> sectionTypes(Path morphology) {
        Set<String> types = new TreeSet<>();
        for (ImportedSection s : MorphologyReader.read(morphology).sections()) {
            String type = s.name().substring(0, s.name().indexOf('['));
            if (!SECTION_TYPES.contains(type)) {
                throw new IllegalArgumentException(morphology + ": section " + s.name() + " (SWC type " + s.type()
                        + ") is none of the Allen recipe's section types " + new TreeSet<>(SECTION_TYPES));
            }
            types.add(type);
        }
        return types;
    }

    /** One fit file read against the section types of its cell. */
    private static final class Recipe {
        private final StrictJson fit;
        /** The morphology file has axon sections (the recipe deletes them). */
        private final boolean fileHasAxon;
        /** The section types of the cell once the axon is replaced. */
        private final Set<String> types;

        Recipe(StrictJson fit, Set<String> fileTypes) {
            this.fit = fit;
            this.fileHasAxon = fileTypes.contains("axon");
            this.types = new TreeSet<>(fileTypes);
            types.add("axon");
        }

        CellDescription.Builder description(String name, Path morphology) {
            fit.keys(Set.of("passive", "conditions", "genome"), Set.of("axon_morph", "fitting"));
            StrictJson passive = single("passive");
            StrictJson conditions = single("conditions");
            // the file says which recipe: a perisomatic fit gives cm by section type, an all-active one in its genome
            boolean allActive = !passive.has("cm");
            passive.keys(allActive ? Set.of() : Set.of("ra", "cm", "e_pas"),
                    allActive ? Set.of("ra", "e_pas") : Set.of());
            conditions.keys(Set.of("celsius", "erev", "v_init"), Set.of());
            if (allActive && !fileHasAxon) {
                throw fit.error(null, "is an all-active fit (no passive cm), whose recipe takes the axon stubs' "
                        + "diameters from the morphology's axon, but " + morphology + " has no axon sections");
            }

            CellDescription.Builder b = CellDescription.builder(name)
                    .morphology(new MorphologySource.File(morphology.toString()))
                    .distanceOrigin(new Location("soma[0]", 0.5))
                    .nseg(Region.all(), new Nseg.PerLength(Expression.constant(SEGMENT_LENGTH_UM)))
                    .axonReplacement(axon(allActive))
                    .celsius(finite(conditions, "celsius"))
                    .vInit(finite(conditions, "v_init"));
            if (allActive) {
                b.paint(rule(passive.where(), Region.all(), PaintRule.Target.MECHANISM, "pas", Map.of()));
                if (passive.has("e_pas")) {
                    b.paint(rule(passive.where() + "/e_pas", Region.all(), PaintRule.Target.MECHANISM, "pas",
                            Map.of("e", finite(passive, "e_pas"))));
                }
                if (passive.has("ra")) {
                    b.paint(rule(passive.where() + "/ra", Region.all(), PaintRule.Target.MEMBRANE, null,
                            Map.of("Ra", positive(passive, "ra"))));
                }
            } else {
                perisomaticPassive(b, passive);
            }
            Set<String> withChannels = new TreeSet<>();
            for (StrictJson g : fit.array("genome")) {
                genome(b, g, withChannels);
            }
            for (StrictJson e : conditions.array("erev")) {
                e.keys(Set.of("section"), Set.of("ena", "ek"));
                Map<String, Double> ions = new LinkedHashMap<>();
                for (String ion : List.of("ena", "ek")) {
                    if (e.has(ion)) {
                        ions.put(ion, finite(e, ion));
                    }
                }
                String type = sectionType(e);
                if (ions.isEmpty()) {
                    throw e.error(null, "gives neither ena nor ek");
                }
                // the all-active recipe sets them only where the ions are (sections with channels)
                if (types.contains(type) && (!allActive || withChannels.contains(type))) {
                    b.paint(rule(e.where(), Region.named(type), PaintRule.Target.IONS, null, ions));
                }
            }
            return b;
        }

        /** The perisomatic recipe's passive part: Ra everywhere, cm by section type, pas with e_pas everywhere. */
        private void perisomaticPassive(CellDescription.Builder b, StrictJson passive) {
            b.paint(rule(passive.where() + "/ra", Region.all(), PaintRule.Target.MEMBRANE, null,
                    Map.of("Ra", positive(passive, "ra"))));
            Map<String, String> cmSource = new LinkedHashMap<>();
            for (StrictJson c : passive.array("cm")) {
                c.keys(Set.of("section", "cm"), Set.of());
                String type = sectionType(c);
                if (cmSource.putIfAbsent(type, c.pointer()) != null) {
                    throw c.error("section", "cm for " + type + " is already given at " + cmSource.get(type));
                }
                if (types.contains(type)) {
                    b.paint(rule(c.where(), Region.named(type), PaintRule.Target.MEMBRANE, null,
                            Map.of("cm", positive(c, "cm"))));
                }
            }
            for (String type : types) {
                if (!cmSource.containsKey(type)) {
                    throw passive.error("cm", "gives no cm for section type " + type + ", which the cell has (cm is "
                            + "given for " + cmSource.keySet() + ")");
                }
            }
            b.paint(rule(passive.where() + "/e_pas", Region.all(), PaintRule.Target.MECHANISM, "pas",
                    Map.of("e", finite(passive, "e_pas"))));
        }

        /**
         * A genome entry: {@code name} is NEURON's range name, PARAMETER_MECHANISM ({@code gbar_NaTs}; {@code g_pas}
         * when the mechanism is ""), or {@code cm} or {@code Ra} with mechanism "" (all-active fits). Its value is a
         * number or, as all-active fits write it, a string holding one. Adds the type to {@code withChannels} when the
         * entry inserts a mechanism other than pas.
         */
        private void genome(CellDescription.Builder b, StrictJson g, Set<String> withChannels) {
            g.keys(Set.of("section", "name", "value", "mechanism"), Set.of());
            String type = sectionType(g);
            JsonNode m = g.node().get("mechanism");
            if (!m.isTextual()) {
                throw g.error("mechanism", "must be a string (\"\" for pas), was " + m);
            }
            String full = g.string("name");
            double value = genomeValue(g);
            if (m.asText().isEmpty() && MEMBRANE.contains(full)) {
                if (!(value > 0)) {
                    throw g.error("value", "must be > 0, was " + value);
                }
                if (types.contains(type)) {
                    b.paint(rule(g.where(), Region.named(type), PaintRule.Target.MEMBRANE, null, Map.of(full, value)));
                }
                return;
            }
            String mechanism = m.asText().isEmpty() ? "pas" : m.asText();
            if (!NAME.matcher(mechanism).matches()) {
                throw g.error("mechanism", "is not a mechanism name: \"" + m.asText() + "\"");
            }
            String suffix = "_" + mechanism;
            if (!full.endsWith(suffix) || full.length() == suffix.length()) {
                throw g.error("name", "\"" + full + "\" is not a parameter of " + mechanism + " (PARAMETER" + suffix
                        + ")" + (m.asText().isEmpty() ? "; an entry without a mechanism sets pas (g_pas, e_pas), cm"
                        + " or Ra" : ""));
            }
            if (types.contains(type)) {
                b.paint(rule(g.where(), Region.named(type), PaintRule.Target.MECHANISM, mechanism,
                        Map.of(full.substring(0, full.length() - suffix.length()), value)));
                if (!mechanism.equals("pas")) {
                    withChannels.add(type);
                }
            }
        }

        /** A genome value: a finite number, or a string holding one (all-active fits write "0.000764806"). */
        private static double genomeValue(StrictJson g) {
            JsonNode v = g.node().get("value");
            double value;
            if (v.isTextual()) {
                try {
                    value = Double.parseDouble(v.asText().strip());
                } catch (NumberFormatException e) {
                    throw g.error("value", "must be a number or a string holding one, was " + v);
                }
            } else {
                value = g.number("value");
            }
            if (!Double.isFinite(value)) {
                throw g.error("value", "must be finite, was " + v);
            }
            return value;
        }

        /**
         * The recipe's axon: every imported axon section (if any) deleted, two stubs of 30 um, nseg 1, given 3-D
         * points: perisomatic at soma[0](0.5), diameter 1 um; all-active (bmtk's fix_axon_allactive) at soma[0](1),
         * with the diameters of the original axon's first and last sections.
         */
        private AxonReplacement axon(boolean allActive) {
            List<AxonReplacement.Stub> stubs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                stubs.add(new AxonReplacement.Stub(fit.where() + " (the Allen recipe's axon stub " + i + ")",
                        "axon[" + i + "]", Expression.constant(STUB_LENGTH_UM), Expression.constant(1),
                        allActive ? null : new Diameter.Constant(Expression.constant(STUB_DIAM_UM))));
            }
            return new AxonReplacement(fit.where() + " (the Allen recipe's axon stubs)",
                    fileHasAxon ? Region.named("axon") : null, stubs, new Location("soma[0]", allActive ? 1 : 0.5),
                    true, allActive ? new AxonReplacement.FromOriginal.FirstAndLast() : null, Map.of());
        }

        /** The one object of the array at {@code key} ({@code passive} and {@code conditions} are such arrays). */
        private StrictJson single(String key) {
            List<StrictJson> items = fit.array(key);
            if (items.size() != 1) {
                throw fit.error(key, "must be an array of one object, has " + items.size() + " elements");
            }
            return items.get(0);
        }

        private static String sectionType(StrictJson o) {
            String type = o.string("section");
            if (!SECTION_TYPES.contains(type)) {
                throw o.error("section", "\"" + type + "\" is not a section type of the Allen recipe "
                        + new TreeSet<>(SECTION_TYPES));
            }
            return type;
        }

        private static PaintRule rule(String source, Region region, PaintRule.Target target, String mechanism,
                                      Map<String, Double> values) {
            Map<String, Distribution> painted = new LinkedHashMap<>();
            values.forEach((k, v) -> painted.put(k, Distribution.constant(v)));
            return new PaintRule(source, region, target, mechanism, painted, null, false, null);
        }

        private static double finite(StrictJson o, String key) {
            double v = o.number(key);
            if (!Double.isFinite(v)) {
                throw o.error(key, "must be finite, was " + v);
            }
            return v;
        }

        private static double positive(StrictJson o, String key) {
            double v = finite(o, key);
            if (!(v > 0)) {
                throw o.error(key, "must be > 0, was " + v);
            }
            return v;
        }
    }
}
