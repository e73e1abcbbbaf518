package org.spineformer.io.plot;

import java.math.BigDecimal;

/**
 * Round axis ticks: the multiples of a step of 1, 2 or 5 times a power of ten that lie in an axis range, with the
 * smallest such step that gives at most the wanted number of ticks (so at least two ticks whenever that number is
 * 5 or more and the range is not empty).
 */
final class Ticks {
    private static final double[] MANTISSAS = {1, 2, 5};

    private Ticks() {
    }

    /** The step between ticks for the range [lo, hi] and at most {@code maxTicks} ticks; 0 for an empty range. */
    static double step(double lo, double hi, int maxTicks) {
        if (maxTicks < 2) {
            throw new IllegalArgumentException("maxTicks = " + maxTicks + " must be >= 2");
        }
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return 0;
        }
        // Start one decade below the step that would give maxTicks intervals, and go up until the count fits.
        int exponent = (int) Math.floor(Math.log10(span / maxTicks)) - 1;
        while (true) {
            for (double m : MANTISSAS) {
                double step = m * Math.pow(10, exponent);
                if (count(lo, hi, step) <= maxTicks) {
                    return step;
                }
            }
            exponent++;
        }
    }

    /**
     * The ticks in [lo, hi] (up to {@code slack} beyond either end, for a range read back from pixels), each the
     * exact decimal multiple of the step (0.3, not 0.30000000000000004); the single value when lo == hi.
     */
    static double[] of(double lo, double hi, int maxTicks, double slack) {
        double step = step(lo, hi, maxTicks);
        if (step == 0) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        long first = (long) Math.ceil((lo - slack) / step);
        long last = (long) Math.floor((hi + slack) / step);
        double[] ticks = new double[(int) Math.max(0, last - first + 1)];
        BigDecimal exact = new BigDecimal(Double.toString(step));
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = exact.multiply(BigDecimal.valueOf(first + i)).doubleValue();
        }
        return ticks;
    }

    /**
     * Ticks for a logarithmic axis over [lo, hi] (lo > 0): the powers of ten in it, and 2 and 5 times them as well
     * when fewer than two powers fall inside; {@code slack} (>= 1) widens the range by that factor at either end,
     * for a range read back from pixels. Each tick is the exact decimal value (1000, not 999.9999999999999).
     */
    static double[] logarithmic(double lo, double hi, double slack) {
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            return new double[0];
        }
        double from = lo / slack, to = hi * slack;
        int first = (int) Math.floor(Math.log10(from)), last = (int) Math.ceil(Math.log10(to));
        java.util.List<Double> powers = new java.util.ArrayList<>(), all = new java.util.ArrayList<>();
        for (int e = first; e <= last; e++) {
            for (double m : MANTISSAS) {
                double tick = new BigDecimal(Double.toString(m)).scaleByPowerOfTen(e).doubleValue();
                if (tick >= from && tick <= to) {
                    all.add(tick);
                    if (m == 1) {
                        powers.add(tick);
                    }
                }
            }
        }
        return (powers.size() >= 2 ? powers : all).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long count(double lo, double hi, double step) {
        return (long) Math.floor(hi / step) - (long) Math.ceil(lo / step) + 1;
    }
}
