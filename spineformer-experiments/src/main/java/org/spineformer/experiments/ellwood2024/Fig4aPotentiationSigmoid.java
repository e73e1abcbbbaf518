package org.spineformer.experiments.ellwood2024;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.analysis.stats.Grid;
import org.spineformer.cell.CellParameters;
import org.spineformer.experiments.output.Summary;
import org.spineformer.io.csv.CsvTable;
import org.spineformer.io.npy.NpyArray;
import org.spineformer.io.npy.Npz;
import org.spineformer.io.plot.Plots;

/**
 * Figure 4A: the AMPA conductance's potentiation as a function of the calcium integral in units of the threshold,
 * {@code (1 - a) + max_potentiation a} with {@code a = sigmoid(sharpness (x - 1) + offset)}
 * (Figure_4A_PlotThresholdSigmoid.py; Ellwood_AMPA_with_Ca.mod line 94). No simulation.
 */
public final class Fig4aPotentiationSigmoid {
    public static final String PANEL = "fig4a";

    /**
     * @param sharpness the sigmoid's slope (sigmoid_sharpness, 20)
     * @param maxPotentiation the conductance factor when fully potentiated (max_potentiation, 8)
     * @param sigmoidOffset shift of the sigmoid's argument (sigmoid_offset, 0)
     * @param xMax the curve is drawn over [0, xMax] thresholds (the script: 2)
     * @param points how many points (the script: 1000)
     */
    public record Config(double sharpness, double maxPotentiation, double sigmoidOffset, double xMax, int points) {
        public Config {
            if (points < 2) {
                throw new IllegalArgumentException("points = " + points + " must be >= 2");
            }
        }

        /** The cell's own synapse parameters, over the script's grid. */
        public static Config paper() {
            CellParameters.Synapses s = CellParameters.paper().synapses();
            return new Config(s.sigmoidSharpness(), s.maxPotentiation(), s.sigmoidOffset(), 2, 1000);
        }
    }

    /**
     * @param fractionOfThreshold x: the (low-passed) calcium integral over the threshold
     * @param relativeConductance the AMPA conductance over its unpotentiated value
     */
    public record Result(Config config, double[] fractionOfThreshold, double[] relativeConductance) {
    }

    private Fig4aPotentiationSigmoid() {
    }

    public static Result run(Config c) {
        double[] x = Grid.linspace(0, c.xMax(), c.points());
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = relativeConductance(c, x[i]);
        }
        return new Result(c, x, g);
    }

    /** The conductance factor at x thresholds. */
    public static double relativeConductance(Config c, double x) {
        double a = sigmoid(c.sharpness() * (x - 1) + c.sigmoidOffset());
        return (1 - a) + c.maxPotentiation() * a;
    }

    /** The x at which the potentiation has gone {@code p} of the way (0 < p < 1): the sigmoid's inverse. */
    public static double fractionAt(Config c, double p) {
        return 1 + (Math.log(p / (1 - p)) - c.sigmoidOffset()) / c.sharpness();
    }

    /** Written as the script does, so that neither branch overflows. */
    private static double sigmoid(double z) {
        return z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    public static Summary summary(Result r) {
        Config c = r.config();
        double x10 = fractionAt(c, 0.1);
        double x90 = fractionAt(c, 0.9);
        return new Summary().put("panel", PANEL)
                .put("sharpness", c.sharpness())
                .put("max_potentiation", c.maxPotentiation())
                .put("sigmoid_offset", c.sigmoidOffset())
                .exact("relative_conductance_at_threshold", "relative conductance at the threshold",
                        relativeConductance(c, 1))
                .exact("fraction_of_threshold_at_10_percent", "x at 10% potentiation (thresholds)", x10)
                .exact("fraction_of_threshold_at_90_percent", "x at 90% potentiation (thresholds)", x90)
                .exact("transition_width_10_90", "10-90% width (thresholds)", x90 - x10);
    }

    /** Writes summary.json, curve.csv, curve.npz and fig4a.png/.svg into {@code dir}. */
    public static Summary write(Result r, Path dir) throws IOException {
        Summary s = summary(r);
        s.write(dir);
        new CsvTable().add("fraction_of_threshold", r.fractionOfThreshold())
                .add("relative_conductance", r.relativeConductance()).write(dir.resolve("curve.csv"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("fraction_of_threshold", NpyArray.of(r.fractionOfThreshold()));
        arrays.put("relative_conductance", NpyArray.of(r.relativeConductance()));
        Npz.write(dir.resolve("curve.npz"), arrays);
        Plots.writePngAndSvg(dir, PANEL, Plots.lines("Figure 4A: potentiation sigmoid", "Ca^4 integral (thresholds)",
                "AMPA conductance (x baseline)", List.of(new Plots.Series("AMPA conductance factor",
                        r.fractionOfThreshold(), r.relativeConductance())), false));
        return s;
    }

    /** {@code reproduce fig4a}: no trials, seed or window. */
    static Summary reproduce(Request request) throws IOException {
        Summary s = write(run(Config.paper()), request.out());
        request.console().print(s.table("Figure 4A: potentiation sigmoid"));
        return s;
    }
}
