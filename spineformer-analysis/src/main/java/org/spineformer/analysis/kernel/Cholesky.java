package org.spineformer.analysis.kernel;

/** Solves symmetric positive definite systems, here the kernel fit's normal equations (about 121 x 121). */
final class Cholesky {
    private static final double PIVOT_TOLERANCE = 1e-12;

    private Cholesky() {
    }

    /**
     * Solves {@code a x = b} by the factorisation a = L L^T. Only the lower triangle of {@code a} is read; neither
     * argument is modified.
     *
     * @throws IllegalArgumentException naming the first pivot that is not positive (relative to its diagonal entry)
     *     when {@code a} is not positive definite
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    // A pivot that cancels to rounding noise means a (numerically) singular matrix.
                    if (!(sum > PIVOT_TOLERANCE * a[i][i])) {
                        throw new IllegalArgumentException("matrix is not positive definite: pivot " + i + " = "
                                + sum);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                x[i] -= l[i][k] * x[k];
            }
            x[i] /= l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                x[i] -= l[k][i] * x[k];
            }
            x[i] /= l[i][i];
        }
        return x;
    }
}
