package org.spineformer.morphology;

/**
 * What NEURON's {@code Import3d_GUI.instantiate} builds the sections into, which decides how the 3-D points reach
 * {@code pt3dadd}.
 */
public enum ImportTarget {
    /**
     * {@code instantiate(None)} (top-level sections) or a hoc template object, as the published models do: every
     * value is printed with {@code %.8g} into a hoc statement and read back, then stored as a float.
     */
    HOC,
    /**
     * {@code instantiate(obj)} with a Python object (a cell class written in Python): the values are passed to
     * {@code pt3dadd} as doubles and stored as floats, without the {@code %.8g} rounding (the last bit of some
     * points differs from {@link #HOC}, e.g. a soma contour's centreline).
     */
    PYTHON_OBJECT
}
