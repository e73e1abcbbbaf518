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
 * first use), the other statements run in place, and scopmath's simeq (Gaussian elimination with partial
 * pivoting) writes the solution into the states. A coefficient is the symbolic derivative of left - right with
 * respect to the state (it must not depend on any of the block's states), the right-hand side minus left - right
 * with every state 0: the same system as nocmodl's term by term one, to rounding.
 */
final class LinearLowering {
    private final JavaGenerator g;
    private final Item.Block block;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private int row;

    LinearLowering(JavaGenerator g, Item.Block block, Set<String> states) {
        this.g = g;
        this.block = block;
        index.putAll(unknowns(g, block, states));
    }

    /**
     * The unknowns of a LINEAR or NONLINEAR block, numbered: its SOLVEFOR names, else the STATEs its equations use;
     * an error when their number is not the number of equations.
     */
    static Map<String, Integer> unknowns(JavaGenerator g, Item.Block block, Set<String> states) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Stmt.Equation> equations = new ArrayList<>();
        collect(g, block, block.body(), equations);
        if (!block.solveFor().isEmpty()) {
            block.solveFor().forEach(x -> index.put(x, index.size()));
        } else {
            for (Stmt.Equation e : equations) {
                for (String x : states) {
                    if (!index.containsKey(x) && (Linear.dependsOn(e.left(), x) || Linear.dependsOn(e.right(), x))) {
                        index.put(x, index.size());
                    }
                }
            }
        }
        if (equations.size() != index.size()) {
            g.error(block.pos(), block.keyword() + " " + block.name() + " has " + equations.size()
                    + " equations for " + index.size() + " states " + index.keySet());
        }
        return index;
    }

    private static void collect(JavaGenerator g, Item.Block block, List<Stmt> body, List<Stmt.Equation> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Equation e) {
                into.add(e);
            } else if (s instanceof Stmt.Block b) {
                collect(g, block, b.body(), into);
            } else if (containsEquation(s)) {
                // nocmodl counts the rows at run time (_counte); here the system's size is fixed
                g.notYet(s.pos(), "an equation inside IF, WHILE or FROM in a " + block.keyword() + " block");
            }
        }
    }

    private static boolean containsEquation(Stmt s) {
        List<Stmt> inner = s instanceof Stmt.If i ? concat(i.then(), i.otherwise()) : s instanceof Stmt.While w
                ? w.body() : s instanceof Stmt.From f ? f.body() : s instanceof Stmt.Block b ? b.body() : List.of();
        return inner.stream().anyMatch(x -> x instanceof Stmt.Equation || containsEquation(x));
    }

    private static List<Stmt> concat(List<Stmt> a, List<Stmt> b) {
        List<Stmt> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    String name() {
        return block.name();
    }

    void emitFields() {
        int n = index.size();
        String b = block.name();
        g.line("private final double[][] m_" + b + " = new double[" + n + "][" + (n + 1) + "];");
        g.line("private final double[] x_" + b + " = new double[" + n + "];");
        g.line("private final int[] p_" + b + " = new int[" + n + "];");
    }

    void emitMethod(String where) {
        int n = index.size();
        String b = block.name();
        g.line("");
        g.line("/** LINEAR " + b + ": the system built in the block's order, solved by simeq into its states. */");
        g.open("private void lin_" + b + "(int k, CellState s)");
        g.line("double[][] m = m_" + b + ";");
        g.open("for (int r = 0; r < " + n + "; r++)");
        g.open("for (int c = 0; c <= " + n + "; c++)");
        g.line("m[r][c] = 0.0;");
        g.close();
        g.close();
        row = 0;
        g.linear = this;
        g.body(block.body(), Set.of());
        g.linear = null;
        g.open("if (!simeq(" + n + ", m, x_" + b + ", p_" + b + "))");
        g.line("throw new IllegalStateException(\"" + where + ": singular matrix (instance \" + k + \")\");");
        g.close();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            g.line(g.ref(new Expr.Var(block.pos(), e.getKey(), null)) + " = x_" + b + "[" + e.getValue() + "];");
        }
        g.close();
    }

    /** One equation: its row's coefficients and right-hand side. */
    void equation(Stmt.Equation e) {
        Expr difference = new Expr.Binary(e.pos(), "-", e.left(), e.right());
        Expr constant = difference;
        for (String x : index.keySet()) {
            constant = Linear.substitute(constant, x, new Expr.Num(e.pos(), "0", ""));
        }
        int n = index.size();
        for (Map.Entry<String, Integer> x : index.entrySet()) {
            try {
                Expr slope = Linear.derivative(difference, x.getKey());
                if (slope == null) {
                    continue;
                }
                for (String y : index.keySet()) {
                    if (Linear.dependsOn(slope, y)) {
                        throw new Linear.NotLinear();
                    }
                }
                g.line("m[" + row + "][" + x.getValue() + "] = " + g.num(slope) + ";");
            } catch (Linear.NotLinear notLinear) {
                g.error(e.pos(), "LINEAR " + block.name() + ": this equation is not linear in " + x.getKey());
            }
        }
        g.line("m[" + row + "][" + n + "] = -" + g.num(constant) + ";");
        row++;
    }
}
