package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/** Diameters of an inline section's segments, evaluated at segment centres once nseg is known. */
public sealed interface Diameter {
    /** The same diameter everywhere. */
    record Constant(Expression diamUm) implements Diameter {
    }

    /** Linear from d0 at x = 0 to d1 at x = 1: (d1 - d0) * x + d0. */
    record Taper(Expression d0Um, Expression d1Um) implements Diameter {
    }

    /**
     * hoc's {@code diam(0:1) = d0:d1}, NEURON's {@code range_interpolate}: d0 * (1 - x) + d1 * x, the same line as
     * {@link Taper} rounded as NEURON rounds it.
     */
    record Interpolate(Expression d0Um, Expression d1Um) implements Diameter {
    }

    /**
     * nseg values in geometric progression (numpy's geomspace: 10^(log10(a) + i*(log10(b) - log10(a))/(nseg - 1)),
     * the ends exact), from {@code fromUm} (null: the diameter of the parent's last segment) to {@code toUm}.
     */
    record Geometric(Expression fromUm, Expression toUm) implements Diameter {
    }

    /** An expression in {@code distance}: path distance from {@code origin} (null: the description's origin). */
    record Formula(Expression expression, Location origin) implements Diameter {
    }
}
