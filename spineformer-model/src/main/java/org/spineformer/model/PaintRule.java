package org.spineformer.model;

import java.util.Map;

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
 */
public record PaintRule(String source, Region region, Target target, String mechanism,
                        Map<String, Distribution> values, Location origin, boolean endValueInLastSegment,
                        Integer roundDecimals, boolean fixedReversal) {
    public enum Target { MEMBRANE, MECHANISM, IONS }

    /** A rule that leaves NEURON's ion style alone. */
    public PaintRule(String source, Region region, Target target, String mechanism, Map<String, Distribution> values,
                     Location origin, boolean endValueInLastSegment, Integer roundDecimals) {
        this(source, region, target, mechanism, values, origin, endValueInLastSegment, roundDecimals, false);
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
        if (roundDecimals != null && (roundDecimals < 0 || roundDecimals > 17)) {
            throw new IllegalArgumentException(source + ": round_decimals must be in 0..17, was " + roundDecimals);
        }
    }
}
