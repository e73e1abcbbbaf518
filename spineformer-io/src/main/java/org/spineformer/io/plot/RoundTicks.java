package org.spineformer.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Draws an XY chart's grid lines and tick labels at {@link Ticks}' round values, in place of XChart's own: XChart
 * puts ticks on the data points when they are equally spaced (0.1711, 0.3421, ... on a density's grid of x) and
 * can leave a narrow range with one tick. A logarithmic axis gets its powers of ten ({@link Ticks#logarithmic}).
 * The chart keeps laying out its own labels, drawn invisibly, so the plot keeps room for ours.
 */
final class RoundTicks extends Annotation {
    /** At most one x tick per this many pixels of plot width, and one y tick per this many of height. */
    private static final int X_TICK_SPACING_PX = 70;
    private static final int Y_TICK_SPACING_PX = 45;
    /** With the 1-2-5 steps, at most 5 ticks (or more) always leaves at least two on a non-empty range. */
    private static final int MIN_MAX_TICKS = 5;

    private final Color ink;
    private final Color grid;
    private final BasicStroke gridStroke;

    RoundTicks(Color ink, Color grid, BasicStroke gridStroke) {
        super(true);
        this.ink = ink;
        this.grid = grid;
        this.gridStroke = gridStroke;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        XYChart xy = (XYChart) chart;
        double left = getXAxisScreenValueForMin();
        double right = getXAxisScreenValueForMax();
        // Screen y grows downwards: the plot's top edge is the smaller screen value.
        double top = Math.min(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        double bottom = Math.max(getYAxisScreenValueForMin(), getYAxisScreenValueForMax());
        double xLo = xy.getChartXFromCoordinate((int) left);
        double xHi = xy.getChartXFromCoordinate((int) right);
        double yLo = xy.getChartYFromCoordinate((int) bottom);
        double yHi = xy.getChartYFromCoordinate((int) top);
        // The range comes back from whole pixels: allow one pixel's worth beyond either end.
        AxesChartStyler axes = (AxesChartStyler) styler;
        double[] xTicks = axes.isXAxisLogarithmic()
                ? Ticks.logarithmic(xLo, xHi, Math.pow(xHi / xLo, 1 / Math.max(1, right - left)))
                : Ticks.of(xLo, xHi, Math.max(MIN_MAX_TICKS, (int) ((right - left) / X_TICK_SPACING_PX)),
                        (xHi - xLo) / Math.max(1, right - left));
        double[] yTicks = axes.isYAxisLogarithmic()
                ? Ticks.logarithmic(yLo, yHi, Math.pow(yHi / yLo, 1 / Math.max(1, bottom - top)))
                : Ticks.of(yLo, yHi, Math.max(MIN_MAX_TICKS, (int) ((bottom - top) / Y_TICK_SPACING_PX)),
                        (yHi - yLo) / Math.max(1, bottom - top));

        g.setFont(axes.getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        int pad = axes.getAxisTickPadding();
        for (double x : xTicks) {
            double sx = clamp(xy.getScreenXFromChart(x), left, right);
            g.setColor(grid);
            g.setStroke(gridStroke);
            g.draw(new Line2D.Double(sx, top, sx, bottom));
            String label = Plots.tickLabel(x);
            g.setColor(ink);
            g.drawString(label, (float) (sx - fm.stringWidth(label) / 2.0), (float) (bottom + pad + fm.getAscent()));
        }
        for (double y : yTicks) {
            double sy = clamp(xy.getScreenYFromChart(y), top, bottom);
            g.setColor(grid);
            g.setStroke(gridStroke);
            g.draw(new Line2D.Double(left, sy, right, sy));
            String label = Plots.tickLabel(y);
            g.setColor(ink);
            g.drawString(label, (float) (left - pad - fm.stringWidth(label)),
                    (float) (sy + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
