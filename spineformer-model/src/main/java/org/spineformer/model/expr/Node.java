package org.spineformer.model.expr;

import java.util.List;
import java.util.Set;

/** The parsed tree of an {@link Expression}. */
sealed interface Node {
    double eval(Expression.Variables vars);

    void collect(Set<String> names);

    record Number(double value) implements Node {
        public double eval(Expression.Variables vars) {
            return value;
        }

        public void collect(Set<String> names) {
        }
    }

    record Variable(String name) implements Node {
        public double eval(Expression.Variables vars) {
            return vars.get(name);
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    record Negate(Node operand) implements Node {
        public double eval(Expression.Variables vars) {
            return -operand.eval(vars);
        }

        public void collect(Set<String> names) {
            operand.collect(names);
        }
    }

    record Binary(char op, Node left, Node right) implements Node {
        public double eval(Expression.Variables vars) {
            double a = left.eval(vars);
            // && and || evaluate their right side only when needed, as in C
            if (op == '&') {
                return a != 0 && right.eval(vars) != 0 ? 1 : 0;
            }
            if (op == '|') {
                return a != 0 || right.eval(vars) != 0 ? 1 : 0;
            }
            double b = right.eval(vars);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                case '^' -> Math.pow(a, b);
                case '<' -> a < b ? 1 : 0;
                case 'l' -> a <= b ? 1 : 0;
                case '>' -> a > b ? 1 : 0;
                case 'g' -> a >= b ? 1 : 0;
                case '=' -> a == b ? 1 : 0;
                case '!' -> a != b ? 1 : 0;
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    record Conditional(Node condition, Node then, Node otherwise) implements Node {
        public double eval(Expression.Variables vars) {
            return condition.eval(vars) != 0 ? then.eval(vars) : otherwise.eval(vars);
        }

        public void collect(Set<String> names) {
            condition.collect(names);
            then.collect(names);
            otherwise.collect(names);
        }
    }

    record Call(Functions function, List<Node> arguments) implements Node {
        public double eval(Expression.Variables vars) {
            double[] a = new double[arguments.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = arguments.get(i).eval(vars);
            }
            return function.apply(a);
        }

        public void collect(Set<String> names) {
            arguments.forEach(n -> n.collect(names));
        }
    }
}
