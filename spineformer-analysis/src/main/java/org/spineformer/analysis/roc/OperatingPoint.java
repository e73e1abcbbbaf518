package org.spineformer.analysis.roc;

/**
 * One point of a ROC curve: values {@code >= threshold} are called positive.
 *
 * @param threshold the decision threshold ({@code +Infinity} for the curve's origin)
 * @param falsePositiveRate fraction of negatives {@code >= threshold}
 * @param truePositiveRate fraction of positives {@code >= threshold}
 */
public record OperatingPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
