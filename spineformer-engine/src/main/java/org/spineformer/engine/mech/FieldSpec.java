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
 * @param settable    whether a model may set it before the run: every parameter, and the assigned variables NEURON's
 *                    hoc sets per instance that the mechanism may overwrite (a mod file's RANGE ASSIGNED, {@link
 *                    #settableAssigned})
 */
public record FieldSpec(String name, String unit, FieldRole role, double defaultValue, double min, double max,
                        String description, boolean settable) {

    public static FieldSpec parameter(String name, String unit, double defaultValue, double min, double max,
                                      String description) {
        return new FieldSpec(name, unit, FieldRole.PARAMETER, defaultValue, min, max, description, true);
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
                description, false);
    }

    public static FieldSpec assigned(String name, String unit, String description) {
        return new FieldSpec(name, unit, FieldRole.ASSIGNED, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                description, false);
    }

    /**
     * An assigned variable a model may set before the run, any number but NaN, 0 until set: what NEURON's hoc does
     * with a RANGE ASSIGNED of a mod file ({@code seg.x_mech = value} before {@code finitialize}), whose statements
     * may then overwrite it. It stays an assigned variable (a snapshot carries it, as the mechanism may change it).
     */
    public static FieldSpec settableAssigned(String name, String unit, String description) {
        return new FieldSpec(name, unit, FieldRole.ASSIGNED, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                description, true);
    }

    /** Throws a clear error naming mechanism and field when a model may not set this field ({@link #settable}). */
    public void requireSettable(String mechanism) {
        if (settable) {
            return;
        }
        String what = mechanism + "." + name;
        if (role == FieldRole.STATE) {
            // nocmodl's initmodel starts every STATE at its x0 before the INITIAL block: hoc's value never reaches it
            throw new IllegalArgumentException(what + " is a STATE, not a parameter: it cannot be set (NEURON sets"
                    + " every STATE at INITIAL, from its start value, so a value set before the run is lost)");
        }
        throw new IllegalArgumentException(what + " is an assigned variable, not a parameter: it cannot be set ("
                + description + ")");
    }

    /**
     * Throws a clear error naming mechanism, field and value when the field cannot be set ({@link #requireSettable})
     * or the value is not valid for it.
     */
    public void validate(String mechanism, double value) {
        requireSettable(mechanism);
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
