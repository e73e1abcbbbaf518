package org.spineformer.morphology;

import java.util.Arrays;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix exactly as NEURON's {@code Matrix.symmeig} computes them
 * (the Meschach library's {@code symmeig}: Householder reduction to tridiagonal form, {@code Hfactor} and
 * {@code makeHQ}, then the implicit QR iteration with Wilkinson shifts of {@code trieig}). The same operations in
 * the same order matter here: an eigenvector's sign decides which end of a soma contour becomes soma(0).
 */
final class SymmetricEigen {
    /** Meschach's MACHEPS: the double epsilon. */
    private static final double MACHEPS = Math.ulp(1.0);
    private static final double SQRT2 = 1.4142135623730949;

    private final double[] values;
    /** Eigenvectors as columns: q[row][column]. */
    private final double[][] q;

    private SymmetricEigen(double[] values, double[][] q) {
        this.values = values;
        this.q = q;
    }

    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] tmp = new double[n][];
        for (int i = 0; i < n; i++) {
            tmp[i] = a[i].clone();
        }
        double[] diag = new double[n];
        double[] beta = new double[n];
        hfactor(tmp, diag, beta);
        double[][] q = makeHQ(tmp, diag, beta);
        double[] out = new double[n];
        double[] b = new double[n - 1];
        int i;
        for (i = 0; i < n - 1; i++) {
            out[i] = tmp[i][i];
            b[i] = tmp[i][i + 1];
        }
        out[i] = tmp[i][i];
        trieig(out, b, q);
        return new SymmetricEigen(out, q);
    }

    double[] values() {
        return values.clone();
    }

    /** Eigenvector k (column k of Q). */
    double[] vector(int k) {
        double[] v = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = q[i][k];
        }
        return v;
    }

    /** Inner product from index i0, summed in order (Meschach's {@code __ip__} without unrolling). */
    private static double ip(double[] a, double[] b, int i0) {
        double sum = 0.0;
        for (int i = i0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code hhvec} in place: returns {beta, newval}. */
    private static double[] hhvec(double[] vec, int i0) {
        double norm = Math.sqrt(ip(vec, vec, i0));
        if (norm <= 0.0) {
            return new double[] {0.0, Double.NaN};
        }
        double beta = 1.0 / (norm * (norm + Math.abs(vec[i0])));
        double newval = vec[i0] > 0.0 ? -norm : norm;
        vec[i0] -= newval;
        return new double[] {beta, newval};
    }

    private static void hfactor(double[][] a, double[] diag, double[] beta) {
        int n = a.length;
        double[] tmp1 = new double[n];
        for (int k = 0; k < n - 1; k++) {
            for (int i = 0; i < n; i++) {
                tmp1[i] = a[i][k];
            }
            double[] bn = hhvec(tmp1, k + 1);
            beta[k] = bn[0];
            if (!Double.isNaN(bn[1])) { // a zero column leaves the entry as it is
                a[k + 1][k] = bn[1];
            }
            diag[k] = tmp1[k + 1];
            hhtrcols(a, k + 1, k + 1, tmp1, beta[k]);
            hhtrrows(a, 0, k + 1, tmp1, beta[k]);
        }
    }

    private static void hhtrcols(double[][] m, int i0, int j0, double[] hh, double beta) {
        if (beta == 0.0) {
            return;
        }
        int cols = m[0].length;
        double[] w = new double[cols];
        for (int i = i0; i < m.length; i++) {
            if (hh[i] != 0.0) {
                for (int j = j0; j < cols; j++) {
                    w[j] += hh[i] * m[i][j];
                }
            }
        }
        for (int i = i0; i < m.length; i++) {
            if (hh[i] != 0.0) {
                double s = -beta * hh[i];
                for (int j = j0; j < cols; j++) {
                    m[i][j] += s * w[j];
                }
            }
        }
    }

    private static void hhtrrows(double[][] m, int i0, int j0, double[] hh, double beta) {
        if (beta == 0.0) {
            return;
        }
        for (int i = i0; i < m.length; i++) {
            double ipv = ip(m[i], hh, j0);
            double scale = beta * ipv;
            if (scale == 0.0) {
                continue;
            }
            for (int j = j0; j < m[i].length; j++) {
                m[i][j] += -scale * hh[j];
            }
        }
    }

    private static double[][] makeHQ(double[][] h, double[] diag, double[] beta) {
        int n = h.length;
        int limit = n - 1;
        double[][] q = new double[n][n];
        double[] tmp1 = new double[n];
        double[] tmp2 = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(tmp1, 0.0);
            tmp1[i] = 1.0;
            for (int j = limit - 1; j >= 0; j--) {
                for (int r = 0; r < n; r++) {
                    tmp2[r] = h[r][j];
                }
                tmp2[j + 1] = diag[j];
                double scale = beta[j] * ip(tmp2, tmp1, j + 1);
                for (int r = j + 1; r < n; r++) {
                    tmp1[r] += -scale * tmp2[r];
                }
            }
            for (int r = 0; r < n; r++) {
                q[r][i] = tmp1[r];
            }
        }
        return q;
    }

    private static double[] givens(double x, double y) {
        double norm = Math.sqrt(x * x + y * y);
        return norm == 0.0 ? new double[] {1.0, 0.0} : new double[] {x / norm, y / norm};
    }

    /** {@code rot_cols(Q, i, k, c, s)}: postmultiply by the Givens rotation. */
    private static void rotCols(double[][] q, int i, int k, double c, double s) {
        for (int j = 0; j < q.length; j++) {
            double temp = c * q[j][i] + s * q[j][k];
            q[j][k] = -s * q[j][i] + c * q[j][k];
            q[j][i] = temp;
        }
    }

    private static int sgn(double x) {
        return x >= 0 ? 1 : -1;
    }

    private static void trieig(double[] a, double[] b, double[][] q) {
        int n = a.length;
        int iMin = 0;
        while (iMin < n) {
            int iMax = n - 1;
            for (int i = iMin; i < n - 1; i++) {
                if (b[i] == 0.0) {
                    iMax = i;
                    break;
                }
            }
            if (iMax <= iMin) {
                iMin = iMax + 1;
                continue;
            }
            boolean split = false;
            while (!split) {
                double d = (a[iMax - 1] - a[iMax]) / 2;
                double bSqr = b[iMax - 1] * b[iMax - 1];
                double mu = a[iMax] - bSqr / (d + sgn(d) * Math.sqrt(d * d + bSqr));
                double[] cs0 = givens(a[iMin] - mu, b[iMin]);
                double c = cs0[0];
                double s = -cs0[1];
                double c2;
                double s2;
                if (Math.abs(c) < SQRT2) {
                    c2 = c * c;
                    s2 = 1 - c2;
                } else {
                    s2 = s * s;
                    c2 = 1 - s2;
                }
                double cs = c * s;
                double ak1 = c2 * a[iMin] + s2 * a[iMin + 1] - 2 * cs * b[iMin];
                double bk1 = cs * (a[iMin] - a[iMin + 1]) + (c2 - s2) * b[iMin];
                double ak2 = s2 * a[iMin] + c2 * a[iMin + 1] + 2 * cs * b[iMin];
                double bk2 = iMin < iMax - 1 ? c * b[iMin + 1] : 0.0;
                double z = iMin < iMax - 1 ? -s * b[iMin + 1] : 0.0;
                a[iMin] = ak1;
                a[iMin + 1] = ak2;
                b[iMin] = bk1;
                if (iMin < iMax - 1) {
                    b[iMin + 1] = bk2;
                }
                rotCols(q, iMin, iMin + 1, c, -s);
                for (int i = iMin + 1; i < iMax; i++) {
                    double[] csi = givens(b[i - 1], z);
                    c = csi[0];
                    s = -csi[1];
                    if (Math.abs(c) < SQRT2) {
                        c2 = c * c;
                        s2 = 1 - c2;
                    } else {
                        s2 = s * s;
                        c2 = 1 - s2;
                    }
                    cs = c * s;
                    double bk = c * b[i - 1] - s * z;
                    ak1 = c2 * a[i] + s2 * a[i + 1] - 2 * cs * b[i];
                    bk1 = cs * (a[i] - a[i + 1]) + (c2 - s2) * b[i];
                    ak2 = s2 * a[i] + c2 * a[i + 1] + 2 * cs * b[i];
                    bk2 = i + 1 < iMax ? c * b[i + 1] : 0.0;
                    z = i + 1 < iMax ? -s * b[i + 1] : 0.0;
                    a[i] = ak1;
                    a[i + 1] = ak2;
                    b[i] = bk1;
                    if (i < iMax - 1) {
                        b[i + 1] = bk2;
                    }
                    if (i > iMin) {
                        b[i - 1] = bk;
                    }
                    rotCols(q, i, i + 1, c, -s);
                }
                for (int i = iMin; i < iMax; i++) {
                    if (Math.abs(b[i]) < MACHEPS * (Math.abs(a[i]) + Math.abs(a[i + 1]))) {
                        b[i] = 0.0;
                        split = true;
                    }
                }
            }
        }
    }
}
