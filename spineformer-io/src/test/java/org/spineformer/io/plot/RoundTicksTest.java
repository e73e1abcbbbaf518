package org.spineformer.io.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts carry round tick labels, whatever their data, and axis labels name their units. */
class RoundTicksTest {
    /** SVG text elements: the only text drawn as text (titles are drawn as outlines). */
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    /** RoundTicks' grid lines (groups 1-4: x1, x2, y1, y2) and the tick labels (group 5), in drawing order. */
    private static final Pattern GRID_OR_LABEL = Pattern.compile("<line style=\"[^\"]*stroke:rgb\\(230,230,230\\)"
            + "[^\"]*\" x1=\"([^\"]+)\" x2=\"([^\"]+)\" y1=\"([^\"]+)\" y2=\"([^\"]+)\"/>|<text[^>]*>([^<]*)</text>");
    /** A line segment's start y (a series' line), a dot's centre x and y (a scatter's points). */
    private static final Pattern LINE_Y = Pattern.compile("<line [^>]* y1=\"([^\"]+)\"[^>]*>");
    private static final Pattern DOT_X = Pattern.compile("<ellipse cx=\"([^\"]+)\"[^>]*>");
    private static final Pattern DOT_Y = Pattern.compile("<ellipse [^>]*cy=\"([^\"]+)\"[^>]*>");
    /** The first series' colour, tab10's blue. */
    private static final String DATA = "rgb(31,119,180)";
    /**
     * XChart draws its data up to half a pixel from its own axis' place for the same value (PlotContent_XY centres
     * the data on the plot's height and width cut to whole pixels, the axis on the exact ones): the same place on
     * screen. The fault this guards against was 12 px in these charts, 37 px in Hay's fig5 under its title.
     */
    private static final double SAME_PIXEL = 0.5;

    @TempDir
    Path dir;

    private List<String> labels(String name) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher m = TEXT.matcher(Files.readString(dir.resolve(name + ".svg")));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void equallySpacedSamplesGetRoundTicksNotTicksOnSamples() throws Exception {
        // fig3be's density: 1000 equally spaced x over [0, 1.0263]; XChart ticked 0.1711, 0.3421, ...
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 1.0263 / (n - 1);
            y[i] = 2.4 * Math.exp(-Math.pow((x[i] - 0.5) / 0.1, 2));
        }
        Plots.writeSvg(dir.resolve("density.svg"), Plots.lines(null, "Ca^4 integral (thresholds)",
                "density (per threshold)", List.of(new Plots.Series("d", x, y)), false));
        // x ticks first, then y ticks; y may go one round step past the data, to the axis' end
        assertThat(labels("density")).startsWith("0", "0.2", "0.4", "0.6", "0.8", "1", "0", "0.5", "1", "1.5", "2")
                .allMatch(RoundTicksTest::isRound);
    }

    @Test
    void aNarrowRangeOfTinyValuesGetsSeveralTicks() throws Exception {
        // fig2a's Ca^4 integral: up to about 3.7e-14 mM^4 ms, where the y axis had a single tick
        double[] t = new double[3000];
        double[] g = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 * i;
            g[i] = 3.7e-14 * (1 - Math.exp(-t[i] / 100));
        }
        Plots.writeSvg(dir.resolve("integral.svg"), Plots.lines(null, "time (ms)", "Ca^4 integral (mM^4 ms)",
                List.of(new Plots.Series("g", t, g)), false));
        assertThat(labels("integral")).containsSubsequence("0", "50", "100", "150", "200", "250", "0", "1E-14",
                "2E-14", "3E-14").allMatch(RoundTicksTest::isRound);
    }

    @Test
    void aLogarithmicAxisIsTickedAtPowersOfTen() throws Exception {
        // the capacity benchmark's accuracy against n = 10 ... 10,000 keys: linear ticks (2000, 4000, ...) on a log
        // axis crowd its right end and leave its left unlabelled
        double[] n = {10, 30, 100, 300, 1000, 3000, 10000};
        double[] accuracy = {1, 1, 0.99, 0.98, 0.97, 0.95, 0.9};
        var chart = Plots.lines(null, "key-value pairs n (count)", "accuracy (fraction)",
                List.of(new Plots.Series("a", n, accuracy)), false);
        chart.getStyler().setXAxisLogarithmic(true);
        Plots.writeSvg(dir.resolve("log.svg"), chart);
        assertThat(labels("log")).startsWith("10", "100", "1000", "10000");
    }

    @Test
    void aLogarithmicRangeWithinOneDecadeGetsTwoAndFiveToo() {
        assertThat(Ticks.logarithmic(1.5, 9, 1)).containsExactly(2, 5);
        assertThat(Ticks.logarithmic(10, 10000, 1)).containsExactly(10, 100, 1000, 10000);
        assertThat(Ticks.logarithmic(0.0011, 0.12, 1)).containsExactly(0.01, 0.1);
    }

    @Test
    void anAllZeroLineSitsOnTheZeroTick() throws Exception {
        // Hay's fig5: every trial's fractions 0; XChart drew the line at the plot's middle, the 0 tick 37 px above it
        double[] rate = {1, 2, 4, 7, 13};
        Plots.writeSvg(dir.resolve("flat.svg"), Plots.lines(null, "query rate (Hz)", "spikes (fraction)",
                List.of(new Plots.Series("successful", rate, new double[rate.length])), false));
        String svg = Files.readString(dir.resolve("flat.svg"));
        double zeroTick = ticks(svg, false).get("0");
        List<Double> line = coordinates(svg, LINE_Y, DATA);
        assertThat(line).hasSize(rate.length - 1)
                .allSatisfy(y -> assertThat(y).isCloseTo(zeroTick, within(SAME_PIXEL)));
    }

    @Test
    void pointsAtOneValueOfXAndYSitOnTheirTicks() throws Exception {
        // fig5 with every trial at the same query rate and none successful: flat x and y
        double[] x = {2, 2, 2};
        var chart = Plots.scatter(null, "query rate (Hz)", "spikes (fraction)",
                List.of(new Plots.Series("successful", x, new double[x.length])));
        chart.getStyler().setLegendVisible(false);
        Plots.writeSvg(dir.resolve("point.svg"), chart);
        String svg = Files.readString(dir.resolve("point.svg"));
        double twoTick = ticks(svg, true).get("2");
        double zeroTick = ticks(svg, false).get("0");
        assertThat(coordinates(svg, DOT_X, DATA)).hasSize(x.length)
                .allSatisfy(cx -> assertThat(cx).isCloseTo(twoTick, within(SAME_PIXEL)));
        assertThat(coordinates(svg, DOT_Y, DATA)).hasSize(x.length)
                .allSatisfy(cy -> assertThat(cy).isCloseTo(zeroTick, within(SAME_PIXEL)));
    }

    @Test
    void aFlatAxisGetsMatplotlibsRangeForTheWritingOnly() throws Exception {
        // 5% of the value either side, 0.05 around 0; a limit set on the chart stays; an axis with a range has none
        assertThat(FlatAxes.range(null, null, -65, -65)).containsExactly(-68.25, -61.75);
        assertThat(FlatAxes.range(null, null, 0, 0)).containsExactly(-0.05, 0.05);
        assertThat(FlatAxes.range(0.0, null, 0, 0)).containsExactly(0, 0.05);
        assertThat(FlatAxes.range(null, null, 0, 1)).isNull();
        assertThat(FlatAxes.range(0.0, 0.0, 0, 0)).isNull();
        // a histogram's counts from 0, all 0: written on [0, 0.05], the chart's own limits back after
        var chart = Plots.lines(null, "time (ms)", "count (per bin)", List.of(new Plots.Series("n",
                new double[] {0, 1}, new double[] {0, 0})), false);
        chart.getStyler().setYAxisMin(0.0);
        Plots.writeSvg(dir.resolve("kept.svg"), chart);
        assertThat(ticks(Files.readString(dir.resolve("kept.svg")), false)).containsKeys("0", "0.05");
        assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0.0);
        assertThat(chart.getStyler().getYAxisMax()).isNull();
    }

    /**
     * The ticks' screen positions by label: x (vertical grid lines) or y (horizontal ones). RoundTicks draws each
     * tick's grid line, then its label.
     */
    private static Map<String, Double> ticks(String svg, boolean x) {
        Map<String, Double> ticks = new HashMap<>();
        Matcher m = GRID_OR_LABEL.matcher(svg);
        Double at = null;
        while (m.find()) {
            if (m.group(1) != null) {
                boolean vertical = m.group(1).equals(m.group(2));
                at = vertical == x ? Double.valueOf(x ? m.group(1) : m.group(3)) : null;
            } else if (at != null) {
                ticks.put(m.group(5), at);
                at = null;
            }
        }
        return ticks;
    }

    /** One number of each element that {@code element} matches in the colour {@code colour}. */
    private static List<Double> coordinates(String svg, Pattern element, String colour) {
        List<Double> found = new ArrayList<>();
        Matcher m = element.matcher(svg);
        while (m.find()) {
            if (m.group().contains(colour)) {
                found.add(Double.valueOf(m.group(1)));
            }
        }
        return found;
    }

    /** Every tick of these two charts has at most two significant digits (2.5, 1.5, 250); XChart's had four. */
    private static boolean isRound(String label) {
        return new java.math.BigDecimal(label).stripTrailingZeros().precision() <= 2;
    }

    @Test
    void histogramsAndRocCurvesNameTheirUnits() {
        var histogram = Plots.histogram(null, "score (thresholds)", new double[] {0, 1, 2},
                java.util.Map.of("s", new double[] {0.5, 1.5}), true);
        assertThat(histogram.getYAxisTitle()).isEqualTo("density (per thresholds)");
        assertThat(Plots.histogram(null, "score (thresholds)", new double[] {0, 1, 2},
                java.util.Map.of("s", new double[] {0.5}), false).getYAxisTitle()).isEqualTo("count (per bin)");
        var roc = Plots.roc(null, List.of());
        assertThat(Plots.hasUnit(roc.getXAxisTitle())).isTrue();
        assertThat(Plots.hasUnit(roc.getYAxisTitle())).isTrue();
    }

    @Test
    void aUnitIsTheParenthesesAtTheEnd() {
        assertThat(Plots.hasUnit("time (ms)")).isTrue();
        assertThat(Plots.hasUnit("Ca^4 integral (mM^4 ms)")).isTrue();
        assertThat(Plots.hasUnit("integral")).isFalse();
        assertThat(Plots.hasUnit("(ms)")).isFalse();
        assertThat(Plots.hasUnit("fraction (of spikes) of all")).isFalse();
    }

    @Test
    void aThresholdLineIsLabelledWithoutALegend() throws Exception {
        var chart = Plots.lines(null, "time (ms)", "Ca^4 integral (thresholds)", List.of(
                new Plots.Series("integral", new double[] {0, 1000}, new double[] {0, 2.5}),
                new Plots.Series("threshold", new double[] {0, 1000}, new double[] {1, 1})), false);
        Plots.writeSvg(dir.resolve("level.svg"), Plots.labelLevel(chart, "threshold", 1));
        assertThat(labels("level")).contains("threshold");
    }
}
