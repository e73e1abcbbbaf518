package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * What the current phase must compute, and what it can compute once. nocmodl's nrn_cur evaluates the BREAKPOINT
 * (without its SOLVE) at v + 0.001 and at v for the numerical di/dv; this finds, with the same results bit for bit:
 *
 * <ul>
 * <li>the statements that give the same values in both evaluations ({@link #once()}), run once per instance and
 * step before them: an assignment (or an IF of assignments) of pure expressions that reads neither v nor anything
 * the BREAKPOINT writes (except what such a statement before it writes), whose variables no other statement writes
 * and no statement before it reads. Each evaluation would repeat the same operations on the same values;</li>
 * <li>whether v can be passed to the evaluations as an argument ({@link #vAsArgument()}) instead of through the
 * instance's column: when no FUNCTION or PROCEDURE they call reads v and nothing writes it;</li>
 * <li>which variables the phase (or NET_RECEIVE, which sees the columns as the last phase left them) reads at all
 * ({@link #reads}), so that the copies from the node that nobody reads before the next phase copies them again
 * are not made.</li>
 * </ul>
 * When a statement is not understood here (a SOLVE of a LINEAR or KINETIC block, say), nothing is run once and
 * everything is copied, as before.
 */
final class CurrentPhase {
    private final Map<String, Item.Block> functions;
    private final Map<String, Item.Block> procedures;
    private final List<Stmt> once = new ArrayList<>();
    private final List<Stmt> twice = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    /** A statement of the BREAKPOINT not understood here: nothing is run once, v stays in its column. */
    private final boolean opaque;
    /** Opaque, or NET_RECEIVE not understood: every variable is copied. */
    private final boolean copyAll;
    private final boolean vAsArgument;

    /** Variables read and written by a statement, and those read by the FUNCTIONs and PROCEDUREs it calls. */
    private static final class Use {
        final Set<String> reads = new HashSet<>();
        final Set<String> writes = new HashSet<>();
        final Set<String> calleeReads = new HashSet<>();
        boolean opaque;
    }

    /**
     * @param body       the BREAKPOINT's statements without its SOLVEs
     * @param netReceive the NET_RECEIVE block, or null
     * @param columns    the instance variables (what a statement run once may assign)
     * @param pure       whether an expression calls only math and pure FUNCTIONs (JavaGenerator#callsOnlyPure)
     */
    CurrentPhase(List<Stmt> body, Item.Block netReceive, Map<String, Item.Block> functions,
                 Map<String, Item.Block> procedures, Set<String> columns, java.util.function.Predicate<Expr> pure) {
        this.functions = functions;
        this.procedures = procedures;
        List<Use> uses = new ArrayList<>();
        Set<String> bodyLocals = new HashSet<>();
        Use all = new Use();
        for (Stmt st : body) {
            Use u = new Use();
            // each top-level statement alone, so that the BREAKPOINT's own LOCALs show up as names (and keep
            // the statements that use them out of the once part)
            statement(st, new HashSet<>(), u, new HashSet<>(), false);
            uses.add(u);
            if (st instanceof Stmt.Local l) {
                bodyLocals.addAll(l.names());
            }
            all.reads.addAll(u.reads);
            all.writes.addAll(u.writes);
            all.calleeReads.addAll(u.calleeReads);
            all.opaque |= u.opaque;
        }
        names.addAll(all.reads);
        names.addAll(all.writes);
        if (netReceive != null) {
            Use u = new Use();
            Set<String> scope = new HashSet<>();
            netReceive.args().forEach(a -> scope.add(a.name()));
            block(netReceive.body(), scope, u, new HashSet<>(), false);
            names.addAll(u.reads);
            names.addAll(u.writes);
            copyAll = all.opaque || u.opaque;
        } else {
            copyAll = all.opaque;
        }
        opaque = all.opaque;
        vAsArgument = !opaque && !all.writes.contains("v") && !all.calleeReads.contains("v");
        boolean[] hoisted = new boolean[body.size()];
        for (int j = 0; j < body.size() && !opaque; j++) {
            Stmt st = body.get(j);
            Use u = uses.get(j);
            if (!candidate(st, columns, pure) || u.reads.contains("v") || u.writes.contains("v")) {
                continue;
            }
            boolean ok = u.reads.stream().noneMatch(bodyLocals::contains)
                    && u.writes.stream().noneMatch(bodyLocals::contains);
            for (int i = 0; i < body.size() && ok; i++) {
                Use other = uses.get(i);
                // what it reads is written only by statements run once before it
                if (!(i < j && hoisted[i]) && u.reads.stream().anyMatch(other.writes::contains)) {
                    ok = false;
                }
                // what it writes nobody else writes, and no statement before it reads
                if (i != j && u.writes.stream().anyMatch(other.writes::contains)
                        || i < j && u.writes.stream().anyMatch(other.reads::contains)) {
                    ok = false;
                }
            }
            hoisted[j] = ok;
        }
        for (int j = 0; j < body.size(); j++) {
            (hoisted[j] ? once : twice).add(body.get(j));
        }
    }

    /** The statements run once per instance and step, before the two evaluations, in the BREAKPOINT's order. */
    List<Stmt> once() {
        return once;
    }

    /** The statements of the two evaluations, in the BREAKPOINT's order. */
    List<Stmt> twice() {
        return twice;
    }

    /** Whether the evaluations can take v as an argument rather than from the instance's column. */
    boolean vAsArgument() {
        return vAsArgument;
    }

    /** Whether the current phase or NET_RECEIVE may read (or write) the variable. */
    boolean reads(String name) {
        return copyAll || names.contains(name);
    }

    /** The variables a statement of the BREAKPOINT reads, with those of the FUNCTIONs and PROCEDUREs it calls. */
    Set<String> reads(Stmt st) {
        Use u = new Use();
        statement(st, new HashSet<>(), u, new HashSet<>(), false);
        return u.reads;
    }

    /** The variables the phase's statements write (their callees' writes included). */
    Set<String> writes() {
        Set<String> all = new HashSet<>();
        once.forEach(st -> all.addAll(writes(st)));
        twice.forEach(st -> all.addAll(writes(st)));
        return all;
    }

    /** The variables a statement of the BREAKPOINT writes (its callees' writes included). */
    Set<String> writes(Stmt st) {
        Use u = new Use();
        statement(st, new HashSet<>(), u, new HashSet<>(), false);
        return u.writes;
    }

    /** The variables an expression reads, with those of the FUNCTIONs and PROCEDUREs it calls. */
    Set<String> reads(Expr e) {
        Use u = new Use();
        expr(e, new HashSet<>(), u, new HashSet<>(), false);
        return u.reads;
    }

    /**
     * Whether statements may read the variable: they or the FUNCTIONs and PROCEDUREs they call read it, or
     * something in them is not understood here.
     */
    boolean mayRead(List<Stmt> body, String name) {
        Use u = new Use();
        block(body, new HashSet<>(), u, new HashSet<>(), false);
        return u.opaque || u.reads.contains(name);
    }

    /** An assignment of an instance variable, or an IF of such assignments, with only pure calls. */
    private static boolean candidate(Stmt st, Set<String> columns, java.util.function.Predicate<Expr> pure) {
        if (st instanceof Stmt.Assign a) {
            return a.primes() == 0 && a.target().index() == null && columns.contains(a.target().name())
                    && pure.test(a.value());
        }
        if (st instanceof Stmt.If i) {
            return pure.test(i.condition()) && i.then().stream().allMatch(s -> candidate(s, columns, pure))
                    && i.otherwise().stream().allMatch(s -> candidate(s, columns, pure));
        }
        return st instanceof Stmt.Comment;
    }

    private void block(List<Stmt> body, Set<String> scope, Use u, Set<String> visiting, boolean callee) {
        Set<String> inner = new HashSet<>(scope);
        for (Stmt st : body) {
            statement(st, inner, u, visiting, callee);
        }
    }

    private void statement(Stmt st, Set<String> scope, Use u, Set<String> visiting, boolean callee) {
        if (st instanceof Stmt.Local l) {
            scope.addAll(l.names());
        } else if (st instanceof Stmt.Assign a) {
            target(a.target(), scope, u, visiting, callee);
            expr(a.value(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.Protect p) {
            statement(p.assignment(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.CallStmt c) {
            expr(c.call(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.Block b) {
            block(b.body(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.If i) {
            expr(i.condition(), scope, u, visiting, callee);
            block(i.then(), scope, u, visiting, callee);
            block(i.otherwise(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.While w) {
            expr(w.condition(), scope, u, visiting, callee);
            block(w.body(), scope, u, visiting, callee);
        } else if (st instanceof Stmt.From f) {
            expr(f.from(), scope, u, visiting, callee);
            expr(f.to(), scope, u, visiting, callee);
            if (f.by() != null) {
                expr(f.by(), scope, u, visiting, callee);
            }
            Set<String> inner = new HashSet<>(scope);
            inner.add(f.index());
            block(f.body(), inner, u, visiting, callee);
        } else if (st instanceof Stmt.ForNetcons f) {
            Set<String> inner = new HashSet<>(scope);
            f.args().forEach(a -> inner.add(a.name()));
            block(f.body(), inner, u, visiting, callee);
        } else if (st instanceof Stmt.Table t) {
            t.depends().forEach(d -> read(d, scope, u, callee));
        } else if (!(st instanceof Stmt.Comment || st instanceof Stmt.Keyword)) {
            u.opaque = true;
        }
    }

    private void target(Expr.Var v, Set<String> scope, Use u, Set<String> visiting, boolean callee) {
        if (!scope.contains(v.name())) {
            u.writes.add(v.name());
        }
        if (v.index() != null) {
            expr(v.index(), scope, u, visiting, callee);
        }
    }

    private void read(String name, Set<String> scope, Use u, boolean callee) {
        if (!scope.contains(name)) {
            u.reads.add(name);
            if (callee) {
                u.calleeReads.add(name);
            }
        }
    }

    private void expr(Expr e, Set<String> scope, Use u, Set<String> visiting, boolean callee) {
        if (e instanceof Expr.Var v) {
            read(v.name(), scope, u, callee);
            if (v.index() != null) {
                expr(v.index(), scope, u, visiting, callee);
            }
        } else if (e instanceof Expr.Unary un) {
            expr(un.operand(), scope, u, visiting, callee);
        } else if (e instanceof Expr.Binary b) {
            expr(b.left(), scope, u, visiting, callee);
            expr(b.right(), scope, u, visiting, callee);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> expr(a, scope, u, visiting, callee));
            Item.Block f = functions.containsKey(c.name()) ? functions.get(c.name()) : procedures.get(c.name());
            if (f != null && visiting.add(c.name())) {
                // the callee's own arguments, LOCALs and (for a FUNCTION) value are its scope, not the caller's
                Set<String> own = new HashSet<>();
                f.args().forEach(a -> own.add(a.name()));
                if (functions.containsKey(c.name())) {
                    own.add(c.name());
                }
                block(f.body(), own, u, visiting, true);
            }
        }
    }
}
