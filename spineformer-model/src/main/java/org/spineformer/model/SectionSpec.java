package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/**
 * A section of an inline morphology (cylinder segments): its 0-end attached to {@code parent} at {@code parentX}
 * (parent null for the root). nseg comes from the nseg rules (1 if none applies).
 */
public record SectionSpec(String name, String parent, double parentX, Expression lengthUm, Diameter diameter) {
    public SectionSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a section needs a name");
        }
        if (parent != null && !(parentX >= 0 && parentX <= 1)) {
            throw new IllegalArgumentException("section " + name + ": parent_x must be in [0, 1], was " + parentX);
        }
    }
}
