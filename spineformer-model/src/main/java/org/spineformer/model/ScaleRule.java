package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/**
 * Scales the length and the diameters of a region's sections as hoc's {@code L = L * lengthFactor} followed by
 * {@code for (x) diam(x) = diam(x) * diamFactor} does ({@link HocScaling}): how Mainen and Sejnowski 1996 fold spine
 * membrane into the dendrites ({@code add_spines}: F = (L * spine_area * spine_dens + area) / area, L by F^(2/3),
 * diam by F^(1/3)). Both factors are evaluated per section, before it changes, and may read its length {@code L}
 * (um) and membrane area {@code area} (um2, the sum over its segments) besides the parameters. Whole sections only.
 */
public record ScaleRule(String source, Region region, Expression lengthFactor, Expression diamFactor) {
}
