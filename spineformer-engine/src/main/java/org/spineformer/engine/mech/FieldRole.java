package org.spineformer.engine.mech;

/** What a mechanism field is, in NMODL terms. */
public enum FieldRole {
    /** Set by the user before the run; validated against its range. */
    PARAMETER,
    /** Integrated by the mechanism (NMODL STATE). */
    STATE,
    /** Computed by the mechanism (NMODL ASSIGNED): currents, conductances, rates. */
    ASSIGNED
}
