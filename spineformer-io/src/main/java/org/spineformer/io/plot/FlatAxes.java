package org.spineformer.io.plot;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * An XY chart's flat axes given a range while it is painted, then its own limits back. XChart draws the data of an
 * axis whose values are all equal (an all-zero fraction) at the middle of the plot, but maps that value, for
 * {@link RoundTicks}' grid line and label, to half the plot's height (width) from the chart's top (left) edge rather
 * than from the plot's: Hay's fig5 had its all-zero line drawn below its 0 tick. With a range, data and ticks share
 * one mapping. The range is matplotlib's for a single value (transforms.nonsingular), as in the readers' own plots.
 */
final class FlatAxes implements AutoCloseable {
    /** Half the range given to a flat axis, relative to its value; around 0, absolute. */
    private static final double EXPANDER = 0.05;

    private final AxesChartStyler styler;
    private final Double xMin;
    private final Double xMax;
    private final Double yMin;
    private final Double yMax;

    private FlatAxes(AxesChartStyler styler) {
        this.styler = styler;
        xMin = styler == null ? null : styler.getXAxisMin();
        xMax = styler == null ? null : styler.getXAxisMax();
        yMin = styler == null ? null : styler.getYAxisMin();
        yMax = styler == null ? null : styler.getYAxisMax();
    }

    /** Gives the chart's flat axes their range, until {@link #close}; other charts are left as they are. */
    static FlatAxes open(Chart<?, ?> chart) {
        if (!(chart instanceof XYChart xy)) {
            return new FlatAxes(null);
        }
        FlatAxes saved = new FlatAxes(xy.getStyler());
        List<XYSeries> shown = xy.getSeriesMap().values().stream().filter(XYSeries::isEnabled).toList();
        double[] x = range(saved.xMin, saved.xMax, lowest(shown, XYSeries::getXMin), highest(shown, XYSeries::getXMax));
        if (x != null) {
            saved.styler.setXAxisMin(x[0]);
            saved.styler.setXAxisMax(x[1]);
        }
        double[] y = range(saved.yMin, saved.yMax, lowest(shown, XYSeries::getYMin), highest(shown, XYSeries::getYMax));
        if (y != null) {
            saved.styler.setYAxisMin(y[0]);
            saved.styler.setYAxisMax(y[1]);
        }
        return saved;
    }

    /**
     * The range of a flat axis, each end the one set on the chart or else the value moved out by the expander; null
     * when the axis is not flat (its limits, the set ones or the data's, differ) or both its limits were set.
     */
    static double[] range(Double min, Double max, double dataMin, double dataMax) {
        double lo = min != null ? min : dataMin;
        double hi = max != null ? max : dataMax;
        if (lo != hi || !Double.isFinite(lo) || (min != null && max != null)) {
            return null;
        }
        double half = lo == 0 ? EXPANDER : EXPANDER * Math.abs(lo);
        return new double[] {min != null ? min : lo - half, max != null ? max : lo + half};
    }

    private static double lowest(List<XYSeries> series, ToDoubleFunction<XYSeries> min) {
        return series.stream().mapToDouble(min).min().orElse(Double.NaN);
    }

    private static double highest(List<XYSeries> series, ToDoubleFunction<XYSeries> max) {
        return series.stream().mapToDouble(max).max().orElse(Double.NaN);
    }

    /** The chart's own limits back (null where it had none). */
    @Override
    public void close() {
        if (styler != null) {
            styler.setXAxisMin(xMin);
            styler.setXAxisMax(xMax);
            styler.setYAxisMin(yMin);
            styler.setYAxisMax(yMax);
        }
    }
}
