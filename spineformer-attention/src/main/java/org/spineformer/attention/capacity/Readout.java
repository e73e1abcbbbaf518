package org.spineformer.attention.capacity;

/**
 * What attention retrieved for one query under one rule: the output {@code o = sum_j w_j v_j} against the target's
 * value.
 *
 * @param correct whether the target's value is the output's nearest value: its dot product with o (values are unit
 *     vectors, so this is the cosine up to |o|) strictly above every other value's; false for a zero output
 * @param cosine the cosine similarity of o and the target's value, 0 for a zero output
 * @param attended the keys with non-zero weight
 * @param falseSelections the attended keys other than the target
 */
public record Readout(boolean correct, double cosine, int attended, int falseSelections) {

    /** The readout of {@code weights} over {@code values} for a query whose target is key {@code target}. */
    public static Readout of(double[] weights, double[][] values, int target) {
        double[] o = output(weights, values);
        int attended = 0;
        for (double w : weights) {
            if (w != 0) {
                attended++;
            }
        }
        int falseSelections = attended - (weights[target] != 0 ? 1 : 0);
        double norm = Math.sqrt(CapacityTask.dot(o, o));
        if (norm == 0) {
            return new Readout(false, 0, attended, falseSelections);
        }
        double targetDot = CapacityTask.dot(o, values[target]);
        boolean correct = true;
        for (int j = 0; j < values.length && correct; j++) {
            correct = j == target || CapacityTask.dot(o, values[j]) < targetDot;
        }
        return new Readout(correct, targetDot / norm, attended, falseSelections);
    }

    /** The cosine of the output with the target's value alone (what tuning maximises), 0 for a zero output. */
    static double cosine(double[] weights, double[][] values, int target) {
        double[] o = output(weights, values);
        double norm = Math.sqrt(CapacityTask.dot(o, o));
        return norm == 0 ? 0 : CapacityTask.dot(o, values[target]) / norm;
    }

    private static double[] output(double[] weights, double[][] values) {
        double[] o = new double[values[0].length];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] != 0) {
                for (int k = 0; k < o.length; k++) {
                    o[k] += weights[j] * values[j][k];
                }
            }
        }
        return o;
    }
}
