package org.spineformer.engine.mech;

/**
 * One field of a mechanism, declared as data so that catalogues, validation and the CLI read it.
 *
 * @param name        the field's name (the NMODL name)
 * @param unit        NEURON's unit, "1" for dimensionless
 * @param role        parameter, state or assigned
 * @param defaultValue default for parameters, initial placeholder otherwise
 * @param min         smallest valid value (parameters); -infinity when unbounded
 * @param max         largest valid value (parameters); +infinity when unbounded (infinity itself is then allowed)
 * @param description what it means
 */
public record FieldSpec(String name, String unit, FieldRole role, double defaultValue, double min, double max,
                        String description) {

    public static FieldSpec parameter(String name, String unit, double defaultValue, double min, double max,
                                      String description) {
        return new FieldSpec(name, unit, FieldRole.PARAMETER, defaultValue, min, max, description);
    }

    /** A parameter that may take any finite value. */
    public static FieldSpec parameter(String name, String unit, double defaultValue, String description) {
        return parameter(name, unit, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE, description);
    }

    /** A parameter that must be >= 0 (conductances, weights). */
    public static FieldSpec nonNegative(String name, String unit, double defaultValue, String description) {
        return parameter(name, unit, defaultValue, 0, Double.MAX_VALUE, description);
    }

    /** A parameter that must be > 0 (time constants, lengths). */
    public static FieldSpec positive(String name, String unit, double defaultValue, String description) {
        return parameter(name, unit, defaultValue, Double.MIN_VALUE, Double.MAX_VALUE, description);
    }

    public static FieldSpec state(String name, String unit, String description) {
        return new FieldSpec(name, unit, FieldRole.STATE, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                description);
    }

    public static FieldSpec assigned(String name, String unit, String description) {
        return new FieldSpec(name, unit, FieldRole.ASSIGNED, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                description);
    }

    /** Throws a clear error naming mechanism, field and value when the value is not valid for this parameter. */
    public void validate(String mechanism, double value) {
        if (role != FieldRole.PARAMETER) {
            throw new IllegalArgumentException(mechanism + "." + name + " is a " + role.name().toLowerCase()
                    + " variable, not a parameter: it cannot be set");
        }
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(mechanism + "." + name + " = " + value + " is invalid: "
                    + rangeText() + (unit.equals("1") ? "" : " (" + unit + ")"));
        }
    }

    /** The valid range in words. */
    public String rangeText() {
        if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
            return "it must be a number (infinities allowed)";
        }
        boolean noLow = min == -Double.MAX_VALUE || min == Double.NEGATIVE_INFINITY;
        boolean noHigh = max == Double.MAX_VALUE;
        if (noLow && noHigh) {
            return "it must be a finite number";
        }
        if (noHigh) {
            return min == Double.MIN_VALUE ? "it must be finite and > 0" : "it must be finite and >= " + min;
        }
        if (max == Double.POSITIVE_INFINITY) {
            return min == Double.MIN_VALUE ? "it must be > 0 (infinity allowed)" : "it must be >= " + min + " (infinity allowed)";
        }
        return "it must be in [" + min + ", " + max + "]";
    }
}
