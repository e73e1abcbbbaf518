package org.spineformer.morphology;

import java.util.regex.Pattern;

/** A decimal number as C's strtod/strtof read it from morphology files (no hex, inf or nan). */
final class DecimalNumber {
    static final Pattern PATTERN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DecimalNumber() {
    }
}
