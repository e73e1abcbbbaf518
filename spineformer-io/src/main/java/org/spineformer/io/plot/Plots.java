package org.spineformer.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spineformer.io.AtomicFiles;

/**
 * Charts in one plain style (white, light grid, readable sans-serif text, thin lines, colours from matplotlib's
 * tab10 so they match the reader's Python plots), written as PNG or SVG. The builders return XYCharts, so a caller
 * can still set axis limits or the like before writing.
 */
public final class Plots {
    static {
        // Plots are written by command-line runs and on servers; never try to reach a display. An explicit
        // setting by the user wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One named curve or point cloud; x and y have the same length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                        + y.length + " y values");
            }
        }
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private static final Color INK = new Color(0x333333);
    private static final Color GRID = new Color(0xe6e6e6);
    private static final String FONT = Font.SANS_SERIF;
    private static final float LINE_WIDTH = 1.2f;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final int ROC_SIZE = 480;
    /** PNGs are drawn at twice the chart's nominal size, so they stay sharp on dense screens and in slides. */
    private static final int PNG_SCALE = 2;
    /** Significant digits of a tick label. */
    private static final int TICK_DIGITS = 4;

    private Plots() {
    }

    /**
     * Line plot of traces, such as voltages against time; no markers. Dense series with sorted x are thinned to
     * what the picture can show (see {@link Envelope}) over their whole x range: to zoom in, pass the slice to show
     * rather than setting axis limits afterwards.
     */
    public static XYChart lines(String title, String xLabel, String yLabel, List<Series> series, boolean legend) {
        XYChart chart = chart(WIDTH, HEIGHT, title, xLabel, yLabel);
        chart.getStyler().setLegendVisible(legend);
        for (int i = 0; i < series.size(); i++) {
            Series s = Envelope.of(series.get(i), WIDTH * PNG_SCALE);
            line(chart, s.name(), s.x(), s.y(), color(i));
        }
        return chart;
    }

    /** Scatter plot: small, slightly translucent dots, so that overlapping points show as darker. */
    public static XYChart scatter(String title, String xLabel, String yLabel, List<Series> series) {
        XYChart chart = chart(WIDTH, HEIGHT, title, xLabel, yLabel);
        chart.getStyler().setMarkerSize(5);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            XYSeries dots = chart.addSeries(s.name(), s.x(), s.y());
            dots.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(withAlpha(color(i), 170));
        }
        return chart;
    }

    /**
     * Draws one series of a {@link #scatter} plot as a line through opaque, larger dots: a summary (such as binned
     * means) over the cloud of points it summarises.
     */
    public static XYChart emphasize(XYChart chart, String series) {
        XYSeries s = chart.getSeriesMap().get(series);
        if (s == null) {
            throw new IllegalArgumentException("the chart has no series '" + series + "'");
        }
        Color opaque = new Color(s.getMarkerColor().getRGB() & 0xffffff);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(opaque);
        s.setLineWidth(2 * LINE_WIDTH);
        s.setMarkerColor(opaque);
        s.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * Overlaid histograms of several samples over the same bins, as translucent filled outlines. Bins follow
     * numpy.histogram: {@code binEdges} increase strictly, every bin is half-open [a, b) but the last is closed,
     * and values outside the edges (and NaN) are left out. With {@code density}, each histogram integrates to 1,
     * which compares samples of different sizes; otherwise the y axis counts.
     */
    public static XYChart histogram(String title, String xLabel, double[] binEdges, Map<String, double[]> samples,
            boolean density) {
        if (binEdges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least two bin edges");
        }
        for (int i = 1; i < binEdges.length; i++) {
            if (!(binEdges[i] > binEdges[i - 1])) {
                throw new IllegalArgumentException("bin edges must increase strictly: edge " + i + " is "
                        + binEdges[i] + " after " + binEdges[i - 1]);
            }
        }
        XYChart chart = chart(WIDTH, HEIGHT, title, xLabel, density ? "density (per " + unitOf(xLabel) + ")"
                : "count (per bin)");
        chart.getStyler().setYAxisMin(0.0);
        int i = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] heights = binHeights(e.getValue(), binEdges, density);
            // The outline of the bars: up the left edge, along each bar top, down the right edge.
            int n = heights.length;
            double[] x = new double[2 * n + 2];
            double[] y = new double[2 * n + 2];
            x[0] = binEdges[0];
            for (int b = 0; b < n; b++) {
                x[2 * b + 1] = binEdges[b];
                x[2 * b + 2] = binEdges[b + 1];
                y[2 * b + 1] = heights[b];
                y[2 * b + 2] = heights[b];
            }
            x[2 * n + 1] = binEdges[n];
            XYSeries bars = line(chart, e.getKey(), x, y, color(i));
            bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            bars.setFillColor(withAlpha(color(i++), 70));
        }
        return chart;
    }

    /**
     * Writes {@code label} above the right end of the horizontal line at {@code y} (such as a threshold drawn as a
     * series), so the line is named without a legend.
     */
    public static XYChart labelLevel(XYChart chart, String label, double y) {
        chart.addAnnotation(new LevelLabel(label, y, new Font(FONT, Font.PLAIN, 11), INK));
        return chart;
    }

    /** ROC curves (x: false positive rate, y: true positive rate) on the unit square, over the chance diagonal. */
    public static XYChart roc(String title, List<Series> curves) {
        XYChart chart = chart(ROC_SIZE, ROC_SIZE, title, "false positive rate (fraction)",
                "true positive rate (fraction)");
        XYStyler style = chart.getStyler();
        style.setXAxisMin(0.0);
        style.setXAxisMax(1.0);
        style.setYAxisMin(0.0);
        style.setYAxisMax(1.0);
        style.setLegendPosition(LegendPosition.InsideSE);
        XYSeries chance = line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, new Color(0xaaaaaa));
        chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        chance.setShowInLegend(false);
        for (int i = 0; i < curves.size(); i++) {
            Series c = curves.get(i);
            line(chart, c.name(), c.x(), c.y(), color(i)).setLineWidth(1.6f);
        }
        return chart;
    }

    /** Writes the chart as a PNG image of twice its nominal size, whole or not at all. */
    public static void writePng(Path path, Chart<?, ?> chart) throws IOException {
        write(path, image(chart));
    }

    /** Writes the chart as SVG, whole or not at all. */
    public static void writeSvg(Path path, Chart<?, ?> chart) throws IOException {
        try (FlatAxes opened = FlatAxes.open(chart)) {
            AtomicFiles.write(path, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsFormat.SVG));
        }
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}: the same chart, for viewing and for print. */
    public static void writePngAndSvg(Path dir, String name, Chart<?, ?> chart) throws IOException {
        writePng(dir.resolve(name + ".png"), chart);
        writeSvg(dir.resolve(name + ".svg"), chart);
    }

    /** Writes the charts one above the other, left-aligned, as one PNG. */
    public static void writeStackedPng(Path path, List<? extends Chart<?, ?>> charts) throws IOException {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack: no charts");
        }
        List<BufferedImage> parts = new ArrayList<>();
        for (Chart<?, ?> chart : charts) {
            parts.add(image(chart));
        }
        int width = parts.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage part : parts) {
            g.drawImage(part, 0, y, null);
            y += part.getHeight();
        }
        g.dispose();
        write(path, all);
    }

    static double[] binHeights(double[] values, double[] edges, boolean density) {
        double[] counts = new double[edges.length - 1];
        int inRange = 0;
        for (double v : values) {
            if (v >= edges[0] && v <= edges[edges.length - 1]) {
                int found = Arrays.binarySearch(edges, v);
                counts[found >= 0 ? Math.min(found, counts.length - 1) : -found - 2]++;
                inRange++;
            }
        }
        if (density && inRange > 0) {
            for (int b = 0; b < counts.length; b++) {
                counts[b] /= inRange * (edges[b + 1] - edges[b]);
            }
        }
        return counts;
    }

    private static XYChart chart(int width, int height, String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        s.setChartTitleVisible(title != null && !title.isBlank());
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 11));
        s.setChartFontColor(INK);
        s.setAxisTickLabelsColor(INK);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setAxisTicksLineVisible(false);
        // Grid lines and tick labels at round values are drawn by RoundTicks; XChart still lays out its own
        // labels, invisibly, to leave room for them.
        s.setPlotGridLinesVisible(false);
        s.setAxisTicksMarksVisible(false);
        s.setAxisTickLabelsColor(new Color(0, 0, 0, 0));
        s.setXAxisTickMarkSpacingHint(100);
        s.setYAxisLabelAlignment(TextAlignment.Right);
        s.setxAxisTickLabelsFormattingFunction(Plots::tickLabel);
        s.setyAxisTickLabelsFormattingFunction(Plots::tickLabel);
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendSeriesLineLength(18);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        chart.addAnnotation(new RoundTicks(INK, GRID, new BasicStroke(0.8f)));
        return chart;
    }

    /**
     * Whether an axis label names its unit the house way, in parentheses at its end: "time (ms)", "integral
     * (thresholds)", "true positive rate (fraction)". Every axis of every figure Spineformer writes does.
     */
    public static boolean hasUnit(String label) {
        return label != null && label.matches(".*\\S.*\\([^()]+\\)\\s*");
    }

    /** The unit of a label: the text in its last parentheses, or "unit of x" when it names none. */
    private static String unitOf(String label) {
        return hasUnit(label) ? label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')) : "unit of x";
    }

    /**
     * A tick value without the floating-point noise of XChart's tick arithmetic (0.30000000000000004) or its
     * default pattern's quirks (".05"): four significant digits, trailing zeros dropped, and outside [1e-4, 1e7)
     * scientific notation as Java writes it (2.5E-6). Four digits, because when a series' x values are equally
     * spaced XChart puts the x ticks on data points rather than round numbers (0.2756407035 of a 200-point grid
     * over 0..2.19), and a label needs no more digits than a reader can use.
     */
    static String tickLabel(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(TICK_DIGITS)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).toPlainString() + "E" + exponent;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(LINE_WIDTH);
        return s;
    }

    private static BufferedImage image(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth() * PNG_SCALE, chart.getHeight() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        // XChart draws a line segment by segment; snapping each end to the pixel grid (Java's default) makes
        // steep lines, spikes above all, look serrated.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(PNG_SCALE, PNG_SCALE);
        try (FlatAxes opened = FlatAxes.open(chart)) {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        }
        g.dispose();
        return image;
    }

    private static void write(Path path, BufferedImage image) throws IOException {
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
