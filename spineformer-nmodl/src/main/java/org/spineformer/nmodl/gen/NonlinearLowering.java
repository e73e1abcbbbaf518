package org.spineformer.nmodl.gen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A NONLINEAR block solved by {@code SOLVE name METHOD newton} in BREAKPOINT, as nocmodl lowers it (simultan.cpp,
 * massagenonlin) and NEURON runs it in nrn_state: the block, run in its order, is the residual function, each
 * {@code ~ left = right} giving {@code -(left) + right} for its row; scopmath's newton() (newton.c: the same
 * iteration as derivimplicit's, {@link NewtonLowering#emitIteration}) moves the unknowns (the block's SOLVEFOR
 * names, else the STATEs its equations use, as for LINEAR; a STATE array's elements each an unknown) until it is
 * zero; no convergence stops the run, as NEURON's abort_run. The rows are counted as the equations run (nocmodl's
 * {@code _dlist[++_counte]}), so that equations inside IF, WHILE and FROM take the rows of their passes.
 */
final class NonlinearLowering {
    private final JavaGenerator g;
    private final Item.Block block;
    private final Map<String, Integer> index;
    private String where;

    NonlinearLowering(JavaGenerator g, Item.Block block, Set<String> states) {
        this.g = g;
        this.block = block;
        this.index = new LinkedHashMap<>(LinearLowering.unknowns(g, block, states));
    }

    String name() {
        return block.name();
    }

    void emitFields() {
        NewtonLowering.emitIterationFields(g, block.name(), LinearLowering.size(g, index));
    }

    void emitMethods(String where) {
        String b = block.name();
        g.line("");
        g.line("/** NONLINEAR " + b + " as newton()'s function: -(left) + right of each equation into val_" + b + ". */");
        g.open("private void res_" + b + "(int k, CellState s)");
        this.where = where;
        g.line("int counte = -1;");
        g.nonlinear = this;
        g.body(block.body(), Set.of());
        g.nonlinear = null;
        LinearLowering.emitCount(g, block, LinearLowering.size(g, index), where);
        g.close();
        g.line("");
        g.line("/** NONLINEAR " + b + " solved by newton(). */");
        g.open("private void nl_" + b + "(int k, CellState s)");
        NewtonLowering.emitIteration(g, b, LinearLowering.elements(g, index), x -> LinearLowering.element(g, block,
                x), where);
        g.close();
    }

    /** One equation, in the block's order: its row of the residual (nocmodl's {@code _dlist[++_counte]}). */
    void equation(Stmt.Equation e) {
        Expr residual = new Expr.Binary(e.pos(), "+", new Expr.Unary(e.pos(), "-", e.left()), e.right());
        LinearLowering.emitNextRow(g, block, LinearLowering.size(g, index), where);
        g.line("val_" + block.name() + "[counte] = " + g.num(residual) + ";");
    }
}
