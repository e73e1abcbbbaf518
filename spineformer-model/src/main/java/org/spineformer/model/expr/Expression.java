package org.spineformer.model.expr;

import java.util.Set;
import java.util.TreeSet;

/**
 * An arithmetic expression over named variables, parsed once and evaluated many times in doubles, each operation as
 * Java (and C, so NEURON's hoc) computes it: {@code a + b * c} is {@code a + (b * c)} with the same rounding.
 *
 * <p>Grammar, loosest binding first: {@code c ? a : b}; {@code ||}; {@code &&}; comparisons {@code < <= > >= == !=}
 * (1 or 0); {@code + -}; {@code * /}; unary {@code -} and {@code +}; {@code ^} (power, right-associative, binds
 * tighter than unary minus: {@code -2^2} is -4); numbers, variables (letters, digits, {@code _} and {@code .}, as in
 * {@code apical.nataBaseGbar}), parentheses and the functions of {@link Functions}. The constants {@code pi} and
 * {@code inf} are always defined.
 */
public final class Expression {
    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses {@code text}; a syntax error is an {@link IllegalArgumentException} naming {@code where} (e.g. the file
     * and JSON pointer), the column (1-based) and the text.
     */
    public static Expression parse(String text, String where) {
        return new Expression(text, new Parser(text, where).parseAll());
    }

    /** A constant. */
    public static Expression constant(double value) {
        return new Expression(Double.toString(value), new Node.Number(value));
    }

    /** The value with the given variables (pi and inf need not be given). */
    public double evaluate(Variables variables) {
        return root.eval(name -> switch (name) {
            case "pi" -> Math.PI;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> variables.get(name);
        });
    }

    /** The value of an expression without variables other than pi and inf. */
    public double evaluate() {
        return evaluate(name -> {
            throw new IllegalArgumentException("unknown variable '" + name + "'");
        });
    }

    /** The variables this expression reads (without pi and inf). */
    public Set<String> variables() {
        Set<String> names = new TreeSet<>();
        root.collect(names);
        names.remove("pi");
        names.remove("inf");
        return names;
    }

    /** True if this is a plain number. */
    public boolean isConstant() {
        return root instanceof Node.Number;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Values of variables by name; an unknown name is an {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Variables {
        double get(String name);
    }
}
