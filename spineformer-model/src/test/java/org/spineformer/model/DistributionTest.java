package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.model.expr.Expression;

/** Each distribution's formula at hand-picked distances. */
class DistributionTest {
    private static final Expression.Variables NONE = name -> {
        throw new IllegalArgumentException(name);
    };

    private static Expression c(double v) {
        return Expression.constant(v);
    }

    @Test
    void linearExponentialSigmoidStep() {
        assertThat(new Distribution.Linear(c(1), c(0.5)).at(4, NONE)).isEqualTo(3);
        assertThat(new Distribution.Exponential(c(1), c(2), c(100)).at(100, NONE)).isEqualTo(1 + 2 * Math.E);
        // at the midpoint a sigmoid is half way: offset + amplitude/2
        assertThat(new Distribution.Sigmoid(c(1), c(4), c(300), c(50)).at(300, NONE)).isEqualTo(3);
        assertThat(new Distribution.Sigmoid(c(0), c(1), c(300), c(50)).at(350, NONE)).isEqualTo(1 / (1 + Math.exp(-1)));
        Distribution step = new Distribution.Step(c(685), c(885), c(2), c(0.5));
        assertThat(step.at(685, NONE)).isEqualTo(0.5); // strict at both ends, as Hay's rule
        assertThat(step.at(685.0001, NONE)).isEqualTo(2);
        assertThat(step.at(885, NONE)).isEqualTo(0.5);
    }

    @Test
    void formulasReadDistanceAndTheGivenVariables() {
        Distribution f = Distribution.formula("g * distance / max_distance");
        assertThat(f.at(50, name -> name.equals("g") ? 2 : 200)).isEqualTo(0.5);
        assertThat(new Distribution.Constant(c(7)).at(Double.NaN, NONE)).isEqualTo(7);
    }
}
