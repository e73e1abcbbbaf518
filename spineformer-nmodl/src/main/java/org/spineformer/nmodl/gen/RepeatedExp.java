package org.spineformer.nmodl.gen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The exponential a FUNCTION computes and then has another FUNCTION compute again, made once: the GHK current's
 * pattern (Migliore's cal2, can2, cat: {@code ghk} computes {@code exp(nu)} and calls {@code efun(nu)}, which
 * computes {@code exp(z)} of the same z), four exponentials per instance and step with the current phase's two
 * evaluations, two with this.
 *
 * <p>When some FUNCTION calls exp and also calls a FUNCTION that calls exp, every exp in those FUNCTIONs goes
 * through a one-entry memo of the block ({@code memoExp}): the last argument's raw bits and its exponential,
 * computed again when the bits differ. The same function of the same bits gives the same bits, so the values are
 * those of the calls it replaces, whichever slot, lane or phase computed the value kept. Other blocks are generated
 * as before.
 */
final class RepeatedExp {
    private final Set<String> memoized;

    /** The FUNCTIONs among {@code functions} whose exp calls go through the memo (none: no memo). */
    RepeatedExp(Map<String, Item.Block> functions) {
        Set<String> callingExp = new LinkedHashSet<>();
        for (Item.Block f : functions.values()) {
            if (calls(f.body(), "exp")) {
                callingExp.add(f.name());
            }
        }
        memoized = new LinkedHashSet<>();
        for (String name : callingExp) {
            for (String other : callingExp) {
                if (!other.equals(name) && calls(functions.get(name).body(), other)) {
                    memoized.add(name);
                    memoized.add(other);
                }
            }
        }
    }

    /** Whether FUNCTION {@code name}'s exp calls go through the memo. */
    boolean memoizes(String name) {
        return memoized.contains(name);
    }

    /** The memo's fields and method, when some FUNCTION uses it. */
    void emit(JavaGenerator g) {
        if (memoized.isEmpty()) {
            return;
        }
        g.line("");
        g.line("/** RepeatedExp: the last exponential computed in " + String.join(", ", memoized)
                + ", and its argument's raw bits. */");
        g.line("private long expMemoBits = Double.doubleToRawLongBits(Double.NaN);");
        g.line("private double expMemoValue = Double.NaN;");
        g.open("private double memoExp(double x)");
        g.open("if (Double.doubleToRawLongBits(x) != expMemoBits)");
        g.line("expMemoBits = Double.doubleToRawLongBits(x);");
        // one exponential for every FUNCTION it serves: StrictExp's when one of them has a vector twin
        // (JavaGenerator.exp), whose lanes compute VectorMath.exp, StrictExp's bits
        g.withTwin(memoized.stream().anyMatch(g.vectorTwins::contains),
                () -> g.line("expMemoValue = " + g.exp() + "(x);"));
        g.close();
        g.line("return expMemoValue;");
        g.close();
    }

    /**
     * Whether the statements call {@code name} in an assignment, a call, a condition or a nested block (what a
     * FUNCTION's body holds; the rest, e.g. a FROM's bounds, only makes the memo less often used).
     */
    private static boolean calls(List<Stmt> body, String name) {
        for (Stmt st : body) {
            if (calls(st, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean calls(Stmt st, String name) {
        if (st instanceof Stmt.Assign a) {
            return calls(a.value(), name);
        }
        if (st instanceof Stmt.If i) {
            return calls(i.condition(), name) || calls(i.then(), name) || calls(i.otherwise(), name);
        }
        if (st instanceof Stmt.Block b) {
            return calls(b.body(), name);
        }
        if (st instanceof Stmt.CallStmt c) {
            return calls(c.call(), name);
        }
        if (st instanceof Stmt.While w) {
            return calls(w.condition(), name) || calls(w.body(), name);
        }
        if (st instanceof Stmt.From f) {
            return calls(f.body(), name);
        }
        return false;
    }

    private static boolean calls(Expr e, String name) {
        if (e instanceof Expr.Call c) {
            return c.name().equals(name) || c.args().stream().anyMatch(arg -> calls(arg, name));
        }
        if (e instanceof Expr.Unary u) {
            return calls(u.operand(), name);
        }
        if (e instanceof Expr.Binary b) {
            return calls(b.left(), name) || calls(b.right(), name);
        }
        return false;
    }
}
