package org.spineformer.cli;

import org.spineformer.engine.simd.Simd;
import picocli.CommandLine.Option;

/**
 * {@code --lanes L}, as every command that runs trials of the paper's kind of cell takes it (a picocli mixin): the
 * trial runner packs L trials into one simulation in vector lanes (docs/dev/architecture.md, "Trials in lanes").
 * Each trial's results are the same, bit for bit, whatever L.
 */
final class LanesOption {
    /**
     * The lanes without --lanes: 0, the preferred vector length. Measured (docs/dev/performance.md, "Trials in lanes"):
     * never slower than one trial per simulation beyond the noise, up to 1.2x faster per trial on a quiet machine,
     * and the same results.
     */
    static final int DEFAULT = 0;

    @Option(names = "--lanes", paramLabel = "L", description = "Trials run together in one simulation, in vector "
            + "lanes (same results): 1 each alone; 0 the JVM's preferred vector length (8 on AVX-512, 4 on AVX2); "
            + "default 0.")
    private Integer lanes;

    /** Refuses a negative count, in the option's name. */
    void check() {
        if (lanes != null) {
            OptionChecks.atLeast("--lanes", lanes, 0);
        }
    }

    /** The lanes given (0: the preferred vector length), or the default. */
    int count() {
        return resolve(lanes == null ? DEFAULT : lanes);
    }

    /** The lanes without --lanes. */
    static int defaultLanes() {
        return resolve(DEFAULT);
    }

    private static int resolve(int lanes) {
        return lanes == 0 ? Simd.preferredLanes() : lanes;
    }
}
