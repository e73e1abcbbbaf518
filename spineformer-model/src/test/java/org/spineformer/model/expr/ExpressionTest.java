package org.spineformer.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static double eval(String text, Map<String, Double> vars) {
        return Expression.parse(text, "test").evaluate(vars::get);
    }

    private static double eval(String text) {
        return Expression.parse(text, "test").evaluate();
    }

    @Test
    void precedenceAndAssociativityAsInC() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
        assertThat(eval("8 / 4 / 2")).isEqualTo(1);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3);
        assertThat(eval("2 ^ 3 ^ 2")).isEqualTo(512); // right-associative
        assertThat(eval("-2 ^ 2")).isEqualTo(-4);
        assertThat(eval("2 ^ -1")).isEqualTo(0.5);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
        assertThat(eval("1.5e-3 * 2E2")).isEqualTo(0.3);
    }

    @Test
    void sameRoundingAsTheJavaExpressionWrittenTheSameWay() {
        double d = 123.456789;
        Map<String, Double> v = Map.of("distance", d);
        assertThat(eval("(1 + 3/100 * distance) * 1.9042409723832741e-05", v))
                .isEqualTo((1 + 3.0 / 100 * d) * 1.9042409723832741e-05);
        assertThat(eval("-65.726902768520958 - 5*distance/150", v)).isEqualTo(-65.726902768520958 - 5 * d / 150);
        assertThat(eval("(15/(1 + exp((300 - distance)/50))) * 0.012921529390557651", v))
                .isEqualTo((15 / (1 + Math.exp((300 - d) / 50))) * 0.012921529390557651);
    }

    @Test
    void comparisonsLogicAndConditional() {
        Map<String, Double> v = Map.of("d", 700.0);
        assertThat(eval("685 < d && d < 885 ? 1 : 0.01", v)).isEqualTo(1);
        assertThat(eval("d <= 685 || d >= 885", v)).isEqualTo(0);
        assertThat(eval("d == 700", v)).isEqualTo(1);
        assertThat(eval("d != 700 ? 1 : 2 > 1 ? 3 : 4", v)).isEqualTo(3);
    }

    @Test
    void functionsAndConstants() {
        assertThat(eval("sqrt(16) + abs(-1) + floor(2.7) + min(3, 4) + max(3, 4) + pow(2, 3)")).isEqualTo(22);
        assertThat(eval("log(exp(1)) + log10(1000)")).isEqualTo(4);
        assertThat(eval("softplus(0)")).isEqualTo(Math.log(2));
        assertThat(eval("softplus(800)")).isEqualTo(800); // no overflow of exp(800)
        assertThat(eval("pi")).isEqualTo(Math.PI);
        assertThat(eval("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void variablesWithDotsAreListed() {
        Expression e = Expression.parse("apical.imGbar * 2 + distance / pi", "test");
        assertThat(e.variables()).containsExactly("apical.imGbar", "distance");
        assertThat(e.isConstant()).isFalse();
    }

    @Test
    void syntaxErrorsNameTheWhereTheTextAndTheColumn() {
        assertThatThrownBy(() -> Expression.parse("1 + * 2", "f.json: /paint/0/parameters/g"))
                .hasMessageContaining("f.json: /paint/0/parameters/g").hasMessageContaining("\"1 + * 2\"")
                .hasMessageContaining("column 5");
        assertThatThrownBy(() -> Expression.parse("exp(1", "w")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Expression.parse("foo(1)", "w")).hasMessageContaining("unknown function 'foo'")
                .hasMessageContaining("column 1");
        assertThatThrownBy(() -> Expression.parse("pow(1)", "w")).hasMessageContaining("pow takes 2 argument(s), got 1");
        assertThatThrownBy(() -> Expression.parse("1 2", "w")).hasMessageContaining("column 3");
        assertThatThrownBy(() -> Expression.parse("", "w")).hasMessageContaining("ends where");
        assertThatThrownBy(() -> Expression.parse("1..2", "w")).hasMessageContaining("malformed number '1..2'");
    }
}
