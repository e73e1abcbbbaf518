package org.spineformer.nmodl.ast;

import java.util.List;

/** An NMODL expression. Parentheses are not kept: the tree has the grouping. */
public sealed interface Expr {
    Pos pos();

    /** A number as written, with the unit that may follow it ({@code 23 (degC)}), "" when none. */
    record Num(Pos pos, String text, String unit) implements Expr {
        public double value() {
            return Double.parseDouble(text);
        }
    }

    /** A variable, {@code name} or {@code name[index]} (index null when not an array element). */
    record Var(Pos pos, String name, Expr index) implements Expr {
    }

    /** A function call; a string argument (as to printf) is a {@link Str}. */
    record Call(Pos pos, String name, List<Expr> args) implements Expr {
    }

    record Str(Pos pos, String text) implements Expr {
    }

    /** {@code -e} or {@code !e}. */
    record Unary(Pos pos, String op, Expr operand) implements Expr {
    }

    /** {@code l op r} with op one of + - * / ^ && || < <= > >= == !=. */
    record Binary(Pos pos, String op, Expr left, Expr right) implements Expr {
    }
}
