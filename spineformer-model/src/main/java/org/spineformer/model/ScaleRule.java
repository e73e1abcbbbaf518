package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/**
 * Changes the length and the diameters of a region's sections as hoc's statements on them do ({@link HocScaling}):
 * the length by {@code L = L * lengthFactor} or {@code L = length}, then the diameters by {@code for (x) diam(x) =
 * diam(x) * diamFactor} or {@code diam = diam}. Mainen and Sejnowski 1996 fold spine membrane into the dendrites with
 * the factors ({@code add_spines}: F = (L * spine_area * spine_dens + area) / area, L by F^(2/3), diam by F^(1/3));
 * Larkum et al. 2009 set three lengths and the axon's length and diameter ({@code apic[45].L = 1}, {@code axon.diam =
 * 5}) and make every apical section a cylinder of 1.2 times its middle diameter ({@code forsec apical diam =
 * diam*1.2}). Every expression is evaluated per section, before the rule changes it, and may read its length
 * {@code L} (um), its membrane area {@code area} (um2, the sum over its segments) and {@code diam} (um, hoc's
 * {@code diam} without x: the segment holding x = 0.5) besides the parameters. Whole sections only.
 *
 * @param lengthFactor {@code L = L * lengthFactor}, or null
 * @param length       {@code L = length}, or null (at most one of the two)
 * @param diamFactor   {@code for (x) diam(x) = diam(x) * diamFactor}, or null
 * @param diam         {@code diam = diam}: every segment, once, or null (at most one of the two; one of the four at
 *                     least)
 */
public record ScaleRule(String source, Region region, Expression lengthFactor, Expression length,
                        Expression diamFactor, Expression diam) {
    public ScaleRule {
        if (lengthFactor != null && length != null || diamFactor != null && diam != null) {
            throw new IllegalArgumentException(source + ": give the length by \"L\" (a factor) or \"set_L\", and the"
                    + " diameters by \"diam\" (a factor) or \"set_diam\", not both");
        }
        if (lengthFactor == null && length == null && diamFactor == null && diam == null) {
            throw new IllegalArgumentException(source + ": a scale rule changes the length (\"L\" or \"set_L\"), the"
                    + " diameters (\"diam\" or \"set_diam\") or both");
        }
    }
}
