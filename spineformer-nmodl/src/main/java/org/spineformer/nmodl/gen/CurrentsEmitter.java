package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;

/**
 * The current phase's kernel currents(), and its currentOnce, current, currentFirst and currentAtV methods ({@link
 * CurrentPhase}, {@link EvaluationSlice}).
 */
final class CurrentsEmitter {
    private final JavaGenerator g;

    CurrentsEmitter(JavaGenerator g) {
        this.g = g;
    }

    /**
     * The current phase (nocmodl's nrn_cur): the BREAKPOINT without its SOLVE evaluated at v + 0.001 and at v, di/dv
     * their difference over 0.001, the ion currents added to the ions. What {@link CurrentPhase} finds gives the same
     * values in both evaluations is run once before them; the one at v + 0.001 leaves out what neither its currents
     * nor the one at v need, and the one at v, after the first current phase after INITIAL, what neither its
     * currents nor anything after the state phase need ({@link EvaluationSlice}); v is passed as an argument when
     * nothing else reads it from the column; where every current is affine in v ({@code conductance},
     * AffineCurrent), the evaluation at v and the slope, unless the block's exactConductance is off; a BREAKPOINT
     * without statements or currents adds nothing (d += 0.0 and rhs -= 0.0 change no value: d starts each step at
     * +0.0, so it is never -0.0).
     */
    void emit(CurrentPhase phase, String vectorCall, Expr conductance) {
        List<String> terms = terms(g);
        String sum = terms.isEmpty() ? "0.0" : String.join(" + ", terms);
        boolean evaluate = !terms.isEmpty() || !phase.twice().isEmpty();
        EvaluationSlice first = EvaluationSlice.first(phase, names(g), g.procedures, g.tables.keySet(),
                e -> g.callsOnlyPure(e, new HashSet<>()));
        String firstCall = first.reduced() ? "currentFirst" : "current";
        if (g.atV.reduced()) {
            g.line("");
            g.line("/** Whether this current phase is the first after INITIAL: its evaluation at v whole "
                    + "(EvaluationSlice). */");
            g.line("private boolean wholeAtV;");
        }
        boolean twin = g.vectorTwins.contains(JavaGenerator.CURRENT_PHASE);
        g.line("");
        g.open("@Override public void currents(CellState s)");
        g.ionCurrentsWritten().keySet().forEach(ion -> g.line("sum_" + ion + " = ion_" + ion + ".currentSummed();"));
        if (!g.tables.isEmpty() && g.threadSafe) {
            g.line("checkTables(s);");
        }
        if (vectorCall != null) {
            // not called with fewer slots than one group: it would only run its set-up (JFR: its broadcast in the
            // Vector API's Java fallback in Allen's Nap); Allen's soma blocks of one instance, -2.5% per step
            // without it (performance.md "s32")
            g.line("int first = vectorKernels && slots >= VL ? " + vectorCall + " : 0;");
        }
        g.line("currentsScalar(s, " + (vectorCall != null ? "first" : "0") + ", slots);");
        if (g.copyIonsOnce) {
            g.line("copyIonsIn = false;");
        }
        if (g.atV.reduced()) {
            g.line("wholeAtV = false;");
        }
        g.close();
        g.line("");
        g.line("/** The current phase of the slots [from, to) by the scalar kernel. */");
        g.open("private void currentsScalar(CellState s, int from, int to)");
        g.open("for (int k = from; k < to; k++)");
        g.nodeCopies.readNode(true, phase);
        if (!phase.once().isEmpty()) {
            g.line("currentOnce(k, s);");
        }
        if (evaluate) {
            if (conductance != null) {
                // the current is affine in v (AffineCurrent): one evaluation and its slope, unless switched off
                g.line("double g;");
                g.line("double i;");
                g.open("if (exactConductance)");
                g.line("i = " + atVCall("s.v[nd]") + ";");
                g.withTwin(twin, () -> g.line("g = " + g.num(conductance) + ";"));
                g.text.indent(-1);
                g.open("} else");
                g.line("g = " + firstCall + "(k, s, s.v[nd] + 0.001);");
                g.line("i = " + atVCall("s.v[nd]") + ";");
                g.line("g = (g - i) / 0.001;");
                g.close();
            } else if (phase.vAsArgument()) {
                g.line("double g = " + firstCall + "(k, s, s.v[nd] + 0.001);");
                discontinuityFlag("double i = " + atVCall("s.v[nd]") + ";");
                g.line("g = (g - i) / 0.001;");
            } else {
                g.line("c_v[k] = s.v[nd] + 0.001;");
                g.line("double g = " + firstCall + "(k, s);");
                g.line("c_v[k] = s.v[nd];");
                discontinuityFlag("double i = " + atVCall(null) + ";");
                g.line("g = (g - i) / 0.001;");
            }
            // a point process's currents are in nA: 100/area (s.pointScale) makes them densities, as nocmodl's
            // nrn_cur
            String scale = g.kind == Mechanism.Kind.POINT_PROCESS ? " * s.pointScale[geoNode[k]]" : "";
            g.ionCurrentsWritten().forEach((ion, var) -> {
                g.open("if (sum_" + ion + ")");
                g.line("ion_" + ion + "_current[nd] += c_" + var + "[k]" + scale + ";");
                g.close();
            });
            g.nodeCopies.writeBack(phase.writes());
            g.line("s.rhs[nd] " + (g.electrode ? "+=" : "-=") + " i" + scale + ";");
            g.line("s.d[nd] " + (g.electrode ? "-=" : "+=") + " g" + scale + ";");
        }
        g.close();
        g.close();
        if (!phase.once().isEmpty()) {
            g.line("");
            g.line("/** The BREAKPOINT's statements that give the same values at v + 0.001 and at v, run once. */");
            g.open("private void currentOnce(int k, CellState s)");
            g.withTwin(twin, () -> g.body(phase.once(), Set.of()));
            g.close();
        }
        if (evaluate) {
            g.line("");
            g.line("/** The rest of the BREAKPOINT without its SOLVE at v: the total outward current (mA/cm2, or nA). */");
            g.open("private double current(int k, CellState s" + (phase.vAsArgument() ? ", double vk" : "") + ")");
            g.vArgument = phase.vAsArgument();
            g.withTwin(twin, () -> g.body(phase.twice(), Set.of()));
            g.vArgument = false;
            g.line("return " + sum + ";");
            g.close();
        }
        if (evaluate && first.reduced()) {
            emitSlice(phase, first, "currentFirst", "The evaluation at v + 0.001 with only what it needs", sum, twin);
        }
        if (evaluate && g.atV.reduced()) {
            emitSlice(phase, g.atV, "currentAtV", "The evaluation at v with only what is seen after the state phase",
                    sum, twin);
        }
    }

    /**
     * The current phase's evaluation at v with only what is needed of it after the first current phase after INITIAL
     * ({@link EvaluationSlice#atV}), for {@link #emit}'s generator; computed before INITIAL is emitted, which starts
     * the whole evaluation.
     */
    static EvaluationSlice atV(JavaGenerator g, CurrentPhase phase) {
        return EvaluationSlice.atV(phase, names(g), g.procedures, g.tables.keySet(),
                e -> g.callsOnlyPure(e, new HashSet<>()), EvaluationSlice.rewrittenByStates(g, phase));
    }

    /** The call of the evaluation at v ({@code vk}: v's argument, null when v is the column's). */
    private String atVCall(String vk) {
        String args = "(k, s" + (vk == null ? "" : ", " + vk) + ")";
        return g.atV.reduced() ? "(wholeAtV ? current" + args + " : currentAtV" + args + ")" : "current" + args;
    }

    /** An evaluation with only what is needed of it ({@link EvaluationSlice}), and its procedures' copies. */
    private void emitSlice(CurrentPhase phase, EvaluationSlice slice, String method, String comment, String sum,
                           boolean twin) {
        g.line("");
        g.line("/** " + comment + " (EvaluationSlice). */");
        g.open("private double " + method + "(int k, CellState s" + (phase.vAsArgument() ? ", double vk" : "") + ")");
        g.vArgument = phase.vAsArgument();
        g.slice = slice;
        g.withTwin(twin, () -> g.body(slice.body(), Set.of()));
        g.slice = null;
        g.vArgument = false;
        g.line("return " + sum + ";");
        g.close();
        slice.sliced().forEach((name, body) -> {
            Item.Block p = g.procedures.get(name);
            g.line("");
            g.line("/** " + name + " in " + method + ": only the statements it needs. */");
            g.open("private void " + slice.prefix() + name + "(int k, CellState s" + JavaGenerator.params(p.args())
                    + ")");
            g.withTwin(g.vectorTwins.contains(name),
                    () -> g.body(body, new HashSet<>(JavaGenerator.argNames(p.args()))));
            g.close();
        });
    }

    /**
     * The evaluation at v: with state_discontinuity outside NET_RECEIVE, between raising and lowering the block's
     * flag, as nocmodl's nrn_cur (so the assignment happens in the evaluation at v + 0.001 only).
     */
    private void discontinuityFlag(String evaluation) {
        if (g.discontinuities) {
            g.line("discontinuityFlag = true;");
        }
        g.line(evaluation);
        if (g.discontinuities) {
            g.line("discontinuityFlag = false;");
        }
    }

    /** The currents the BREAKPOINT's evaluation returns the sum of, in order: ion currents written, then the others. */
    static List<String> terms(JavaGenerator g) {
        return names(g).stream().map(c -> "c_" + c + "[k]").toList();
    }

    /** The current variables the evaluation sums, in the order of {@link #terms}. */
    static List<String> names(JavaGenerator g) {
        List<String> names = new ArrayList<>(g.ionCurrentsWritten().values());
        names.addAll(g.currents);
        return names;
    }
}
