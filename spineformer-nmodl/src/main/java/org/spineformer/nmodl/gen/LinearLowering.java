package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A LINEAR block as nocmodl lowers it (simultan.cpp) for {@code SOLVE name}: each {@code ~ left = right} is one
 * row of a linear system in the block's states (its SOLVEFOR names, else the STATEs its equations use, in order of
 * first use; a STATE array's elements consecutive unknowns from its base), the other statements run in place, and
 * scopmath's simeq (Gaussian elimination with partial pivoting) writes the solution into the states. As nocmodl's
 * {@code _counte}, the rows are counted as the equations run, so that equations inside IF, WHILE and FROM take the
 * rows of their passes. A coefficient is the symbolic derivative of left - right with respect to the state (it
 * must not depend on any of the block's states), the right-hand side minus left - right with every state 0: the
 * same system as nocmodl's term by term one, to rounding. An array element's coefficient is added to its column
 * (its array's base plus its index's int: nocmodl's {@code _coef[_counte][base + index] +=}), so that two
 * elements written differently that are the same one at run time add up, as there.
 */
final class LinearLowering {
    private final JavaGenerator g;
    private final Item.Block block;
    /** Unknown -> its position; a STATE array's, its first element's (nocmodl's varnum). */
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private String where;

    LinearLowering(JavaGenerator g, Item.Block block, Set<String> states) {
        this.g = g;
        this.block = block;
        index.putAll(unknowns(g, block, states));
    }

    /**
     * The unknowns of a LINEAR or NONLINEAR block, numbered: its SOLVEFOR names, else the STATEs its equations use
     * (an array taking as many positions as it has elements); an error when no array is among them and their number
     * is not the number of the block's equations, counted in its text (nocmodl's compile-time check; with an array it
     * counts them only at run time, as here: {@link #emitCount}).
     */
    static Map<String, Integer> unknowns(JavaGenerator g, Item.Block block, Set<String> states) {
        List<String> names = new ArrayList<>();
        List<Stmt.Equation> equations = new ArrayList<>();
        collect(block.body(), equations);
        if (!block.solveFor().isEmpty()) {
            names.addAll(block.solveFor());
        } else {
            for (Stmt.Equation e : equations) {
                for (String x : states) {
                    if (!names.contains(x) && (Linear.dependsOn(e.left(), x) || Linear.dependsOn(e.right(), x))) {
                        names.add(x);
                    }
                }
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int size = 0;
        for (String x : names) {
            index.put(x, size);
            size += Math.max(1, g.arrays.getOrDefault(x, 0));
        }
        if (names.stream().noneMatch(g.arrays::containsKey) && equations.size() != index.size()) {
            g.error(block.pos(), block.keyword() + " " + block.name() + " has " + equations.size()
                    + " equations for " + index.size() + " states " + index.keySet());
        }
        return index;
    }

    /** The number of unknowns: every element of an array. */
    static int size(JavaGenerator g, Map<String, Integer> index) {
        return index.keySet().stream().mapToInt(x -> Math.max(1, g.arrays.getOrDefault(x, 0))).sum();
    }

    /** Each unknown element (a scalar, or {@code x[e]}) -> its position. */
    static Map<String, Integer> elements(JavaGenerator g, Map<String, Integer> index) {
        Map<String, Integer> out = new LinkedHashMap<>();
        index.forEach((x, base) -> {
            int dim = g.arrays.getOrDefault(x, 0);
            if (dim == 0) {
                out.put(x, base);
            }
            for (int e = 0; e < dim; e++) {
                out.put(x + "[" + e + "]", base + e);
            }
        });
        return out;
    }

    /** The Java of an element named as {@link #elements} names it. */
    static String element(JavaGenerator g, Item.Block block, String element) {
        int bracket = element.indexOf('[');
        if (bracket < 0) {
            return g.ref(new Expr.Var(block.pos(), element, null));
        }
        return g.ref(new Expr.Var(block.pos(), element.substring(0, bracket), new Expr.Num(block.pos(),
                element.substring(bracket + 1, element.length() - 1), "")));
    }

    private static void collect(List<Stmt> body, List<Stmt.Equation> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Equation e) {
                into.add(e);
            } else if (s instanceof Stmt.Block b) {
                collect(b.body(), into);
            } else if (s instanceof Stmt.If i) {
                collect(i.then(), into);
                collect(i.otherwise(), into);
            } else if (s instanceof Stmt.While w) {
                collect(w.body(), into);
            } else if (s instanceof Stmt.From f) {
                collect(f.body(), into);
            }
        }
    }

    /**
     * The row of the equation about to be written, counted as nocmodl's {@code ++_counte}; an error when there are
     * more equations than unknowns (nocmodl's C would write past its matrix).
     */
    static void emitNextRow(JavaGenerator g, Item.Block block, int n, String where) {
        g.open("if (++counte >= " + n + ")");
        g.line("throw new IllegalStateException(\"" + where + ": more equations than its " + n
                + " unknowns (instance \" + k + \")\");");
        g.close();
    }

    /**
     * After the block: an error when it ran fewer equations than it has unknowns (nocmodl's C prints "Number of
     * equations, N, does not equal number of states" and goes on with the rows not written: zero for LINEAR, the
     * last call's for NONLINEAR).
     */
    static void emitCount(JavaGenerator g, Item.Block block, int n, String where) {
        g.open("if (counte != " + (n - 1) + ")");
        g.line("throw new IllegalStateException(\"" + where + ": \" + (counte + 1) + \" equations for its " + n
                + " unknowns (instance \" + k + \"; NEURON: Number of equations does not equal number of"
                + " states)\");");
        g.close();
    }

    String name() {
        return block.name();
    }

    void emitFields() {
        int n = size(g, index);
        String b = block.name();
        g.line("private final double[][] m_" + b + " = new double[" + n + "][" + (n + 1) + "];");
        g.line("private final double[] x_" + b + " = new double[" + n + "];");
        g.line("private final int[] p_" + b + " = new int[" + n + "];");
    }

    void emitMethod(String where) {
        int n = size(g, index);
        String b = block.name();
        this.where = where;
        g.line("");
        g.line("/** LINEAR " + b + ": the system built in the block's order, solved by simeq into its states. */");
        g.open("private void lin_" + b + "(int k, CellState s)");
        g.line("double[][] m = m_" + b + ";");
        g.open("for (int r = 0; r < " + n + "; r++)");
        g.open("for (int c = 0; c <= " + n + "; c++)");
        g.line("m[r][c] = 0.0;");
        g.close();
        g.close();
        g.line("int counte = -1;");
        g.linear = this;
        g.body(block.body(), Set.of());
        g.linear = null;
        emitCount(g, block, n, where);
        g.open("if (!simeq(" + n + ", m, x_" + b + ", p_" + b + "))");
        g.line("throw new IllegalStateException(\"" + where + ": singular matrix (instance \" + k + \")\");");
        g.close();
        for (Map.Entry<String, Integer> e : elements(g, index).entrySet()) {
            g.line(element(g, block, e.getKey()) + " = x_" + b + "[" + e.getValue() + "];");
        }
        g.close();
    }

    /** One equation: its row's coefficients and right-hand side. */
    void equation(Stmt.Equation e) {
        // each distinct array element of the equation becomes an unknown of its own ($0, $1 ...: no NMODL name)
        Map<String, Expr.Var> elements = new LinkedHashMap<>();
        Expr difference = placeholders(new Expr.Binary(e.pos(), "-", e.left(), e.right()), elements);
        List<String> unknowns = new ArrayList<>();
        index.keySet().stream().filter(x -> !g.arrays.containsKey(x)).forEach(unknowns::add);
        unknowns.addAll(elements.keySet());
        Expr constant = difference;
        for (String x : unknowns) {
            constant = Linear.substitute(constant, x, new Expr.Num(e.pos(), "0", ""));
        }
        int n = size(g, index);
        emitNextRow(g, block, n, where);
        for (String x : unknowns) {
            try {
                Expr slope = Linear.derivative(difference, x);
                if (slope == null) {
                    continue;
                }
                for (String y : unknowns) {
                    if (Linear.dependsOn(slope, y)) {
                        throw new Linear.NotLinear();
                    }
                }
                Expr.Var v = elements.get(x);
                if (v == null) {
                    g.line("m[counte][" + index.get(x) + "] = " + g.num(slope) + ";");
                } else {
                    g.line("m[counte][" + index.get(v.name()) + " + " + g.expressions.integer(v.index()) + "] += "
                            + g.num(slope) + ";");
                }
            } catch (Linear.NotLinear notLinear) {
                g.error(e.pos(), "LINEAR " + block.name() + ": this equation is not linear in "
                        + (elements.containsKey(x) ? elements.get(x).name() + "[...]" : x));
            }
        }
        g.line("m[counte][" + n + "] = -" + g.num(constant) + ";");
    }

    /** e with each element of an unknown array replaced by a placeholder, one per distinct element text. */
    private Expr placeholders(Expr e, Map<String, Expr.Var> elements) {
        if (e instanceof Expr.Var v && v.index() != null && index.containsKey(v.name())
                && g.arrays.containsKey(v.name())) {
            String key = v.name() + "[" + g.expressions.integer(v.index()) + "]";
            String name = elements.entrySet().stream().filter(x -> (x.getValue().name() + "["
                    + g.expressions.integer(x.getValue().index()) + "]").equals(key)).map(Map.Entry::getKey)
                    .findFirst().orElse("$" + elements.size());
            elements.putIfAbsent(name, v);
            return new Expr.Var(v.pos(), name, null);
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.pos(), c.name(), c.args().stream().map(a -> placeholders(a, elements)).toList());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.pos(), u.op(), placeholders(u.operand(), elements));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.pos(), b.op(), placeholders(b.left(), elements), placeholders(b.right(),
                    elements));
        }
        return e;
    }
}
