package org.spineformer.io.plot;

import java.util.Arrays;

/**
 * Thins a dense line for drawing without changing how it looks: the x range is cut into as many buckets as the
 * picture has pixel columns, and each bucket keeps its first, lowest, highest and last point, in their original
 * order (the "M4" scheme). A spike one sample wide still reaches its peak. XChart draws a line as one segment per
 * point, so a 3 s voltage trace at dt = 0.025 ms would otherwise be 120000 segments and a 25 MB SVG.
 */
final class Envelope {
    private Envelope() {
    }

    /**
     * The thinned series, or the series itself when it is already sparse, its x values are not sorted (a phase
     * plot, say, where buckets of x mean nothing) or it has NaN (gaps that thinning could close).
     */
    static Plots.Series of(Plots.Series s, int buckets) {
        double[] x = s.x();
        double[] y = s.y();
        int n = x.length;
        if (n <= 4 * buckets || Arrays.stream(y).anyMatch(Double::isNaN) || !sorted(x)) {
            return s;
        }
        double x0 = x[0];
        double span = x[n - 1] - x0;
        int[] keep = new int[4 * buckets];
        int kept = 0;
        int start = 0;
        while (start < n) {
            int bucket = bucket(x[start], x0, span, buckets);
            int end = start;
            int lowest = start;
            int highest = start;
            while (end + 1 < n && bucket(x[end + 1], x0, span, buckets) == bucket) {
                end++;
                lowest = y[end] < y[lowest] ? end : lowest;
                highest = y[end] > y[highest] ? end : highest;
            }
            // first, then the extremes in the order they occur, then last; duplicates dropped.
            for (int i : new int[] {start, Math.min(lowest, highest), Math.max(lowest, highest), end}) {
                if (kept == 0 || keep[kept - 1] != i) {
                    keep[kept++] = i;
                }
            }
            start = end + 1;
        }
        double[] tx = new double[kept];
        double[] ty = new double[kept];
        for (int k = 0; k < kept; k++) {
            tx[k] = x[keep[k]];
            ty[k] = y[keep[k]];
        }
        return new Plots.Series(s.name(), tx, ty);
    }

    private static int bucket(double x, double x0, double span, int buckets) {
        return span == 0 ? 0 : Math.min(buckets - 1, (int) ((x - x0) / span * buckets));
    }

    private static boolean sorted(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] >= x[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
