package org.spineformer.nmodl.gen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spineformer.nmodl.ast.Stmt;

/** Statements as Java, in a scope of LOCALs; derivative equations go to {@link DerivativeEmitter}. */
final class StatementEmitter {
    private final JavaGenerator g;

    StatementEmitter(JavaGenerator g) {
        this.g = g;
    }

    void body(List<Stmt> statements, Set<String> scope) {
        g.locals.push(new HashSet<>(scope));
        for (Stmt s : statements) {
            statement(s);
        }
        g.locals.pop();
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Local l) {
            for (int j = 0; j < l.names().size(); j++) {
                String n = l.names().get(j);
                g.locals.peek().add(n);
                if (l.sizes().get(j) > 0) {
                    // C's local array, here the block's scratch array, zeroed as the scalar LOCALs are
                    String field = "la" + g.scratchArrays.size() + "_" + n;
                    g.scratchArrays.put(field, l.sizes().get(j));
                    g.localArrays.put(n, field);
                    g.line("java.util.Arrays.fill(" + field + ", 0.0);");
                } else {
                    g.localArrays.remove(n);
                    g.line("double l_" + n + " = 0.0;");
                }
            }
        } else if (s instanceof Stmt.Assign a) {
            assign(a);
        } else if (s instanceof Stmt.CallStmt c) {
            g.line(g.expressions.call(c.call()) + ";");
        } else if (s instanceof Stmt.Block b) {
            g.open("");
            body(b.body(), Set.of());
            g.close();
        } else if (s instanceof Stmt.If i) {
            g.open("if (" + g.expressions.bool(i.condition()) + ")");
            body(i.then(), Set.of());
            if (!i.otherwise().isEmpty()) {
                g.text.indent(-1);
                g.open("} else");
                body(i.otherwise(), Set.of());
            }
            g.close();
        } else if (s instanceof Stmt.While w) {
            g.open("while (" + g.expressions.bool(w.condition()) + ")");
            body(w.body(), Set.of());
            g.close();
        } else if (s instanceof Stmt.From f) {
            // nocmodl: {int i; for (i = from; i <= to; i += by) {...}}, the bounds integer expressions; the int
            // has its own Java name, as C's nested block lets it shadow a LOCAL of the same name (Java does not)
            String i = "i_" + f.index();
            g.open("for (int " + i + " = " + g.expressions.integer(f.from()) + "; " + i + " <= "
                    + g.expressions.integer(f.to()) + "; " + i + " += "
                    + (f.by() == null ? "1" : g.expressions.integer(f.by())) + ")");
            boolean outer = g.fromIndices.add(f.index());
            body(f.body(), Set.of(f.index()));
            if (outer) {
                g.fromIndices.remove(f.index());
            }
            g.close();
        } else if (s instanceof Stmt.ForNetcons f && g.netReceiveLowering != null
                && g.netReceiveLowering.inReceive()) {
            g.netReceiveLowering.forNetcons(f);
        } else if (s instanceof Stmt.Protect p) {
            assign(p.assignment());
        } else if (s instanceof Stmt.Keyword k && Set.of("UNITSON", "UNITSOFF", "MUTEXLOCK", "MUTEXUNLOCK",
                "CONDUCTANCE").contains(k.keyword())) {
            return;
        } else if (s instanceof Stmt.Comment) {
            return;
        } else if (s instanceof Stmt.Table t && g.tables.containsValue(t)) {
            return;
        } else if (s instanceof Stmt.Reaction r && g.kinetic != null) {
            g.kinetic.reaction(r);
        } else if (s instanceof Stmt.Conserve c && g.kinetic != null) {
            g.kinetic.conserve(c);
        } else if (s instanceof Stmt.Compartment && g.kinetic != null) {
            return; // its volume scales the rows at the start of the block (kinetic_implicit)
        } else if (s instanceof Stmt.Equation e && g.linear != null) {
            g.linear.equation(e);
        } else if (s instanceof Stmt.Equation e && g.nonlinear != null) {
            g.nonlinear.equation(e);
        } else if (s instanceof Stmt.Solve sv && g.linears.containsKey(sv.block()) && !sv.steadyState()
                && sv.method().isEmpty()) {
            g.line("lin_" + sv.block() + "(k, s);");
        } else if (s instanceof Stmt.Solve sv && g.kinetics.containsKey(sv.block()) && sv.steadyState()
                && sv.method().equals("sparse")) {
            g.line("ss_" + sv.block() + "(k, s);");
        } else if (s instanceof Stmt.Solve sv && g.derivatives.containsKey(sv.block()) && sv.steadyState()
                && sv.method().equals("derivimplicit")) {
            steadyDerivative(sv);
        } else if (s instanceof Stmt.Solve sv && g.nonlinears.containsKey(sv.block()) && !sv.steadyState()
                && (sv.method().isEmpty() || sv.method().equals("newton"))) {
            // nocmodl solves a NONLINEAR block by newton() wherever its SOLVE is (INITIAL, a PROCEDURE)
            g.line("nl_" + sv.block() + "(k, s);");
        } else {
            g.notYet(s.pos(), describe(s));
        }
    }

    /**
     * {@code SOLVE b STEADYSTATE derivimplicit} (in INITIAL): NEURON's _ss_derivimplicit_thread (ssimplic_thread.c)
     * sets the thread's dt to 1e-9 and calls derivimplicit_thread, which calls the block's own step once (dimplic.c:
     * the cnexp update, or the Newton solve, the BREAKPOINT's SOLVE has made it), then sets dt back: not a steady
     * state, the states move by about 1e-9 ms of their derivatives. nocmodl requires every SOLVE of the block to be
     * derivimplicit (cnexp counts: solve.cpp renames it).
     */
    private void steadyDerivative(Stmt.Solve sv) {
        List<String> methods = g.breakpointSolves().stream().filter(b -> b.block().equals(sv.block()))
                .map(Stmt.Solve::method).toList();
        if (methods.isEmpty()) {
            g.notYet(sv.pos(), "SOLVE " + sv.block() + " STEADYSTATE derivimplicit of a block the BREAKPOINT does not"
                    + " solve");
            return;
        }
        if (methods.stream().anyMatch(m -> !m.equals("derivimplicit") && !m.equals("cnexp"))) {
            g.error(sv.pos(), "SOLVE " + sv.block() + " STEADYSTATE derivimplicit: every SOLVE of " + sv.block()
                    + " must use the derivimplicit method (nocmodl: \"all SOLVEs using that block must use the"
                    + " derivimplicit method\"; cnexp counts)");
            return;
        }
        g.open("");
        g.line("double dtStep = s.dt;");
        g.line("s.dt = 1e-9;");
        g.open("try");
        g.line("d_" + sv.block() + "(k, s);");
        g.close();
        // the step's dt back even when the block stops the run (NEURON's Newton: no convergence)
        g.open("finally");
        g.line("s.dt = dtStep;");
        g.close();
        g.close();
    }

    private static String describe(Stmt s) {
        if (s instanceof Stmt.Table) {
            return "TABLE";
        }
        if (s instanceof Stmt.Solve sv) {
            return "SOLVE " + sv.block() + " outside BREAKPOINT";
        }
        if (s instanceof Stmt.Keyword k) {
            return k.keyword();
        }
        if (s instanceof Stmt.Initial) {
            return "INITIAL inside NET_RECEIVE (state per connection)";
        }
        if (s instanceof Stmt.ForNetcons) {
            return "FOR_NETCONS inside NET_RECEIVE's INITIAL";
        }
        return s.getClass().getSimpleName().toUpperCase() + " statement";
    }

    private boolean isLocalArray(String n) {
        return g.isLocal(n) && g.localArrays.containsKey(n);
    }

    /**
     * Whether the statement being written is in a block a solver evaluates several times per step: a DERIVATIVE block
     * solved other than by cnexp or euler (which run it once), a KINETIC, LINEAR or NONLINEAR block.
     */
    private boolean iterated() {
        String method = g.derivativeBlock == null ? null : g.methods.getOrDefault(g.derivativeBlock, "cnexp");
        return g.newton != null || g.kinetic != null || g.linear != null || g.nonlinear != null
                || method != null && (!Set.of("cnexp", "euler").contains(method)
                || g.cnexpFallbacks.contains(g.derivativeBlock));
    }

    private void assign(Stmt.Assign a) {
        if (a.target().index() != null && g.topLocals.getOrDefault(a.target().name(), 0) == 0
                && !g.arrays.containsKey(a.target().name()) && !isLocalArray(a.target().name())) {
            g.notYet(a.pos(), "the array element " + a.target().name() + "[...] (a LOCAL array in a block)");
            return;
        }
        if (a.discontinuityValue() != null && iterated()) {
            // NEURON would assign at each of the solver's evaluations of the block, from the iteration's values
            g.notYet(a.pos(), "state_discontinuity in a block solved by iterations (derivimplicit, runge, sparse,"
                    + " newton ...)");
            return;
        }
        if (a.discontinuityValue() != null) {
            // NEURON's state_discontinuity (init.cpp): the value always computed, assigned only while the
            // simulation allows it (not in finitialize's current evaluation) and this block's current evaluation
            // at v has not raised its flag (nocmodl's nrn_cur)
            g.open("");
            g.line("double discontinuity = " + g.num(a.discontinuityValue()) + ";");
            g.open("if (s.discontinuitiesAllowed && !discontinuityFlag)");
            g.line(g.ref(a.target()) + " = discontinuity;");
            g.close();
            g.close();
            return;
        }
        if (a.primes() == 0) {
            g.line(g.ref(a.target()) + " = " + g.num(a.value()) + ";");
            return;
        }
        g.derivativeEmitter.equation(a);
    }
}
