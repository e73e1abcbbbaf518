package org.spineformer.experiments.ellwood2024;

import java.nio.file.Path;
import java.util.Optional;
import org.spineformer.cell.CellModel;

/**
 * The potentiation threshold a Figure 4 or 5 run uses for its match window: that of this program's own Figure 3B-E
 * run for the window when a finished one sits next to the output directory (the one with most runs), otherwise the
 * paper's. Both are reported.
 *
 * @param value the threshold used
 * @param source {@link #OWN} or {@link #PAPER}
 * @param path the fig3be run's directory when the source is {@link #OWN}, else null
 * @param paper the paper's threshold for the window (NaN for windows the paper did not run)
 * @param runs the fig3be run's run count when the source is {@link #OWN}, else 0
 */
public record Threshold(double value, String source, String path, double paper, int runs) {
    public static final String OWN = "fig3be";
    public static final String PAPER = "paper";
    /** A threshold set in the config (by {@code spineformer sweep}), not the paper's. */
    public static final String GIVEN = "given";

    /** A threshold not taken from a fig3be run. */
    public Threshold(double value, String source, String path, double paper) {
        this(value, source, path, paper, 0);
    }

    /** Where the threshold came from, in words for the console. */
    public String origin() {
        return switch (source) {
            case OWN -> "the fig3be run in " + path + " (" + runs + " runs)";
            case PAPER -> "the paper";
            default -> "the config";
        };
    }

    /** The threshold a config holds, reported as the paper's when it is, else as {@link #GIVEN}. */
    static Threshold of(double value, double matchWindowS) {
        double paper = Ellwood2024.hasPaperThreshold(matchWindowS) ? Ellwood2024.paperThreshold(matchWindowS)
                : Double.NaN;
        return new Threshold(value, value == paper ? PAPER : GIVEN, null, paper);
    }

    /**
     * Looks for a sibling fig3be run of {@code matchWindowS} on the same cell next to {@code out}; the paper's
     * threshold is only for the paper's cell.
     */
    static Threshold resolve(CellModel model, Path out, double matchWindowS) {
        double paper = Ellwood2024.hasPaperThreshold(matchWindowS) ? Ellwood2024.paperThreshold(matchWindowS)
                : Double.NaN;
        Optional<PriorRuns.Found> own = PriorRuns.sibling(out, Fig3beMatchRoc.PANEL,
                f -> f.summary().path("match_window_s").asDouble() == matchWindowS
                        && f.summary().path("threshold").isNumber() && PriorRuns.sameModel(f, model), "runs");
        if (own.isPresent()) {
            return new Threshold(own.get().summary().get("threshold").asDouble(), OWN, own.get().dir().toString(),
                    paper, own.get().summary().path("runs").asInt());
        }
        if (!model.isPaper()) {
            throw new IllegalArgumentException("no threshold for --model " + model.name() + " at --match-window "
                    + matchWindowS + " s: the paper's thresholds are for the paper's cell; run 'reproduce fig3be"
                    + " --model ... --match-window " + matchWindowS + "' into a folder next to --out first");
        }
        if (Double.isNaN(paper)) {
            throw new IllegalArgumentException("no threshold for --match-window " + matchWindowS + " s: the paper has "
                    + "thresholds for 0.5, 1 and 2 s only; run 'reproduce fig3be --match-window " + matchWindowS
                    + "' into a folder next to --out first");
        }
        return new Threshold(paper, PAPER, null, paper);
    }
}
