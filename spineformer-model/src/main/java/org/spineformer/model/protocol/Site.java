package org.spineformer.model.protocol;

import org.spineformer.model.Location;

/** Where a stimulus sits or a value is recorded: a named section and x, or a rule on path distance. */
public sealed interface Site {
    /** {@code section(x)}, as NEURON names a location. */
    record At(String section, double x) implements Site {
        public At {
            new Location(section, x); // the same checks as a description's locations
        }

        @Override
        public String toString() {
            return section + "(" + x + ")";
        }
    }

    /**
     * The point at {@code distanceUm} of path distance from {@code from}, on a section of the array {@code region}
     * ({@code apic}: apic[0], apic[1], ...), by the rule of Hay et al.'s {@code locateSites}: every section of the
     * region, in order, whose two ends lie at d0 <= distance <= d1 from the origin (d0 the nearer end) is a
     * candidate at x = (distance - d0) / (d1 - d0); of the candidates, the one whose segment at x has the largest
     * diameter (the first of equals).
     */
    record ByDistance(double distanceUm, Location from, String region) implements Site {
        public ByDistance {
            if (!(distanceUm >= 0) || Double.isInfinite(distanceUm)) {
                throw new IllegalArgumentException("path distance must be finite and >= 0 um, was " + distanceUm);
            }
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("a site by distance needs a region");
            }
        }

        @Override
        public String toString() {
            return distanceUm + " um from " + from + " in " + region + " (largest diameter)";
        }
    }
}
