package org.spineformer.attention.reduced;

import java.util.Arrays;

/**
 * Maximum-likelihood logistic regression, {@code P(y = 1 | x) = 1 / (1 + exp(-(b0 + b1 x1 + ... + bk xk)))}, by
 * Newton's method (iteratively reweighted least squares), with the coefficients' standard errors from the inverse
 * of the Fisher information at the optimum (the usual asymptotic ones, as statsmodels' Logit reports them).
 *
 * @param coefficients b0 (the intercept), then one per predictor
 * @param standardErrors their standard errors, in the same order
 * @param samples the number of observations fitted
 * @param logLikelihood the log-likelihood at the optimum
 */
public record LogisticRegression(double[] coefficients, double[] standardErrors, int samples, double logLikelihood) {
    /** Newton's steps stop when no coefficient moves by more than this (their units): far below any SE. */
    static final double CONVERGED = 1e-10;
    static final int MAX_STEPS = 100;

    /**
     * Fits {@code outcomes} (0 or 1) against {@code predictors} (one row per observation, the same number of
     * predictors in each; the intercept is added here).
     *
     * @throws IllegalArgumentException on mismatched or empty input, an outcome other than 0/1, a non-finite
     *     predictor, or data that do not determine the coefficients (separable, or collinear predictors)
     */
    public static LogisticRegression fit(double[][] predictors, int[] outcomes) {
        int n = outcomes.length;
        if (n == 0 || predictors.length != n) {
            throw new IllegalArgumentException("need one predictor row per outcome and at least one; got "
                    + predictors.length + " rows and " + n + " outcomes");
        }
        int k = predictors[0].length + 1;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            if (predictors[i].length != k - 1) {
                throw new IllegalArgumentException("predictor row " + i + " has " + predictors[i].length
                        + " values; row 0 has " + (k - 1));
            }
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw new IllegalArgumentException("outcome " + i + " = " + outcomes[i] + " must be 0 or 1");
            }
            x[i] = new double[k];
            x[i][0] = 1;
            for (int j = 1; j < k; j++) {
                x[i][j] = predictors[i][j - 1];
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("predictor " + (j - 1) + " of row " + i + " = " + x[i][j]);
                }
            }
        }
        double[] b = new double[k];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[k];
            double[][] information = information(x, b, outcomes, gradient);
            double[] delta = solve(information, gradient);
            double largest = 0;
            for (int j = 0; j < k; j++) {
                b[j] += delta[j];
                largest = Math.max(largest, Math.abs(delta[j]));
            }
            if (!Double.isFinite(largest)) {
                break;
            }
            if (largest < CONVERGED) {
                double[][] cov = inverse(information(x, b, outcomes, new double[k]));
                double[] se = new double[k];
                for (int j = 0; j < k; j++) {
                    se[j] = Math.sqrt(cov[j][j]);
                }
                return new LogisticRegression(b, se, n, logLikelihood(x, b, outcomes));
            }
        }
        throw new IllegalArgumentException("the logistic fit of " + n + " outcomes did not converge: the outcomes "
                + "are separable by the predictors, or the predictors are collinear");
    }

    /** P(y = 1) at {@code predictors} (without the intercept's 1). */
    public double probability(double... predictors) {
        return sigmoid(linear(coefficients, predictors));
    }

    private static double linear(double[] b, double[] predictors) {
        double z = b[0];
        for (int j = 1; j < b.length; j++) {
            z += b[j] * predictors[j - 1];
        }
        return z;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** X' W X at b, and X' (y - p) into {@code gradient}. */
    private static double[][] information(double[][] x, double[] b, int[] y, double[] gradient) {
        int k = b.length;
        double[][] info = new double[k][k];
        for (int i = 0; i < x.length; i++) {
            double z = 0;
            for (int j = 0; j < k; j++) {
                z += b[j] * x[i][j];
            }
            double p = sigmoid(z);
            double w = p * (1 - p);
            for (int j = 0; j < k; j++) {
                gradient[j] += (y[i] - p) * x[i][j];
                for (int m = 0; m < k; m++) {
                    info[j][m] += w * x[i][j] * x[i][m];
                }
            }
        }
        return info;
    }

    private static double logLikelihood(double[][] x, double[] b, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = 0;
            for (int j = 0; j < b.length; j++) {
                z += b[j] * x[i][j];
            }
            // log p = -log(1 + e^-z), log(1 - p) = -log(1 + e^z), computed without overflow.
            sum -= y[i] == 1 ? softplus(-z) : softplus(z);
        }
        return sum;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** A x = v by Gaussian elimination with partial pivoting (A is small: one row per coefficient). */
    private static double[] solve(double[][] a, double[] v) {
        int k = v.length;
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            m[i] = Arrays.copyOf(a[i], k + 1);
            m[i][k] = v[i];
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int col = c; col <= k; col++) {
                        m[r][col] -= f * m[c][col];
                    }
                }
            }
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = m[i][k] / m[i][i];
        }
        return out;
    }

    private static double[][] inverse(double[][] a) {
        int k = a.length;
        double[][] inv = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] e = new double[k];
            e[j] = 1;
            double[] col = solve(a, e);
            for (int i = 0; i < k; i++) {
                inv[i][j] = col[i];
            }
        }
        return inv;
    }
}
