package org.spineformer.cli;

import org.spineformer.engine.simd.Simd;
import picocli.CommandLine.Option;

/**
 * {@code --lanes L}, as every command that runs trials of the paper's kind of cell takes it (a picocli mixin): the
 * trial runner packs L trials into one simulation in vector lanes (docs/dev/architecture.md, "Trials in lanes").
 * Each trial's results are the same, bit for bit, whatever L.
 */
final class LanesOption {
    @Option(names = "--lanes", paramLabel = "L", description = "Trials run together in one simulation, in vector "
            + "lanes (same results): 1 each alone; 0 the JVM's preferred vector length (8 on AVX-512, 4 on AVX2); "
            + "default 1.")
    private Integer lanes;

    /** Refuses a negative count, in the option's name. */
    void check() {
        if (lanes != null) {
            OptionChecks.atLeast("--lanes", lanes, 0);
        }
    }

    /** The lanes given (0: the preferred vector length), or the default. */
    int count() {
        int l = lanes == null ? 1 : lanes;
        return l == 0 ? Simd.preferredLanes() : l;
    }
}
