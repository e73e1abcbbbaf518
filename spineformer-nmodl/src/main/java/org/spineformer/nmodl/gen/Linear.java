package org.spineformer.nmodl.gen;

import java.util.List;
import org.spineformer.nmodl.ast.Expr;

/**
 * Symbolic work for cnexp: whether an expression is linear in a state, its derivative with respect to it, and
 * the expression with the state replaced. As nocmodl, only the state's own occurrences count (a variable computed
 * from the state earlier in the block is a constant here).
 */
final class Linear {
    private Linear() {
    }

    /** Thrown when the expression is not linear in the state. */
    static final class NotLinear extends Exception {
        NotLinear() {
            super(null, null, false, false);
        }
    }

    static boolean dependsOn(Expr e, String x) {
        if (e instanceof Expr.Var v) {
            return v.name().equals(x) || (v.index() != null && dependsOn(v.index(), x));
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(a -> dependsOn(a, x));
        }
        if (e instanceof Expr.Unary u) {
            return dependsOn(u.operand(), x);
        }
        if (e instanceof Expr.Binary b) {
            return dependsOn(b.left(), x) || dependsOn(b.right(), x);
        }
        return false;
    }

    /** d e / d x, or null when it is zero; throws when e is not linear in x. */
    static Expr derivative(Expr e, String x) throws NotLinear {
        return differentiate(e, x, false);
    }

    /**
     * d e / d x as nocmodl's equation parser (diffeq.ypp) makes it, for an e that need not be linear in x: the
     * product of two factors with x by the product rule {@code (d1)*(r) + (l)*(d2)}; null when zero. Throws, as
     * nocmodl's {@code d_invalid}, when x is in a divisor or in a call's arguments.
     */
    static Expr slope(Expr e, String x) throws NotLinear {
        return differentiate(e, x, true);
    }

    private static Expr differentiate(Expr e, String x, boolean productRule) throws NotLinear {
        if (!dependsOn(e, x)) {
            return null;
        }
        if (e instanceof Expr.Var) {
            return new Expr.Num(e.pos(), "1", "");
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            Expr d = differentiate(u.operand(), x, productRule);
            return d == null ? null : new Expr.Unary(u.pos(), "-", d);
        }
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case "+", "-" -> {
                    Expr l = differentiate(b.left(), x, productRule);
                    Expr r = differentiate(b.right(), x, productRule);
                    if (r == null) {
                        return l;
                    }
                    if (l == null) {
                        return b.op().equals("+") ? r : new Expr.Unary(b.pos(), "-", r);
                    }
                    return new Expr.Binary(b.pos(), b.op(), l, r);
                }
                case "*" -> {
                    boolean left = dependsOn(b.left(), x);
                    boolean right = dependsOn(b.right(), x);
                    if (left && right && !productRule) {
                        throw new NotLinear();
                    }
                    Expr l = left ? new Expr.Binary(b.pos(), "*", differentiate(b.left(), x, productRule), b.right())
                            : null;
                    Expr r = right ? new Expr.Binary(b.pos(), "*", b.left(), differentiate(b.right(), x, productRule))
                            : null;
                    return l == null ? r : r == null ? l : new Expr.Binary(b.pos(), "+", l, r);
                }
                case "/" -> {
                    if (dependsOn(b.right(), x)) {
                        throw new NotLinear();
                    }
                    return new Expr.Binary(b.pos(), "/", differentiate(b.left(), x, productRule), b.right());
                }
                default -> throw new NotLinear();
            }
        }
        throw new NotLinear();
    }

    /** e with every occurrence of the variable x replaced by {@code by}. */
    static Expr substitute(Expr e, String x, Expr by) {
        if (e instanceof Expr.Var v) {
            return v.name().equals(x) && v.index() == null ? by : v;
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = c.args().stream().map(a -> substitute(a, x, by)).toList();
            return new Expr.Call(c.pos(), c.name(), args);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.pos(), u.op(), substitute(u.operand(), x, by));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.pos(), b.op(), substitute(b.left(), x, by), substitute(b.right(), x, by));
        }
        return e;
    }
}
