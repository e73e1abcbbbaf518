package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/** How many segments a section gets. */
public sealed interface Nseg {
    /** A fixed count (an expression that must give an integer >= 1). */
    record Fixed(Expression count) implements Nseg {
    }

    /** 1 + 2*int(L/(2*dL)): odd, about one segment per dL um (dL 20 is the common 1 + 2*int(L/40)). */
    record PerLength(Expression segmentLengthUm) implements Nseg {
    }

    /**
     * NEURON's d_lambda rule: nseg = int((L/(dLambda*lambda_f)+0.9)/2)*2+1, lambda_f = 1e5*sqrt(diam/(4*pi*f*Ra*cm))
     * um, with the diameter and cm of the section's middle segment (sections without 3-D points).
     *
     * @param raOhmCm     the Ra lambda_f reads, or null for the section's painted one (a model that sets nseg
     *                    before its membrane reads NEURON's defaults then)
     * @param cmUfPerCm2  the cm lambda_f reads, or null for the section's painted one
     */
    record DLambda(Expression frequencyHz, Expression dLambda, Expression raOhmCm, Expression cmUfPerCm2)
            implements Nseg {
    }

    /**
     * An expression of the section's length {@code L} (um) that must give an integer >= 1: a model's own rule, as
     * Mainen and Sejnowski 1996's {@code nseg = L/50 + 1} (hoc truncates: {@code floor(L/50 + 1)}).
     */
    record Formula(Expression count) implements Nseg {
    }

    /** The section's nseg so far times a whole factor (a model's {@code nseg *= 3} after another rule). */
    record Multiply(Expression factor) implements Nseg {
    }
}
