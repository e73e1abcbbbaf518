package org.spineformer.attention.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spineformer.attention.AttentionInputs;
import org.spineformer.attention.QueryResult;

/**
 * Fits a {@link Transmission} to the cell's match-and-control trials. One observation per value spike of every key
 * the cell selected: transmitted (1) when an output spike of the cell follows it within Figure 5's pairing window,
 * 0 to 20 ms (otherwise it is one of the paper's failed spikes); its predictors are the key's score relative to the
 * threshold, {@code s / threshold - 1}, with s the score the reduced backend gives that key on the same inputs
 * (what the reduced backend will feed the fit), and the key's distance along its branch. The coefficients are a
 * {@link LogisticRegression}; the delay is the median time from a transmitted value spike to its output spike.
 */
public final class TransmissionFit {
    private final List<double[]> predictors = new ArrayList<>();
    private final List<Integer> outcomes = new ArrayList<>();
    private final List<Double> lagsMs = new ArrayList<>();

    /**
     * Adds one set of trials.
     *
     * @param inputs the trials' inputs
     * @param cell the cell's result per query (its selection and output)
     * @param reduced the reduced backend's result per query on the same inputs (its scores)
     * @param threshold the threshold both ran with (units of the paper's 1 s threshold)
     * @param keyDistancesUm every key's distance along its branch (um)
     */
    public TransmissionFit add(AttentionInputs inputs, List<QueryResult> cell, List<QueryResult> reduced,
                               double threshold, double[] keyDistancesUm) {
        if (cell.size() != reduced.size() || cell.size() != inputs.queries().length) {
            throw new IllegalArgumentException("need one cell and one reduced result per query: " + inputs.queries().length
                    + " queries, " + cell.size() + " and " + reduced.size() + " results");
        }
        for (int i = 0; i < cell.size(); i++) {
            double[] out = cell.get(i).output().clone();
            Arrays.sort(out);
            for (int j : cell.get(i).selected()) {
                double relative = reduced.get(i).scores()[j] / threshold - 1;
                for (double v : inputs.values()[j]) {
                    int k = Arrays.binarySearch(out, v);
                    int next = k >= 0 ? k : -k - 1;
                    boolean transmitted = next < out.length && out[next] - v <= OutputStage.PAIRING_WINDOW_MS;
                    predictors.add(new double[] {relative, keyDistancesUm[j]});
                    outcomes.add(transmitted ? 1 : 0);
                    if (transmitted) {
                        lagsMs.add(out[next] - v);
                    }
                }
            }
        }
        return this;
    }

    /** The value spikes seen so far. */
    public int samples() {
        return outcomes.size();
    }

    /** The value spikes seen so far that were transmitted. */
    public int transmitted() {
        return lagsMs.size();
    }

    /** The logistic fit of the observations so far. */
    public LogisticRegression regression() {
        return LogisticRegression.fit(predictors.toArray(double[][]::new),
                outcomes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The fitted transmission.
     *
     * @throws IllegalArgumentException if no value spike was transmitted, or the fit does not converge
     */
    public Transmission fit(String source) {
        if (lagsMs.isEmpty()) {
            throw new IllegalArgumentException("no selected key's value spike drove an output spike in "
                    + samples() + " value spikes: nothing to fit");
        }
        LogisticRegression r = regression();
        return new Transmission(r.coefficients(), r.standardErrors(), delayMs(), r.samples(), source);
    }

    /** The median time from a transmitted value spike to its output spike (ms); NaN before any. */
    public double delayMs() {
        double[] sorted = lagsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
