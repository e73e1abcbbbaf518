package org.spineformer.io.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class PlotsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void emphasizeDrawsOneSeriesAsAnOpaqueLine() {
        XYChart chart = Plots.scatter("t", "x", "y", List.of(new Plots.Series("cloud", new double[] {1, 2},
                new double[] {2, 3}), new Plots.Series("means", new double[] {1, 2}, new double[] {2.5, 2.5})));
        Plots.emphasize(chart, "means");
        XYSeries means = chart.getSeriesMap().get("means");
        assertThat(means.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Line);
        assertThat(means.getLineColor().getAlpha()).isEqualTo(255);
        assertThat(chart.getSeriesMap().get("cloud").getXYSeriesRenderStyle())
                .isEqualTo(XYSeries.XYSeriesRenderStyle.Scatter);
        assertThatThrownBy(() -> Plots.emphasize(chart, "medians")).hasMessageContaining("no series 'medians'");
    }

    @Test
    void runsHeadless() {
        XYChart chart = Plots.scatter("t", "x", "y", List.of(new Plots.Series("s", new double[] {1}, new double[] {2})));
        assertThat(chart.getSeriesMap()).containsKey("s");
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void writesEveryKindOfChartAsPngAndSvg() throws Exception {
        double[] t = new double[50_000];
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.025;
            v[i] = -65 + 30 * Math.exp(-Math.pow(t[i] % 200 - 50, 2) / 4);
        }
        double[] a = {0.1, 0.4, 0.35, 0.8, 0.9, 0.2};
        double[] b = {0.3, 0.1, 0.7, 0.6, 0.05, 0.95};
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("matched", a);
        samples.put("control", b);
        Map<String, XYChart> charts = Map.of(
                "lines", Plots.lines("Soma", "t (ms)", "v (mV)", List.of(new Plots.Series("soma", t, v)), false),
                "scatter", Plots.scatter(null, "a", "b", List.of(new Plots.Series("ab", a, b))),
                "histogram", Plots.histogram("Weights", "g", new double[] {0, 0.25, 0.5, 0.75, 1}, samples, true),
                "roc", Plots.roc("ROC", List.of(new Plots.Series("model", new double[] {0, 0.2, 1},
                        new double[] {0, 0.7, 1}))));
        for (Map.Entry<String, XYChart> e : charts.entrySet()) {
            Plots.writePngAndSvg(dir, e.getKey(), e.getValue());
            Path png = dir.resolve(e.getKey() + ".png");
            assertThat(Arrays.copyOf(Files.readAllBytes(png), 8)).as(e.getKey()).isEqualTo(PNG_SIGNATURE);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(e.getKey()).isEqualTo(2 * e.getValue().getWidth());
            assertThat(image.getHeight()).as(e.getKey()).isEqualTo(2 * e.getValue().getHeight());
            assertThat(distinctColours(image)).as(e.getKey() + " is not blank").isGreaterThan(10);
            Document svg = parseXml(dir.resolve(e.getKey() + ".svg"));
            assertThat(svg.getDocumentElement().getLocalName()).as(e.getKey()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(svg.getElementsByTagNameNS("*", "path").getLength()).as(e.getKey()).isGreaterThan(0);
        }
        // The thinned 50000-point trace stays a reasonable SVG (it would be about 10 MB in full).
        assertThat(Files.size(dir.resolve("lines.svg"))).isLessThan(2_000_000);
    }

    @Test
    void stacksChartsIntoOnePng() throws IOException {
        XYChart top = Plots.lines("top", "x", "y", List.of(new Plots.Series("s", new double[] {0, 1},
                new double[] {1, 0})), true);
        XYChart bottom = Plots.roc("roc", List.of(new Plots.Series("r", new double[] {0, 1}, new double[] {0, 1})));
        Path png = dir.resolve("stack.png");
        Plots.writeStackedPng(png, List.of(top, bottom));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(2 * (top.getHeight() + bottom.getHeight()));
        assertThat(image.getWidth()).isEqualTo(2 * Math.max(top.getWidth(), bottom.getWidth()));
        assertThat(image.getRGB(image.getWidth() - 1, image.getHeight() - 1)).as("padding is white")
                .isEqualTo(0xffffffff);
        assertThatThrownBy(() -> Plots.writeStackedPng(dir.resolve("none.png"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binsLikeNumpyHistogram() {
        double[] edges = {0, 1, 2, 4};
        double[] values = {-1, 0, 0.5, 1, 1.5, 2, 3.99, 4, 4.01, Double.NaN};
        // numpy.histogram(values, edges) -> [2, 2, 3]: half-open bins, the last one closed, the rest dropped.
        assertThat(Plots.binHeights(values, edges, false)).containsExactly(2, 2, 3);
        // density=True: counts / (in-range total * bin width).
        assertThat(Plots.binHeights(values, edges, true)).containsExactly(2 / 7.0, 2 / 7.0, 3 / 14.0);
        assertThatThrownBy(() -> Plots.histogram("h", "x", new double[] {0, 1, 1}, Map.of(), false))
                .hasMessageContaining("increase strictly");
    }

    @Test
    void thinsDenseSortedLinesKeepingEveryBucketsExtremes() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 1000.0);
        }
        y[12_345] = 50; // a one-sample spike
        y[67_890] = -50;
        Plots.Series thin = Envelope.of(new Plots.Series("s", x, y), 1000);
        assertThat(thin.x().length).isBetween(1000, 4000);
        assertThat(thin.x()).isSorted().startsWith(0.0).endsWith(n - 1.0).contains(12_345.0, 67_890.0);
        assertThat(Arrays.stream(thin.y()).max().orElseThrow()).isEqualTo(50);
        assertThat(Arrays.stream(thin.y()).min().orElseThrow()).isEqualTo(-50);
        for (int k = 0; k < thin.x().length; k++) {
            assertThat(thin.y()[k]).isEqualTo(y[(int) thin.x()[k]]);
        }
        Plots.Series unsorted = new Plots.Series("u", reversed(x), y);
        assertThat(Envelope.of(unsorted, 1000)).isSameAs(unsorted);
        y[5] = Double.NaN;
        Plots.Series gappy = new Plots.Series("g", x, y);
        assertThat(Envelope.of(gappy, 1000)).isSameAs(gappy);
    }

    @Test
    void labelsTicksWithoutFloatingPointNoise() {
        assertThat(Plots.tickLabel(0.30000000000000004)).isEqualTo("0.3");
        assertThat(Plots.tickLabel(0.05)).isEqualTo("0.05");
        assertThat(Plots.tickLabel(-65)).isEqualTo("-65");
        assertThat(Plots.tickLabel(1500)).isEqualTo("1500");
        assertThat(Plots.tickLabel(0)).isEqualTo("0");
        assertThat(Plots.tickLabel(2.5e-6)).isEqualTo("2.5E-6");
        assertThat(Plots.tickLabel(3e9)).isEqualTo("3E9");
        assertThat(Plots.tickLabel(-1.25e-12)).isEqualTo("-1.25E-12");
        assertThat(Plots.tickLabel(0.2756407035)).isEqualTo("0.2756");
        assertThat(Plots.tickLabel(7.868762741685457e-14)).isEqualTo("7.869E-14");
    }

    private static double[] reversed(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }

    private static long distinctColours(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct().count();
    }

    private static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The SVG names the W3C DTD; do not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(file.toFile());
    }
}
