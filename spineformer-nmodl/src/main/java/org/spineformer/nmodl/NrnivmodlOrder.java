package org.spineformer.nmodl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which NEURON 8.2.2's nrnivmodl registers the mod files of a folder, which is their place in NEURON's
 * mechanism type order (after the built-ins; {@link org.spineformer.engine.mech.TypeOrder}): its {@code
 * "$dir"/*.mod} glob, which bash sorts by the C locale's collation, byte by byte (upper case before lower case,
 * digits before both, {@code _} between them: Kb, k10, k9, k_c, ka; checked against nrnivmodl in the C.UTF-8 locale,
 * docs/dev/nmodl.md). In another locale (en_US.UTF-8) bash's glob sorts otherwise; this is the C locale's order,
 * that of the machines NEURON's reference data were recorded on.
 */
public final class NrnivmodlOrder {
    /** File names, as nrnivmodl's glob sorts a folder's {@code *.mod}. */
    public static final Comparator<String> NAMES = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** Files by name ({@link #NAMES}). */
    public static final Comparator<Path> FILES = Comparator.comparing(f -> f.getFileName().toString(), NAMES);

    private NrnivmodlOrder() {
    }
}
