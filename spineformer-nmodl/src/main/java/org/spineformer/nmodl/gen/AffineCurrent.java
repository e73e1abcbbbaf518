package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Whether the current the BREAKPOINT's evaluations return is affine in v, A + B v with A and B not depending on v,
 * and then its slope B as an expression, evaluated once after the evaluation at v instead of the evaluation at
 * v + 0.001 and the difference quotient (docs/dev/nmodl.md, "The conductance without the second evaluation").
 *
 * <p>Forward differentiation of the statements in their order: v has slope 1; a number, a constant, a parameter, a
 * state (fixed during the current phase), an ion variable read, t, dt, celsius and every variable the evaluations
 * do not write have none; {@code a + b}, {@code a - b} and {@code -a} of affine terms are affine, {@code a * b} when
 * at most one factor depends on v, {@code a / b} when b does not; anything else that depends on v (a call with an
 * argument that does, a FUNCTION reading a variable that does, {@code ^}, a comparison, a product of two terms of
 * v, an array element whose index depends on v) is not affine, and a current that is not makes the whole phase
 * keep NEURON's numerical form. The slope of {@code g*(v - e)} is g itself (the factor 1 of {@code v - e} is
 * dropped, not multiplied).
 *
 * <p>One evaluation gives the variables the values the second of NEURON's two leaves (both end at v) only when no
 * statement reads a value the first evaluation left: so every statement is an assignment of a variable (or a LOCAL,
 * a comment, UNITSON/UNITSOFF) with only math and pure FUNCTION calls (no effect to repeat), each variable is
 * assigned once and read only after it is, and v is neither written nor read by a FUNCTION (CurrentPhase's
 * vAsArgument). Then the slope, read after the evaluation, sees the values it was formed from; one referring to a
 * LOCAL of the BREAKPOINT (gone after the evaluation) is refused. A file's own CONDUCTANCE statement is refused
 * too: it stays as the generator had it.
 */
final class AffineCurrent {
    private static final Expr ONE = new Expr.Num(Pos.NONE, "1", "");

    /** A term's dependence on v: none, affine with its slope, or anything else. */
    private record Term(boolean dependsOnV, Expr slope) {
        static final Term CONSTANT = new Term(false, null);
        static final Term OTHER = new Term(true, null);

        boolean affine() {
            return !dependsOnV || slope != null;
        }
    }

    private final CurrentPhase phase;
    private final Predicate<Expr> pure;
    /** The variables written in the evaluations, with their terms. */
    private final Map<String, Term> written = new HashMap<>();
    private final Set<String> locals = new HashSet<>();
    private Expr conductance;
    private String refusal;

    /**
     * @param phase    the current phase (its evaluations' statements, {@link CurrentPhase#twice()})
     * @param currents the current variables summed, in the order of the evaluation's sum
     * @param pure     whether an expression calls only math and pure FUNCTIONs (JavaGenerator#callsOnlyPure)
     */
    AffineCurrent(CurrentPhase phase, List<String> currents, Predicate<Expr> pure) {
        this.phase = phase;
        this.pure = pure;
        refusal = analyse(phase.twice());
        if (refusal == null) {
            Expr sum = null;
            for (String c : currents) {
                Term t = written.getOrDefault(c, Term.CONSTANT);
                if (!t.affine()) {
                    refusal = c + " is not affine in v";
                    break;
                }
                if (t.slope != null) {
                    sum = sum == null ? t.slope : new Expr.Binary(Pos.NONE, "+", sum, t.slope);
                }
            }
            if (refusal == null) {
                conductance = sum == null ? new Expr.Num(Pos.NONE, "0", "") : sum;
                Set<String> read = phase.reads(conductance);
                read.retainAll(locals);
                if (!read.isEmpty()) {
                    refusal = "the slope reads the LOCAL " + read.iterator().next();
                    conductance = null;
                }
            }
        }
    }

    /** The total current's slope (dI/dv, with the current's units per mV), or null when not affine. */
    Expr conductance() {
        return conductance;
    }

    /** Why the current is not taken as affine (for tests and the generated code's comment), or null when it is. */
    String refusal() {
        return refusal;
    }

    private String analyse(List<Stmt> body) {
        if (!phase.vAsArgument()) {
            return "v is written, or read by a FUNCTION or PROCEDURE";
        }
        Set<String> later = new HashSet<>();
        body.forEach(st -> later.addAll(phase.writes(st)));
        for (Stmt st : body) {
            if (st instanceof Stmt.Comment || st instanceof Stmt.Keyword k
                    && Set.of("UNITSON", "UNITSOFF").contains(k.keyword())) {
                continue;
            }
            if (st instanceof Stmt.Local l) {
                if (l.sizes().stream().anyMatch(size -> size > 0) || l.names().contains("v")) {
                    return "a LOCAL array, or a LOCAL named v";
                }
                locals.addAll(l.names());
                continue;
            }
            if (!(st instanceof Stmt.Assign a) || a.primes() != 0 || a.target().index() != null) {
                return "a statement other than an assignment (" + st.getClass().getSimpleName() + ")";
            }
            if (!pure.test(a.value())) {
                return "a call that is not of math or a pure FUNCTION";
            }
            for (String r : phase.reads(st)) {
                if (later.contains(r) && !written.containsKey(r)) {
                    return r + " is read before the evaluation writes it";
                }
            }
            String x = a.target().name();
            if (written.containsKey(x)) {
                return x + " is assigned twice";
            }
            written.put(x, term(a.value()));
        }
        return null;
    }

    private Term term(Expr e) {
        if (e instanceof Expr.Var v) {
            if (v.index() != null && term(v.index()).dependsOnV) {
                return Term.OTHER; // an element chosen by v: a step function of v
            }
            return v.name().equals("v") ? new Term(true, ONE) : written.getOrDefault(v.name(), Term.CONSTANT);
        }
        if (e instanceof Expr.Unary u) {
            Term t = term(u.operand());
            if (!t.dependsOnV) {
                return Term.CONSTANT;
            }
            return u.op().equals("-") && t.slope != null ? new Term(true, new Expr.Unary(Pos.NONE, "-", t.slope))
                    : Term.OTHER;
        }
        if (e instanceof Expr.Binary b) {
            Term l = term(b.left());
            Term r = term(b.right());
            if (!l.dependsOnV && !r.dependsOnV) {
                return Term.CONSTANT;
            }
            if (!l.affine() || !r.affine()) {
                return Term.OTHER;
            }
            return switch (b.op()) {
                case "+" -> new Term(true, l.slope == null ? r.slope : r.slope == null ? l.slope
                        : new Expr.Binary(Pos.NONE, "+", l.slope, r.slope));
                case "-" -> new Term(true, l.slope == null ? new Expr.Unary(Pos.NONE, "-", r.slope)
                        : r.slope == null ? l.slope : new Expr.Binary(Pos.NONE, "-", l.slope, r.slope));
                case "*" -> l.dependsOnV && r.dependsOnV ? Term.OTHER
                        : new Term(true, l.dependsOnV ? times(l.slope, b.right()) : times(r.slope, b.left()));
                case "/" -> r.dependsOnV ? Term.OTHER : new Term(true, new Expr.Binary(Pos.NONE, "/", l.slope,
                        b.right()));
                default -> Term.OTHER;
            };
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>(c.args());
            boolean dependsOnV = args.stream().anyMatch(arg -> term(arg).dependsOnV);
            // a FUNCTION reading a variable of v (not through its arguments)
            Set<String> read = phase.reads(c);
            dependsOnV |= read.stream().anyMatch(n -> written.getOrDefault(n, Term.CONSTANT).dependsOnV);
            return dependsOnV ? Term.OTHER : Term.CONSTANT;
        }
        return Term.CONSTANT;
    }

    /** The slope of a product with a factor not of v: the factor alone when the slope is 1. */
    private static Expr times(Expr slope, Expr factor) {
        return slope == ONE ? factor : new Expr.Binary(Pos.NONE, "*", slope, factor);
    }
}
