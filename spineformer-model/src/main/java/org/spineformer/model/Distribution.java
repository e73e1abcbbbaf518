package org.spineformer.model;

import org.spineformer.model.expr.Expression;

/**
 * A value as a function of path distance {@code d} (um) from a paint rule's origin. Coefficients are expressions
 * over the description's parameters; {@link Formula} may also read {@code distance} and {@code max_distance} (the
 * largest distance of a 1-end of the rule's region's sections, for models that scale by the longest branch).
 */
public sealed interface Distribution {
    /** The value at distance {@code d}; {@code vars} gives the description's parameters and max_distance. */
    double at(double d, Expression.Variables vars);

    /** A constant. */
    record Constant(Expression value) implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return value.evaluate(vars);
        }
    }

    /** atOrigin + perUm * d. */
    record Linear(Expression atOrigin, Expression perUm) implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return atOrigin.evaluate(vars) + perUm.evaluate(vars) * d;
        }
    }

    /** offset + amplitude * exp(d / lengthUm). */
    record Exponential(Expression offset, Expression amplitude, Expression lengthUm) implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return offset.evaluate(vars) + amplitude.evaluate(vars) * Math.exp(d / lengthUm.evaluate(vars));
        }
    }

    /** offset + amplitude / (1 + exp((midpointUm - d) / widthUm)). */
    record Sigmoid(Expression offset, Expression amplitude, Expression midpointUm, Expression widthUm)
            implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return offset.evaluate(vars) + amplitude.evaluate(vars)
                    / (1 + Math.exp((midpointUm.evaluate(vars) - d) / widthUm.evaluate(vars)));
        }
    }

    /** inside where fromUm &lt; d &lt; toUm (strictly), outside elsewhere. */
    record Step(Expression fromUm, Expression toUm, Expression inside, Expression outside) implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return fromUm.evaluate(vars) < d && d < toUm.evaluate(vars) ? inside.evaluate(vars) : outside.evaluate(vars);
        }
    }

    /** Any expression in {@code distance}, {@code max_distance} and the parameters. */
    record Formula(Expression expression) implements Distribution {
        public double at(double d, Expression.Variables vars) {
            return expression.evaluate(name -> name.equals("distance") ? d : vars.get(name));
        }
    }

    /**
     * A pair y1, y2 painted over part of a section ({@link PaintRule.XRange}): {@link #at} takes theta, the fraction of
     * the way from x1 to x2, in place of a distance, and gives y1*(1 - theta) + y2*theta, NEURON's {@code
     * range_interpolate} rounding (y1 = y2 can differ from y1 in the last bit).
     */
    record Between(Expression y1, Expression y2) implements Distribution {
        public double at(double theta, Expression.Variables vars) {
            return y1.evaluate(vars) * (1. - theta) + y2.evaluate(vars) * theta;
        }
    }

    static Distribution constant(double value) {
        return new Constant(Expression.constant(value));
    }

    static Distribution formula(String text) {
        return new Formula(Expression.parse(text, "formula"));
    }
}
