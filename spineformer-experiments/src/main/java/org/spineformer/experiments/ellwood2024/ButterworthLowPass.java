package org.spineformer.experiments.ellwood2024;

/**
 * A digital Butterworth low-pass applied forward and backward, as Figure_3A_PlotOffsetData.py smooths each spine's
 * offset curve: {@code scipy.signal.butter(order, cutoff, 'low', fs=fs)} followed by {@code filtfilt} (the script
 * uses the second-order-sections form, {@code sosfiltfilt}, which gives the same result to rounding for this order).
 *
 * <p>Design as scipy's: analog prototype poles {@code -exp(i pi m / 2N)}, m = -N+1, -N+3, ..., N-1, pre-warped to
 * {@code 4 tan(pi Wn / 2)} (Wn the cutoff over the Nyquist frequency), and the bilinear transform at fs = 2, which
 * puts all N zeros at -1. Filtering as {@code filtfilt}: odd extension by 3 max(len(a), len(b)) samples at each end,
 * initial conditions {@code lfilter_zi} scaled by the first sample, forward pass, backward pass, extension removed.
 *
 * @param b the numerator coefficients
 * @param a the denominator coefficients, a[0] = 1
 */
record ButterworthLowPass(double[] b, double[] a) {
    /** Designs the filter of order {@code order}, cutoff {@code cutoff}, sampling rate {@code fs} (one unit). */
    static ButterworthLowPass design(int order, double cutoff, double fs) {
        double wn = 2 * cutoff / fs;
        if (order < 1 || !(wn > 0 && wn < 1)) {
            throw new IllegalArgumentException("order = " + order + " must be >= 1 and cutoff = " + cutoff
                    + " in (0, fs / 2 = " + fs / 2 + ")");
        }
        double warped = 4 * Math.tan(Math.PI * wn / 2);
        // Digital poles (4 + p) / (4 - p) of the analog poles p = warped * prototype, built into a polynomial.
        double[] polyRe = {1};
        double[] polyIm = {0};
        double gainRe = 1;
        double gainIm = 0;
        for (int m = -order + 1; m < order; m += 2) {
            double angle = Math.PI * m / (2.0 * order);
            double pRe = -warped * Math.cos(angle);
            double pIm = -warped * Math.sin(angle);
            // (4 + p) / (4 - p)
            double nRe = 4 + pRe;
            double nIm = pIm;
            double dRe = 4 - pRe;
            double dIm = -pIm;
            double dd = dRe * dRe + dIm * dIm;
            double zRe = (nRe * dRe + nIm * dIm) / dd;
            double zIm = (nIm * dRe - nRe * dIm) / dd;
            double[][] next = multiplyByRoot(polyRe, polyIm, zRe, zIm);
            polyRe = next[0];
            polyIm = next[1];
            // gain *= 1 / (4 - p)
            double gRe = (gainRe * dRe + gainIm * dIm) / dd;
            double gIm = (gainIm * dRe - gainRe * dIm) / dd;
            gainRe = gRe;
            gainIm = gIm;
        }
        double k = Math.pow(warped, order) * gainRe;
        double[] b = new double[order + 1];
        for (int i = 0; i <= order; i++) {
            b[i] = k * binomial(order, i);
        }
        return new ButterworthLowPass(b, polyRe);
    }

    /** {@code filtfilt(b, a, x)}; x needs more than 3 (order + 1) samples. */
    double[] filtfilt(double[] x) {
        int pad = 3 * Math.max(a.length, b.length);
        if (x.length <= pad) {
            throw new IllegalArgumentException("x has " + x.length + " samples; filtfilt needs more than " + pad);
        }
        int n = x.length;
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);
        double[] zi = steadyState();
        double[] forward = filter(ext, zi, ext[0]);
        double[] reversed = new double[forward.length];
        for (int i = 0; i < forward.length; i++) {
            reversed[i] = forward[forward.length - 1 - i];
        }
        double[] backward = filter(reversed, zi, reversed[0]);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = backward[backward.length - 1 - pad - i];
        }
        return out;
    }

    /** {@code lfilter(b, a, x, zi=zi*scale)}, transposed direct form II. */
    private double[] filter(double[] x, double[] zi, double scale) {
        int order = a.length - 1;
        double[] z = new double[order];
        for (int i = 0; i < order; i++) {
            z[i] = zi[i] * scale;
        }
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double out = b[0] * x[t] + z[0];
            for (int i = 0; i < order - 1; i++) {
                z[i] = b[i + 1] * x[t] + z[i + 1] - a[i + 1] * out;
            }
            z[order - 1] = b[order] * x[t] - a[order] * out;
            y[t] = out;
        }
        return y;
    }

    /** {@code lfilter_zi}: the state after a unit step has settled, from (I - companion(a)^T) zi = b[1:] - a[1:] b0. */
    private double[] steadyState() {
        int n = a.length - 1;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            // companion(a)^T: column 0 holds -a[1:], the superdiagonal ones.
            m[i][i] += 1;
            m[i][0] += a[i + 1];
            if (i + 1 < n) {
                m[i][i + 1] -= 1;
            }
            m[i][n] = b[i + 1] - a[i + 1] * b[0];
        }
        // Gaussian elimination with partial pivoting on this small system.
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] zi = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * zi[k];
            }
            zi[r] = s / m[r][r];
        }
        return zi;
    }

    /** (poly) * (x - root), coefficients highest power first; the imaginary parts cancel for conjugate pairs. */
    private static double[][] multiplyByRoot(double[] re, double[] im, double rootRe, double rootIm) {
        double[] outRe = new double[re.length + 1];
        double[] outIm = new double[im.length + 1];
        for (int i = 0; i < re.length; i++) {
            outRe[i] += re[i];
            outIm[i] += im[i];
            outRe[i + 1] -= re[i] * rootRe - im[i] * rootIm;
            outIm[i + 1] -= re[i] * rootIm + im[i] * rootRe;
        }
        return new double[][] {outRe, outIm};
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
