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
 * The current phase's evaluation at v + 0.001 with only what is needed of it. nocmodl's nrn_cur evaluates the
 * BREAKPOINT (without its SOLVE) at v + 0.001 and then at v: of the first, the di/dv needs only the currents it
 * returns, and the second needs what it reads before writing it itself (its upward-exposed reads). A statement whose
 * value neither needs, nor a statement kept before them, is left out of the first evaluation (a backward slice); the
 * second evaluation then starts from the same values and writes again everything left out, so every value the phase
 * leaves and every current is NEURON's, bit for bit. PROCEDUREs called once as a statement of the evaluation are
 * sliced the same way, into a copy {@code pf_NAME} only the first evaluation calls (Allen's Nap: its
 * {@code rates()} computes mInf, hInf, hAlpha, hBeta and hTau, of which the current reads mInf: one exponential of
 * five, no {@code pow}). Only plain assignments of pure expressions are left out; any other statement stays, with
 * everything it reads.
 */
final class FirstEvaluation {
    /**
     * One statement of the evaluation, with the statements of the procedures it expands in its place: what it reads
     * and what it always writes (qualified: a LOCAL or argument {@code x} of procedure P is {@code P::x}, of the
     * BREAKPOINT {@code ::x}), whether it may be left out, and the procedure whose body holds it (null: the
     * BREAKPOINT).
     */
    private record Unit(Stmt stmt, String owner, Set<String> reads, Set<String> writes, boolean droppable) {
    }

    private final List<Stmt> body = new ArrayList<>();
    /** The procedures sliced, each with the statements of its body the first evaluation keeps. */
    private final Map<String, List<Stmt>> sliced = new LinkedHashMap<>();
    private boolean reduced;

    /**
     * @param phase      the current phase ({@link CurrentPhase#twice()}: the statements of the evaluations)
     * @param currents   the current variables the evaluation returns the sum of
     * @param procedures the file's PROCEDUREs
     * @param tabulated  the FUNCTIONs and PROCEDUREs with a TABLE (not looked into: their look-up sets every output)
     * @param pure       whether an expression calls only math and pure FUNCTIONs (JavaGenerator#callsOnlyPure)
     */
    FirstEvaluation(CurrentPhase phase, List<String> currents, Map<String, Item.Block> procedures,
                    Set<String> tabulated, Predicate<Expr> pure) {
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
        // needed after the first evaluation: its currents, and what the second reads before it writes it
        Set<String> live = new HashSet<>(currents);
        Set<String> written = new HashSet<>();
        for (Unit u : units) {
            u.reads().stream().filter(x -> !written.contains(x)).forEach(live::add);
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

    /** Whether the first evaluation leaves something out (else it is the evaluation at v's method). */
    boolean reduced() {
        return reduced;
    }

    /** The first evaluation's statements; a call of a procedure in {@link #sliced()} is to its copy. */
    List<Stmt> body() {
        return body;
    }

    /** The procedures the first evaluation calls as copies, each with the statements of its body kept. */
    Map<String, List<Stmt>> sliced() {
        return sliced;
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
