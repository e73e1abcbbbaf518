package org.spineformer.model;

import java.util.Map;
import org.spineformer.engine.morph.Section;
import org.spineformer.model.expr.Expression;

/**
 * Values painted on a region's segments, in order of the description (later rules over earlier ones).
 *
 * <ul>
 *   <li>{@link Target#MEMBRANE}: {@code cm} (uF/cm2, per segment) and {@code Ra} (ohm cm, per section: constant
 *       over the section);</li>
 *   <li>{@link Target#MECHANISM}: inserts density mechanism {@code mechanism} in the region's sections (whole
 *       sections) and sets its parameters (bare names, e.g. {@code gbar}, not {@code gbar_NaTs});</li>
 *   <li>{@link Target#IONS}: reversal potentials and concentrations ({@code ena}, {@code ek}, {@code cai}, ...),
 *       written at lowering into every mechanism there that has a parameter of that name.</li>
 * </ul>
 *
 * @param source                 where the rule was written (file and JSON pointer), for errors
 * @param origin                 where {@code distance} is measured from (null: the description's origin)
 * @param endValueInLastSegment  NEURON's {@code for(x)} quirk: the last segment takes the value at the section's
 *                               1-end (Hay et al. 2011)
 * @param roundDecimals          if not null, each value is rounded to this many decimals as C's printf("%.Nf")
 *                               then read back (Hay et al. 2011 set values through sprint + execute)
 * @param fixedReversal          an ions rule only: the reversal potentials it paints stay as painted, never
 *                               recomputed by Nernst (NEURON's {@code ion_style("ca_ion", 0, 1, 0, 0, 0)})
 * @param sectionEnds            each value is evaluated at the distances of each section's two ends and interpolated
 *                               between them, v0 * (1 - x) + v1 * x: hoc's {@code p(0:1) = f(d0):f(d1)} as NEURON's
 *                               {@code range_interpolate} computes it
 * @param whereMiddle            null, or the rule paints a section (all of it) only where the value there at its
 *                               middle (NEURON's {@code p(0.5)}) is below (above) the painted constant: hoc's
 *                               {@code if (p < c) p = c}
 * @param when                   null, or an expression of the parameters: the rule paints only where it is not 0
 *                               (hoc's {@code if} on the model's parameters)
 * @param xRange                 null, or the part of each section the rule paints, its values {@link
 *                               Distribution.Between} pairs: hoc's {@code p(x1:x2) = y1:y2}
 */
public record PaintRule(String source, Region region, Target target, String mechanism,
                        Map<String, Distribution> values, Location origin, boolean endValueInLastSegment,
                        Integer roundDecimals, boolean fixedReversal, boolean sectionEnds, Middle whereMiddle,
                        Expression when, XRange xRange) {
    public enum Target { MEMBRANE, MECHANISM, IONS }

    /**
     * The part x1..x2 of a section that hoc's {@code p(x1:x2) = y1:y2} paints, as NEURON 8.2.2's {@code
     * range_interpolate} (cabcode.cpp) selects it: the segments from the one holding x1 to the one holding x2 whose
     * centre x gives theta = (x - x1)/(x2 - x1) within [-1e-9, 1 + 1e-9]; each takes y1*(1 - theta) + y2*theta.
     */
    public record XRange(double x1, double x2) {
        /** NEURON's tolerance on theta at the range's ends. */
        private static final double THETA_TOLERANCE = 1e-9;
        /** The narrowest range NEURON takes: below it hoc stops ("r(x1:x2) requires x1 > x2"). */
        private static final double MIN_WIDTH = 1e-10;

        public XRange {
            if (!(x1 >= 0 && x2 <= 1 && x2 - x1 >= MIN_WIDTH)) {
                throw new IllegalArgumentException("must be [x1, x2] with 0 <= x1 < x2 <= 1, was [" + x1 + ", " + x2
                        + "]");
            }
        }

        /** theta of segment j of a section, or NaN where NEURON's range_interpolate leaves the segment alone. */
        double theta(Section section, int j) {
            if (j < section.segmentAt(x1) || j > section.segmentAt(x2)) {
                return Double.NaN;
            }
            double theta = (section.segmentX(j) - x1) / (x2 - x1);
            return theta >= -THETA_TOLERANCE && theta <= 1 + THETA_TOLERANCE ? theta : Double.NaN;
        }
    }

    /** Which values at a section's middle a {@code whereMiddle} rule replaces. */
    public enum Middle { BELOW, ABOVE }

    /** A rule that leaves NEURON's ion style alone, painted everywhere in its region. */
    public PaintRule(String source, Region region, Target target, String mechanism, Map<String, Distribution> values,
                     Location origin, boolean endValueInLastSegment, Integer roundDecimals) {
        this(source, region, target, mechanism, values, origin, endValueInLastSegment, roundDecimals, false, false,
                null, null, null);
    }

    public PaintRule {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        if ((target == Target.MECHANISM) != (mechanism != null)) {
            throw new IllegalArgumentException(source + ": a mechanism rule needs a mechanism name, other rules none");
        }
        if (fixedReversal && (target != Target.IONS || values.keySet().stream().anyMatch(k -> !k.startsWith("e")))) {
            throw new IllegalArgumentException(source + "/fixed_reversal: only on an ions rule that paints reversal "
                    + "potentials (ena, ek, eca, ...), not " + (target != Target.IONS ? "a " + target.name()
                    .toLowerCase(java.util.Locale.ROOT) + " rule" : values.keySet()));
        }
        if (sectionEnds && endValueInLastSegment) {
            throw new IllegalArgumentException(source + "/section_ends: a rule interpolating between the sections' "
                    + "ends cannot also give the last segment the end's value (end_value_in_last_segment)");
        }
        if (whereMiddle != null && (sectionEnds || values.values().stream()
                .anyMatch(v -> !(v instanceof Distribution.Constant)))) {
            throw new IllegalArgumentException(source + "/where_middle: compares each section's middle with a "
                    + "constant, so its values must be constants (not by distance, not section_ends)");
        }
        boolean pairs = values.values().stream().anyMatch(v -> v instanceof Distribution.Between);
        if (xRange == null && pairs) {
            throw new IllegalArgumentException(source + ": a pair of values [y1, y2] paints part of a section, "
                    + "between the ends of an x_range; this rule has none");
        }
        if (xRange != null) {
            if (!values.values().stream().allMatch(v -> v instanceof Distribution.Between)) {
                throw new IllegalArgumentException(source + "/x_range: every value of the rule must be a pair [y1, y2]"
                        + " (hoc's p(x1:x2) = y1:y2), not a single value or a function of distance");
            }
            if (sectionEnds || endValueInLastSegment || whereMiddle != null || origin != null) {
                throw new IllegalArgumentException(source + "/x_range: a rule painting part of each section takes none"
                        + " of section_ends, end_value_in_last_segment, where_middle, origin");
            }
            if (values.containsKey("Ra")) {
                throw new IllegalArgumentException(source + "/x_range: Ra is one value per section, so it cannot be "
                        + "painted on part of one");
            }
        }
        if (roundDecimals != null && (roundDecimals < 0 || roundDecimals > 17)) {
            throw new IllegalArgumentException(source + ": round_decimals must be in 0..17, was " + roundDecimals);
        }
    }
}
