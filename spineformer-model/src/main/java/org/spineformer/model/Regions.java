package org.spineformer.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.spineformer.engine.morph.Morphology;

/**
 * Evaluates {@link Region}s on a list of sections: to sections (for nseg rules, deletion, spines) or, once the
 * topology is known, to segments (for painting). A region that selects nothing is an error (a typo would otherwise
 * paint nothing silently), unless it names only section types the cell lacks: a template written for many cells
 * paints the apical dendrites of one that has none, where NEURON's {@code forsec} over the empty list does nothing.
 */
final class Regions {
    private static final Pattern ARRAY = Pattern.compile("(.*)\\[\\d+]");
    /** The section types of NEURON's Import3d, so of every morphology file read here (SWC types 1 to 4). */
    private static final Set<String> SECTION_TYPES = Set.of("soma", "axon", "dend", "apic");

    private final List<String> names;
    /** Per section, where its 0-end is attached (null for a root). */
    private final List<Location> attachments;
    private final Morphology topology;
    private final Map<String, Region> labels;
    private final Location defaultOrigin;
    private final Deque<String> expanding = new ArrayDeque<>();

    /**
     * {@code attachments}: per section its parent location (null for a root), parents before their children;
     * {@code topology} null: only section-level regions can be evaluated.
     */
    Regions(List<String> names, List<Location> attachments, Morphology topology, Map<String, Region> labels,
            Location defaultOrigin) {
        this.names = names;
        this.attachments = attachments;
        this.topology = topology;
        this.labels = labels;
        this.defaultOrigin = defaultOrigin;
    }

    /** The array name of a section: {@code dend} for {@code dend[3]}, the whole name otherwise. */
    static String listName(String section) {
        Matcher m = ARRAY.matcher(section);
        return m.matches() ? m.group(1) : section;
    }

    /**
     * The sections of a section-level region; none only for a region of section types the cell lacks
     * ({@link #absentTypes}), otherwise an error naming {@code source} if it selects none.
     */
    boolean[] sections(Region region, String source) {
        boolean[] s = sectionsOf(region, source);
        if (!none(s) || absentTypes(region)) {
            return s;
        }
        throw new IllegalArgumentException(source + ": region " + describe(region) + " matches no section");
    }

    /**
     * The segments of a region, per section (null: none of that section); none only for a region of section types
     * the cell lacks, otherwise an error if it selects none.
     */
    boolean[][] segments(Region region, String source) {
        boolean[][] s = segmentsOf(region, source);
        if (!none(s) || absentTypes(region)) {
            return s;
        }
        throw new IllegalArgumentException(source + ": region " + describe(region) + " matches no segment");
    }

    static boolean none(boolean[] sections) {
        return !any(sections);
    }

    static boolean none(boolean[][] segments) {
        for (boolean[] sec : segments) {
            if (sec != null) {
                return false;
            }
        }
        return true;
    }

    /** Why a rule on a region of section types the cell lacks does nothing, for the console. */
    String absence(Region region) {
        Set<String> types = new LinkedHashSet<>();
        typesNamed(region, types);
        return "region " + describe(region) + " selects nothing: this cell has no " + String.join(", ", types)
                + " sections";
    }

    /** Whether a region is one of {@link #SECTION_TYPES}, a label of one, or a union of these. */
    private boolean absentTypes(Region region) {
        if (region instanceof Region.Named n) {
            Region label = labels.get(n.name());
            return label != null ? absentTypes(label) : SECTION_TYPES.contains(n.name());
        }
        return region instanceof Region.Union u && u.parts().stream().allMatch(this::absentTypes);
    }

    private void typesNamed(Region region, Set<String> into) {
        if (region instanceof Region.Named n) {
            Region label = labels.get(n.name());
            if (label != null) {
                typesNamed(label, into);
            } else {
                into.add(n.name());
            }
        } else if (region instanceof Region.Union u) {
            u.parts().forEach(p -> typesNamed(p, into));
        }
    }

    private boolean[] sectionsOf(Region region, String source) {
        boolean[] out = new boolean[names.size()];
        if (region instanceof Region.All) {
            java.util.Arrays.fill(out, true);
        } else if (region instanceof Region.Named n) {
            Region label = labels.get(n.name());
            if (label != null) {
                return withLabel(n.name(), source, () -> sectionsOf(label, source));
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = n.name().equals("all") || listName(names.get(i)).equals(n.name());
            }
        } else if (region instanceof Region.NamePattern p) {
            Pattern pattern = compile(p.regex(), source);
            for (int i = 0; i < out.length; i++) {
                out[i] = pattern.matcher(names.get(i)).matches();
            }
        } else if (region instanceof Region.DistalTo d) {
            int at = indexOf(d.at().section(), source + ": distal_to");
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < out.length; i++) {
                index.put(names.get(i), i);
                Location a = attachments.get(i);
                if (a != null) {
                    // parents come first, so out[parent] is already known
                    int parent = index.getOrDefault(a.section(), -1);
                    out[i] = parent == at ? a.x() >= d.at().x() : parent >= 0 && out[parent];
                }
            }
        } else if (region instanceof Region.StartsBelow b) {
            if (topology == null) {
                throw new IllegalArgumentException(source + ": a region by the distance of sections' 0-ends ("
                        + describe(b) + ") needs the cell's distances, not known yet here");
            }
            int o = indexOf(defaultOrigin.section(), source);
            for (int i = 0; i < out.length; i++) {
                out[i] = topology.pathDistance(o, defaultOrigin.x(), i, 0) < b.distanceUm();
            }
        } else if (region instanceof Region.Distance d) {
            throw new IllegalArgumentException(source + ": a region by path distance (" + describe(d)
                    + ") selects segments, not whole sections: it cannot be used here");
        } else if (region instanceof Region.Union u) {
            for (Region r : u.parts()) {
                boolean[] p = sectionsOf(r, source);
                for (int i = 0; i < out.length; i++) {
                    out[i] |= p[i];
                }
            }
        } else if (region instanceof Region.Intersection x) {
            java.util.Arrays.fill(out, true);
            for (Region r : x.parts()) {
                boolean[] p = sectionsOf(r, source);
                for (int i = 0; i < out.length; i++) {
                    out[i] &= p[i];
                }
            }
        } else if (region instanceof Region.Difference d) {
            boolean[] a = sectionsOf(d.base(), source), b = sectionsOf(d.minus(), source);
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] && !b[i];
            }
        }
        return out;
    }

    private boolean[][] segmentsOf(Region region, String source) {
        int n = names.size();
        boolean[][] out = new boolean[n][];
        if (region instanceof Region.Named named && labels.containsKey(named.name())) {
            return withLabel(named.name(), source, () -> segmentsOf(labels.get(named.name()), source));
        } else if (region instanceof Region.Distance d) {
            Location origin = d.origin() != null ? d.origin() : defaultOrigin;
            int o = indexOf(origin.section(), source);
            for (int s = 0; s < n; s++) {
                int nseg = topology.section(s).nseg();
                for (int j = 0; j < nseg; j++) {
                    double dist = topology.pathDistance(o, origin.x(), s, topology.section(s).segmentX(j));
                    if (dist >= d.minUm() && dist <= d.maxUm()) {
                        if (out[s] == null) {
                            out[s] = new boolean[nseg];
                        }
                        out[s][j] = true;
                    }
                }
            }
        } else if (region instanceof Region.Union u) {
            for (Region r : u.parts()) {
                combine(out, segmentsOf(r, source), true);
            }
        } else if (region instanceof Region.Intersection x) {
            for (int s = 0; s < n; s++) {
                out[s] = full(s);
            }
            for (Region r : x.parts()) {
                combine(out, segmentsOf(r, source), false);
            }
        } else if (region instanceof Region.Difference d) {
            out = segmentsOf(d.base(), source);
            boolean[][] minus = segmentsOf(d.minus(), source);
            for (int s = 0; s < n; s++) {
                if (out[s] != null && minus[s] != null) {
                    for (int j = 0; j < out[s].length; j++) {
                        out[s][j] &= !minus[s][j];
                    }
                    out[s] = any(out[s]) ? out[s] : null;
                }
            }
        } else {
            boolean[] sections = sectionsOf(region, source);
            for (int s = 0; s < n; s++) {
                out[s] = sections[s] ? full(s) : null;
            }
        }
        return out;
    }

    private static void combine(boolean[][] into, boolean[][] other, boolean union) {
        for (int s = 0; s < into.length; s++) {
            if (union) {
                if (other[s] != null) {
                    if (into[s] == null) {
                        into[s] = other[s].clone();
                    } else {
                        for (int j = 0; j < into[s].length; j++) {
                            into[s][j] |= other[s][j];
                        }
                    }
                }
            } else if (into[s] != null) {
                if (other[s] == null) {
                    into[s] = null;
                } else {
                    for (int j = 0; j < into[s].length; j++) {
                        into[s][j] &= other[s][j];
                    }
                    into[s] = any(into[s]) ? into[s] : null;
                }
            }
        }
    }

    private boolean[] full(int section) {
        boolean[] b = new boolean[topology.section(section).nseg()];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static boolean any(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    int indexOf(String section, String source) {
        int i = names.indexOf(section);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no section named '" + section + "'");
        }
        return i;
    }

    private <T> T withLabel(String label, String source, java.util.function.Supplier<T> body) {
        if (expanding.contains(label)) {
            throw new IllegalArgumentException(source + ": region label '" + label + "' refers to itself (through "
                    + expanding + ")");
        }
        expanding.push(label);
        try {
            return body.get();
        } finally {
            expanding.pop();
        }
    }

    private static Pattern compile(String regex, String source) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(source + ": malformed name pattern '" + regex + "': "
                    + e.getDescription());
        }
    }

    static String describe(Region r) {
        if (r instanceof Region.Named n) {
            return "'" + n.name() + "'";
        } else if (r instanceof Region.NamePattern p) {
            return "names matching '" + p.regex() + "'";
        } else if (r instanceof Region.Distance d) {
            return "distance " + d.minUm() + ".." + d.maxUm() + " um" + (d.origin() != null ? " from " + d.origin() : "");
        } else if (r instanceof Region.StartsBelow b) {
            return "sections starting below " + b.distanceUm() + " um";
        } else if (r instanceof Region.DistalTo d) {
            return "distal to " + d.at().section() + "(" + d.at().x() + ")";
        } else if (r instanceof Region.Union u) {
            return "union of " + u.parts().stream().map(Regions::describe).toList();
        } else if (r instanceof Region.Intersection x) {
            return "intersection of " + x.parts().stream().map(Regions::describe).toList();
        } else if (r instanceof Region.Difference d) {
            return describe(d.base()) + " minus " + describe(d.minus());
        }
        return "all";
    }
}
