package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * One of the current phase's two evaluations with only what is needed of it (a backward slice).
 *
 * <p>The first, at v + 0.001 ({@link #first}): nocmodl's nrn_cur evaluates the BREAKPOINT (without its SOLVE) at
 * v + 0.001 and then at v: of the first, the di/dv needs only the currents it returns, and the second needs what it
 * reads before writing it itself (its upward-exposed reads). A statement whose value neither needs, nor a statement
 * kept before them, is left out of the first evaluation; the second evaluation then starts from the same values and
 * writes again everything left out, so every value the phase leaves and every current is NEURON's, bit for bit.
 *
 * <p>The second, at v ({@link #atV}): its currents, and every value it writes that the state phase does not write
 * again before it reads it ({@link #rewrittenByStates}). What is left out is then written by the state phase of the
 * same step before anything can read it (the solve reads only d and rhs; observers, events, BEFORE and AFTER
 * blocks and readers of a column come before the current phase or after the state phase), from the same values as
 * NEURON's, so every value seen is NEURON's, bit for bit. The first current phase after INITIAL evaluates the whole
 * BREAKPOINT at v: no state phase follows it before the values are seen.
 *
 * <p>PROCEDUREs called once as a statement of the evaluation are sliced the same way, into a copy ({@link
 * #prefix()}NAME) only that evaluation calls (Allen's Nap: its {@code rates()} computes mInf, hInf, hAlpha, hBeta
 * and hTau, of which the current reads mInf: one exponential of five, no {@code pow}, in each evaluation). Only plain
 * assignments of pure expressions are left out; any other statement stays, with everything it reads.
 */
final class EvaluationSlice {
    /**
     * One statement of the evaluation, with the statements of the procedures it expands in its place: what it reads
     * and what it always writes (qualified: a LOCAL or argument {@code x} of procedure P is {@code P::x}, of the
     * BREAKPOINT {@code ::x}), whether it may be left out, and the procedure whose body holds it (null: the
     * BREAKPOINT).
     */
    private record Unit(Stmt stmt, String owner, Set<String> reads, Set<String> writes, boolean droppable) {
    }

    private final String prefix;
    private final List<Stmt> body = new ArrayList<>();
    /** The procedures sliced, each with the statements of its body the evaluation keeps. */
    private final Map<String, List<Stmt>> sliced = new LinkedHashMap<>();
    private boolean reduced;

    /**
     * The evaluation at v + 0.001.
     *
     * @param phase      the current phase ({@link CurrentPhase#twice()}: the statements of the evaluations)
     * @param currents   the current variables the evaluation returns the sum of
     * @param procedures the file's PROCEDUREs
     * @param tabulated  the FUNCTIONs and PROCEDUREs with a TABLE (not looked into: their look-up sets every output)
     * @param pure       whether an expression calls only math and pure FUNCTIONs (JavaGenerator#callsOnlyPure)
     */
    static EvaluationSlice first(CurrentPhase phase, List<String> currents, Map<String, Item.Block> procedures,
                                 Set<String> tabulated, Predicate<Expr> pure) {
        return new EvaluationSlice(phase, currents, procedures, tabulated, pure, null);
    }

    /**
     * The evaluation at v, after the first current phase after INITIAL; {@code rewritten}: what the state phase
     * writes again before it reads it ({@link #rewrittenByStates}), the other parameters as {@link #first}'s.
     */
    static EvaluationSlice atV(CurrentPhase phase, List<String> currents, Map<String, Item.Block> procedures,
                               Set<String> tabulated, Predicate<Expr> pure, Set<String> rewritten) {
        return new EvaluationSlice(phase, currents, procedures, tabulated, pure, rewritten);
    }

    /** rewritten: null for the first evaluation. */
    private EvaluationSlice(CurrentPhase phase, List<String> currents, Map<String, Item.Block> procedures,
                            Set<String> tabulated, Predicate<Expr> pure, Set<String> rewritten) {
        prefix = rewritten == null ? "pf_" : "pv_";
        List<Stmt> twice = phase.twice();
        // a statement not understood (VERBATIM, say) may read anything: nothing is left out
        if (phase.mayRead(twice, JavaGenerator.CURRENT_PHASE)) {
            body.addAll(twice);
            return;
        }
        List<Unit> units = new ArrayList<>();
        Set<String> expanded = new HashSet<>();
        Set<String> breakpointLocals = locals(twice);
        for (Stmt st : twice) {
            Item.Block p = st instanceof Stmt.CallStmt c ? procedures.get(c.call().name()) : null;
            if (p != null && !tabulated.contains(p.name()) && calls(twice, p.name()) == 1
                    && ((Stmt.CallStmt) st).call().args().stream().allMatch(pure)
                    && !phase.mayRead(p.body(), JavaGenerator.CURRENT_PHASE)) {
                // the call binds the arguments (reading only them: its body's reads are its units'), then the body
                // runs
                expanded.add(p.name());
                Set<String> args = new HashSet<>(JavaGenerator.argNames(p.args()));
                Set<String> reads = new HashSet<>();
                ((Stmt.CallStmt) st).call().args().forEach(a -> reads.addAll(reads(phase.reads(a), null,
                        breakpointLocals)));
                units.add(new Unit(st, null, reads, writes(args, p.name(), args), false));
                Set<String> own = new HashSet<>(args);
                own.addAll(locals(p.body()));
                for (Stmt inner : p.body()) {
                    units.add(unit(inner, p.name(), own, phase, pure));
                }
            } else {
                units.add(unit(st, null, breakpointLocals, phase, pure));
            }
        }
        // needed after the first evaluation: its currents, and what the second reads before it writes it; after
        // the second: its currents, and every value it writes that the state phase does not write again
        Set<String> live = new HashSet<>(currents);
        Set<String> written = new HashSet<>();
        for (Unit u : units) {
            if (rewritten == null) {
                u.reads().stream().filter(x -> !written.contains(x)).forEach(live::add);
            } else {
                u.writes().stream().filter(x -> !x.contains("::") && !rewritten.contains(x)).forEach(live::add);
            }
            written.addAll(u.writes());
        }
        boolean[] kept = new boolean[units.size()];
        for (int j = units.size() - 1; j >= 0; j--) {
            Unit u = units.get(j);
            kept[j] = !u.droppable() || u.writes().stream().anyMatch(live::contains);
            if (kept[j]) {
                live.removeAll(u.writes());
                live.addAll(u.reads());
            }
        }
        for (int j = 0; j < units.size(); j++) {
            Unit u = units.get(j);
            if (u.owner() != null) {
                if (kept[j]) {
                    sliced.get(u.owner()).add(u.stmt());
                } else {
                    reduced = true;
                }
            } else if (kept[j]) {
                body.add(u.stmt());
                if (u.stmt() instanceof Stmt.CallStmt c && expanded.contains(c.call().name())) {
                    sliced.put(c.call().name(), new ArrayList<>());
                }
            } else {
                reduced = true;
            }
        }
        // a procedure whose every statement is kept is called as it is
        sliced.entrySet().removeIf(e -> e.getValue().size() == procedures.get(e.getKey()).body().size());
    }

    /** Whether the evaluation leaves something out (else it is the evaluation at v's method, whole). */
    boolean reduced() {
        return reduced;
    }

    /** The prefix of the procedures' copies: pf_ in the first evaluation, pv_ in the one at v. */
    String prefix() {
        return prefix;
    }

    /** The evaluation's statements; a call of a procedure in {@link #sliced()} is to its copy. */
    List<Stmt> body() {
        return body;
    }

    /** The procedures the evaluation calls as copies, each with the statements of its body kept. */
    Map<String, List<Stmt>> sliced() {
        return sliced;
    }

    /**
     * What the state phase writes again before it reads it, of what the current phase's evaluation may write: the
     * instance variables (no ion variable: the phase copies those to the node) that the DERIVATIVE block of the
     * BREAKPOINT's one SOLVE, by cnexp, assigns unconditionally before reading them, in its own statements or in a
     * PROCEDURE it calls as a statement (one level, no TABLE); where the block is read from a table of v ({@link
     * RateTables}), only those among the table's outputs, which its look-up writes (or keeps to be read,
     * {@link LazyTableOutputs}). Empty for anything else.
     */
    static Set<String> rewrittenByStates(JavaGenerator g, CurrentPhase phase) {
        List<Stmt.Solve> solves = g.breakpointSolves();
        Stmt.Solve sv = solves.size() == 1 ? solves.get(0) : null;
        if (sv == null || !sv.method().equals("cnexp") || !g.derivatives.containsKey(sv.block())
                || g.newtons.containsKey(sv.block()) || g.cnexpFallbacks.contains(sv.block())) {
            return Set.of();
        }
        List<Stmt> body = g.derivatives.get(sv.block()).body();
        Set<String> read = new HashSet<>();
        Set<String> rewritten = new HashSet<>();
        for (Stmt st : body) {
            Item.Block p = st instanceof Stmt.CallStmt c ? g.procedures.get(c.call().name()) : null;
            if (p != null && !g.tables.containsKey(p.name())) {
                ((Stmt.CallStmt) st).call().args().forEach(a -> read.addAll(phase.reads(a)));
                Set<String> own = locals(p.body());
                own.addAll(JavaGenerator.argNames(p.args()));
                p.body().forEach(inner -> assigned(inner, own, phase, read, rewritten));
            } else {
                assigned(st, locals(body), phase, read, rewritten);
            }
        }
        RateTables.Plan plan = g.ratePlans.get(sv.block());
        rewritten.removeIf(x -> !g.instanceVars.contains(x) || g.isIonVariable(x)
                || plan != null && !plan.outputs().contains(x));
        return rewritten;
    }

    /** One statement of the state phase: what it reads, and what it assigns unconditionally and has not read yet. */
    private static void assigned(Stmt st, Set<String> own, CurrentPhase phase, Set<String> read,
                                 Set<String> rewritten) {
        if (st instanceof Stmt.Assign a && a.primes() == 0 && a.target().index() == null) {
            read.addAll(phase.reads(a.value()));
            String x = a.target().name();
            if (!own.contains(x) && !read.contains(x)) {
                rewritten.add(x);
            }
        } else {
            read.addAll(phase.reads(st));
        }
    }

    private static Unit unit(Stmt st, String owner, Set<String> locals, CurrentPhase phase,
                             Predicate<Expr> pure) {
        if (st instanceof Stmt.Assign a && a.primes() == 0 && a.target().index() == null
                && !a.target().name().equals("v") && pure.test(a.value())) {
            return new Unit(st, owner, reads(phase.reads(a.value()), owner, locals),
                    writes(Set.of(a.target().name()), owner, locals), true);
        }
        if (st instanceof Stmt.Local l) {
            // a LOCAL starts at 0 in each evaluation: it is written, not read
            return new Unit(st, owner, Set.of(), writes(new HashSet<>(l.names()), owner, locals), false);
        }
        return new Unit(st, owner, reads(phase.reads(st), owner, locals), Set.of(), false);
    }

    /**
     * Names read, as units see them: a LOCAL or argument of the owner qualified by it, and also as it is, since a
     * FUNCTION or PROCEDURE called may read a variable of the same name (reading more keeps more).
     */
    private static Set<String> reads(Set<String> names, String owner, Set<String> locals) {
        Set<String> q = new HashSet<>(names);
        names.stream().filter(locals::contains).forEach(x -> q.add(qualified(x, owner)));
        return q;
    }

    /** Names written, as units see them: a LOCAL or argument of the owner qualified by it (only). */
    private static Set<String> writes(Set<String> names, String owner, Set<String> locals) {
        Set<String> q = new HashSet<>();
        names.forEach(x -> q.add(locals.contains(x) ? qualified(x, owner) : x));
        return q;
    }

    private static String qualified(String name, String owner) {
        return (owner == null ? "" : owner) + "::" + name;
    }

    private static Set<String> locals(List<Stmt> body) {
        Set<String> names = new HashSet<>();
        for (Stmt st : body) {
            if (st instanceof Stmt.Local l) {
                names.addAll(l.names());
            }
        }
        return names;
    }

    /** How many calls of {@code name} the statements hold, in statements and expressions at any depth. */
    private static int calls(List<Stmt> body, String name) {
        int n = 0;
        for (Stmt st : body) {
            if (st instanceof Stmt.Assign a) {
                n += calls(a.value(), name) + (a.target().index() == null ? 0 : calls(a.target().index(), name));
            } else if (st instanceof Stmt.Protect p) {
                n += calls(List.of(p.assignment()), name);
            } else if (st instanceof Stmt.CallStmt c) {
                n += calls(c.call(), name);
            } else if (st instanceof Stmt.Block b) {
                n += calls(b.body(), name);
            } else if (st instanceof Stmt.If i) {
                n += calls(i.condition(), name) + calls(i.then(), name) + calls(i.otherwise(), name);
            } else if (st instanceof Stmt.While w) {
                n += calls(w.condition(), name) + calls(w.body(), name);
            } else if (st instanceof Stmt.From f) {
                n += calls(f.from(), name) + calls(f.to(), name) + (f.by() == null ? 0 : calls(f.by(), name))
                        + calls(f.body(), name);
            }
        }
        return n;
    }

    private static int calls(Expr e, String name) {
        if (e instanceof Expr.Call c) {
            return (c.name().equals(name) ? 1 : 0) + c.args().stream().mapToInt(a -> calls(a, name)).sum();
        }
        if (e instanceof Expr.Unary u) {
            return calls(u.operand(), name);
        }
        if (e instanceof Expr.Binary b) {
            return calls(b.left(), name) + calls(b.right(), name);
        }
        return e instanceof Expr.Var v && v.index() != null ? calls(v.index(), name) : 0;
    }
}
