package org.spineformer.model;

import java.util.List;

/**
 * A set of segments of a cell, after Arbor's region expressions and NEURON's section lists. Regions are evaluated on
 * the assembled morphology ({@link Regions}); a region that selects nothing there is an error.
 */
public sealed interface Region {
    /** Every section. */
    record All() implements Region {
    }

    /**
     * A label of the description's region dictionary if one has this name, otherwise a section list: the sections
     * whose name without its {@code [i]} index is {@code name} ({@code soma}, {@code dend}, {@code apic},
     * {@code axon}, or any other array name).
     */
    record Named(String name) implements Region {
    }

    /** The sections whose whole name matches a Java regular expression. */
    record NamePattern(String regex) implements Region {
    }

    /**
     * The segments whose centre lies at a path distance in [minUm, maxUm] from {@code origin} (null: the
     * description's distance origin).
     */
    record Distance(Location origin, double minUm, double maxUm) implements Region {
    }

    /**
     * The sections beyond a point of the tree: those attached to {@code at}'s section at or beyond {@code at.x()},
     * and every section attached to one of them, at any depth (whole sections; {@code at}'s own section is not
     * included). {@code {"section": "apic[36]", "x": 1}} is everything distal to apic[36]'s 1-end.
     */
    record DistalTo(Location at) implements Region {
    }

    /**
     * The sections whose 0-end lies at a path distance strictly below {@code distanceUm} from the description's
     * distance origin (whole sections): hoc's {@code forsec ... if (distance(0) < d)}, which keeps a section that
     * straddles d whole (Almog and Korngreen 2014).
     */
    record StartsBelow(double distanceUm) implements Region {
    }

    record Union(List<Region> parts) implements Region {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    record Intersection(List<Region> parts) implements Region {
        public Intersection {
            parts = List.copyOf(parts);
        }
    }

    /** The segments of {@code base} that are not in {@code minus}. */
    record Difference(Region base, Region minus) implements Region {
    }

    static Region all() {
        return new All();
    }

    static Region named(String name) {
        return new Named(name);
    }

    static Region union(Region... parts) {
        return new Union(List.of(parts));
    }
}
