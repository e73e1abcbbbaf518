package org.spineformer.model;

/** A point on a named section: x from 0 (the 0-end) to 1 (the 1-end), as NEURON's {@code sec(x)}. */
public record Location(String section, double x) {
    public Location {
        if (section == null || section.isBlank()) {
            throw new IllegalArgumentException("a location needs a section name");
        }
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("location " + section + ": x must be in [0, 1], was " + x);
        }
    }

    @Override
    public String toString() {
        return section + "(" + x + ")";
    }
}
