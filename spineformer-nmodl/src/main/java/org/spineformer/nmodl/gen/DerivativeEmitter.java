package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/** DERIVATIVE blocks as methods d_NAME(k, s), and each equation x' = f by its SOLVE's method. */
final class DerivativeEmitter {
    private final JavaGenerator g;

    DerivativeEmitter(JavaGenerator g) {
        this.g = g;
    }

    /**
     * A DERIVATIVE block as its SOLVE's method has it: cnexp (each state in place, in order, as nocmodl), or
     * derivimplicit (backward Euler: x = (x + dt f0) / (1 - dt a) for f = f0 + a x, what NEURON's Newton iteration
     * converges to) or euler (x = x + dt f) when the equations are uncoupled, so that solving them one after the
     * other is solving them together; euler of coupled equations, or with an equation inside an IF, as NEURON's
     * euler_thread (every derivative at the old states, then each state moved; a derivative the IF skipped is the
     * one kept from the step that last ran it, JavaGenerator.heldDerivatives); anything else is reported.
     */
    void emitDerivative(Item.Block d) {
        String method = g.methods.getOrDefault(d.name(), "cnexp");
        if (g.newtons.containsKey(d.name())) {
            g.derivativeBlock = d.name();
            g.newtons.get(d.name()).emitMethods(g.solvedAt(d.name()));
            g.derivativeBlock = null;
            return;
        }
        if (method.equals("runge") || method.equals("adrunge")) {
            emitRunge(d, method.equals("adrunge"));
            return;
        }
        boolean deferred = method.equals("euler") && g.eulerDeferred.contains(d.name());
        if (deferred) {
            checkAnalysable(d, method);
        } else if (!method.equals("cnexp")) {
            checkUncoupled(d, method);
        }
        g.line("");
        g.line("/** DERIVATIVE " + d.name() + " solved by " + method + ". */");
        g.open("private void d_" + d.name() + "(int k, CellState s)");
        g.derivativeBlock = d.name();
        if (deferred) {
            // NEURON's euler_thread: the block computes every Dx at the old states, then x += dt*Dx for each
            Set<String> held = g.heldDerivatives.getOrDefault(d.name(), Set.of());
            List<String> states = equationStates(d.body(), new ArrayList<>());
            for (String x : states) {
                if (!held.contains(x)) {
                    g.line("double " + EULER_DERIVATIVE + x + " = 0.0;");
                }
            }
            g.body(d.body(), Set.of());
            for (String x : states) {
                String state = g.ref(new Expr.Var(d.pos(), x, null));
                g.line(state + " = " + state + " + s.dt * " + derivative(d.name(), x) + ";");
            }
        } else {
            g.withTwin(g.vectorTwins.contains(d.name()), () -> g.body(d.body(), Set.of()));
        }
        g.derivativeBlock = null;
        g.close();
    }

    /**
     * METHOD runge as scopmath's runge() (runge.c), which nocmodl 8.2.2's nrn_state calls per instance: the block
     * (every {@code x' = f} the assignment Dx = f, held per slot) evaluated four times, at t (nrn_state's, the step's
     * end), t + dt/2 twice and t + dt, with NEURON's own arithmetic: {@code temp = (h/2) Dx; x += temp; w = x0 +
     * temp/3}, then {@code temp = h Dx; x = x0 + temp/2; w += temp/3}, {@code temp = h Dx; x = x0 + temp; w +=
     * temp/3}, and {@code x = w + (h/6) Dx}. runge() moves the thread's t by h/2, h/2 and -h, and so here the
     * trial's t (its last bits can differ after, as NEURON's; hence no trials in lanes, whose t is shared).
     */
    private void emitRunge(Item.Block d, boolean adaptive) {
        String b = d.name();
        List<String> states = equationStates(d.body(), new ArrayList<>());
        g.line("");
        g.line("/** DERIVATIVE " + b + " evaluated for runge: each Dx into its column. */");
        g.open("private void ev_" + b + "(int k, CellState s)");
        g.derivativeBlock = b;
        g.body(d.body(), Set.of());
        g.derivativeBlock = null;
        g.close();
        g.line("");
        if (adaptive) {
            emitAdaptive(d, states);
        }
        // METHOD runge: runge.c with h = dt; adrunge: the same step with its h
        String h = adaptive ? "h" : "s.dt";
        g.line("/** DERIVATIVE " + b + " solved by runge (scopmath's runge.c)" + (adaptive ? ", one step of h" : "")
                + ". */");
        g.open("private void " + (adaptive ? "rk_" : "d_") + b + "(int k, CellState s" + (adaptive ? ", double h" : "")
                + ")");
        g.line("double temp;");
        String[] x = new String[states.size()];
        String[] dx = new String[states.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.ref(new Expr.Var(d.pos(), states.get(i), null));
            dx[i] = derivative(b, states.get(i));
            g.line("double w0_" + i + ", w1_" + i + ";");
        }
        g.line("ev_" + b + "(k, s);");
        for (int i = 0; i < x.length; i++) {
            g.line("w0_" + i + " = " + x[i] + ";");
            g.line("temp = (" + h + " / 2.0) * " + dx[i] + ";");
            g.line(x[i] + " += temp;");
            g.line("w1_" + i + " = w0_" + i + " + temp / 3.0;");
        }
        g.line("s.t += " + h + " / 2.0;");
        g.line("ev_" + b + "(k, s);");
        for (int i = 0; i < x.length; i++) {
            g.line("temp = " + h + " * " + dx[i] + ";");
            g.line(x[i] + " = w0_" + i + " + temp / 2.0;");
            g.line("w1_" + i + " += temp / 3.0;");
        }
        g.line("ev_" + b + "(k, s);");
        for (int i = 0; i < x.length; i++) {
            g.line("temp = " + h + " * " + dx[i] + ";");
            g.line(x[i] + " = w0_" + i + " + temp;");
            g.line("w1_" + i + " += temp / 3.0;");
        }
        g.line("s.t += " + h + " / 2.0;");
        g.line("ev_" + b + "(k, s);");
        for (int i = 0; i < x.length; i++) {
            g.line(x[i] + " = w1_" + i + " + (" + h + " / 6.0) * " + dx[i] + ";");
        }
        g.line("s.t -= " + h + ";");
        g.close();
    }

    /**
     * A DERIVATIVE block's SOLVE without METHOD, nocmodl 8.2.2's default for it: scopmath's adrunge() (adrunge.c)
     * per instance in nrn_state, then the block evaluated once more at the new states (nrn_state calls it after
     * adrunge). adrunge steps by runge() from t to t + dt with a step size h it keeps between calls (and between
     * instances and mechanisms: {@link AdaptiveRunge}), restarted at the first call after a finitialize (h = dt/10,
     * or 0.01 ms for dt of 0.1 ms or more) and recomputed every ten steps from a double step against two single ones:
     * {@code h = (maxerr h^5 / err)^(1/4)} with maxerr 1e-5 and err the largest |difference| / 30 (0.1 maxerr below
     * 1e-20); a step size below 1e-20 is its error PRECISION, which stops the run. t moves with the steps and ends at
     * {@code (t + dt) - dt}, as NEURON's.
     */
    private void emitAdaptive(Item.Block d, List<String> states) {
        String b = d.name();
        String[] x = new String[states.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.ref(new Expr.Var(d.pos(), states.get(i), null));
        }
        g.line("/** DERIVATIVE " + b + " solved by adrunge (scopmath's adrunge.c), then evaluated at the new states. */");
        g.open("private void d_" + b + "(int k, CellState s)");
        g.line(AdaptiveRunge.class.getName() + " a = adrunge;");
        g.open("if (a.initialized < ninits)");
        g.line("a.steps = -1;");
        g.line("a.h = s.dt < 0.1 ? s.dt / 10.0 : 0.01;");
        g.line("a.initialized = ninits;");
        g.close();
        g.line("double end = s.t + s.dt;");
        g.open("for (; s.t < end; s.t += a.h)");
        g.open("if (++a.steps % 10 == 0)");
        for (int i = 0; i < x.length; i++) {
            g.line("double y0_" + i + " = " + x[i] + ";");
        }
        g.open("if (s.t + 2.0 * a.h > end)");
        g.line("a.h = (end - s.t) / 2.0;");
        g.close();
        g.line("rk_" + b + "(k, s, 2.0 * a.h);");
        for (int i = 0; i < x.length; i++) {
            g.line("double y2_" + i + " = " + x[i] + ";");
            g.line(x[i] + " = y0_" + i + ";");
        }
        g.line("rk_" + b + "(k, s, a.h);");
        g.line("s.t += a.h;");
        g.line("rk_" + b + "(k, s, a.h);");
        g.line("s.t += a.h;");
        g.line("a.steps++;");
        g.line("double err = 0.0;");
        g.line("double temp;");
        for (int i = 0; i < x.length; i++) {
            g.open("if ((temp = Math.abs(" + x[i] + " - y2_" + i + ") / 30.0) > err)");
            g.line("err = temp;");
            g.close();
        }
        g.open("if (err < 1e-20)");
        g.line("err = 0.1 * 1e-5;");
        g.close();
        g.line("a.h = Math.pow(1e-5 * Math.pow(a.h, 5.0) / err, 0.25);");
        g.open("if (a.h < 1e-20)");
        g.line("throw new IllegalStateException(\"" + g.solvedAt(b) + ": adrunge's step size fell below 1e-20 (its error"
                + " PRECISION) at t = \" + s.t + \", instance \" + k / lanes);");
        g.close();
        g.close();
        g.open("if (s.t < end && s.t + a.h > end)");
        g.line("rk_" + b + "(k, s, end - s.t);");
        g.text.indent(-1);
        g.open("} else if (s.t + a.h <= end)");
        g.line("rk_" + b + "(k, s, a.h);");
        g.close();
        g.close();
        g.line("s.t = end - s.dt;");
        g.line("ev_" + b + "(k, s);");
        g.close();
        g.line("");
    }

    /** The Java local of a state's derivative in a deferred euler block ($: no NMODL name has one). */
    private static final String EULER_DERIVATIVE = "d$";

    /** Where a deferred euler block keeps x's derivative: its held column, else a local. */
    private String derivative(String block, String x) {
        return g.heldDerivatives.getOrDefault(block, Set.of()).contains(x)
                ? JavaGenerator.heldDerivative(block, x) + "[k]" : EULER_DERIVATIVE + x;
    }

    /** The states of the equations in statements (inside IF branches too), each once, in order of appearance. */
    static List<String> equationStates(List<Stmt> body, List<String> into) {
        for (Stmt st : body) {
            if (st instanceof Stmt.Assign a && a.primes() > 0 && !into.contains(a.target().name())) {
                into.add(a.target().name());
            } else if (st instanceof Stmt.If i) {
                equationStates(i.then(), into);
                equationStates(i.otherwise(), into);
            }
        }
        return into;
    }

    /** The states whose equation is inside an IF (at any depth) of the block's top level. */
    static Set<String> equationsInsideIf(Item.Block d) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Stmt st : d.body()) {
            if (st instanceof Stmt.If i) {
                out.addAll(equationStates(i.then(), new ArrayList<>()));
                out.addAll(equationStates(i.otherwise(), new ArrayList<>()));
            }
        }
        return out;
    }

    /** The block's equations x' = f at its top level, in order. */
    private static List<Stmt.Assign> equations(Item.Block d) {
        List<Stmt.Assign> out = new ArrayList<>();
        for (Stmt st : d.body()) {
            if (st instanceof Stmt.Assign a && a.primes() > 0) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Whether a statement of the block reads a state of it other than its own equation's: solving the equations
     * one after the other in place would then differ from solving them together.
     */
    static boolean coupled(Item.Block d) {
        Set<String> states = new HashSet<>();
        equations(d).forEach(a -> states.add(a.target().name()));
        for (Stmt st : d.body()) {
            List<Expr> used = new ArrayList<>();
            String own = st instanceof Stmt.Assign a && a.primes() > 0 ? a.target().name() : null;
            if (JavaGenerator.expressions(st, used) && states.stream().anyMatch(x -> !x.equals(own)
                    && used.stream().anyMatch(e -> Linear.dependsOn(e, x)))) {
                return true;
            }
        }
        return false;
    }

    /** What the deferred euler does not take, reported: statements checkUncoupled does not analyse (WHILE, FROM ...). */
    private void checkAnalysable(Item.Block d, String method) {
        for (Stmt st : d.body()) {
            if (!JavaGenerator.expressions(st, new ArrayList<>())) {
                g.notYet(st.pos(), "this statement in a DERIVATIVE block solved by " + method);
            }
        }
    }

    private void checkUncoupled(Item.Block d, String method) {
        Set<String> states = new HashSet<>();
        for (Stmt st : d.body()) {
            if (st instanceof Stmt.Assign a && a.primes() > 0) {
                states.add(a.target().name());
            }
        }
        int last = -1;
        for (int j = 0; j < d.body().size(); j++) {
            if (d.body().get(j) instanceof Stmt.Assign a && a.primes() > 0) {
                last = j;
            }
        }
        for (int j = 0; j < d.body().size(); j++) {
            Stmt st = d.body().get(j);
            if (j > last && method.equals("derivimplicit")) {
                // after the last equation the states have their new values, as at NEURON's converged iteration
                continue;
            }
            List<Expr> used = new ArrayList<>();
            String own = st instanceof Stmt.Assign a && a.primes() > 0 ? a.target().name() : null;
            if (!JavaGenerator.expressions(st, used)) {
                g.notYet(st.pos(), "this statement in a DERIVATIVE block solved by " + method);
                continue;
            }
            for (String x : states) {
                if (!x.equals(own) && used.stream().anyMatch(e -> Linear.dependsOn(e, x))) {
                    g.notYet(st.pos(), method + " of coupled equations (" + x + " is used here)");
                }
            }
        }
    }

    /**
     * A derivative equation x' = f: derivimplicit's residual in a Newton block, else x's update by the block's
     * method (cnexp's exponential step, backward Euler, Euler).
     */
    void equation(Stmt.Assign a) {
        String x = a.target().name();
        if (g.newton != null && a.primes() == 1 && g.instanceVars.contains(x)) {
            g.line(g.newton.derivative(x) + " = " + g.num(a.value()) + ";");
            return;
        }
        if (g.derivativeBlock == null || a.primes() > 1 || !g.instanceVars.contains(x)) {
            g.notYet(a.pos(), "the derivative " + x + "'".repeat(a.primes()) + " here");
            return;
        }
        String state = g.ref(a.target());
        String method = g.methods.getOrDefault(g.derivativeBlock, "cnexp");
        if (method.equals("runge") || method.equals("adrunge")
                || method.equals("euler") && g.eulerDeferred.contains(g.derivativeBlock)) {
            g.line(derivative(g.derivativeBlock, x) + " = " + g.num(a.value()) + ";");
            return;
        }
        if (method.equals("euler")) {
            g.line(state + " = " + state + " + s.dt * " + g.num(a.value()) + ";");
            return;
        }
        EquationSlope equationSlope = EquationSlope.of(a.value(), x, method);
        if (equationSlope == null) {
            g.notYet(a.pos(), method + " of " + x + "', whose equation is not linear in " + x);
            return;
        }
        Expr slope = equationSlope.slope();
        boolean linear = equationSlope.linear();
        if (slope == null) {
            g.line(state + " = " + state + " + s.dt * " + g.num(a.value()) + ";");
            return;
        }
        // the slope and f0 repeat the equation's FUNCTION calls (mTau(v) in (mInf(v) - m)/mTau(v) three
        // times, as in nocmodl's C); when every call is of a pure FUNCTION each is made once: same values
        g.shared = g.callsOnlyPure(a.value(), new HashSet<>()) ? new LinkedHashMap<>() : null;
        // math calls of what rarely changes kept per instance (DecayMemo.call)
        g.memoCalls = method.equals("cnexp") && g.newton == null && g.tableOut == null;
        String slopeJava = g.num(slope);
        Expr atZero = linear ? Linear.substitute(a.value(), x, new Expr.Num(a.pos(), "0", "")) : null;
        String atZeroJava = linear ? g.num(atZero) : null;
        g.memoCalls = false;
        Map<String, String> calls = g.shared == null ? Map.of() : g.shared;
        g.shared = null;
        List<String> memoInputs = linear && method.equals("cnexp") && calls.isEmpty() && g.newton == null
                && g.tableOut == null ? g.decayMemo.inputs(g.parameterNames(), g.constants.keySet(), slope) : null;
        if (memoInputs != null) {
            List<String> withAtZero = g.decayMemo.inputs(g.parameterNames(), g.constants.keySet(), slope, atZero);
            g.decayMemo.emit(state, withAtZero != null ? withAtZero : memoInputs, slopeJava, atZeroJava,
                    withAtZero != null);
            return;
        }
        g.open("");
        g.decayMemo.emitCalls();
        calls.forEach((java, local) -> g.line("double " + local + " = " + java + ";"));
        g.line("double a = " + slopeJava + ";");
        if (g.tableOut != null) {
            // RateTables plans only blocks of equations linear in their states
            int j = g.tableOut.get(x);
            g.line("out[" + j + "] = 1.0 - " + g.exp() + "(s.dt * a);");
            g.line("out[" + (j + 1) + "] = -" + atZeroJava + " / a;");
        } else if (!linear) {
            g.line(state + " = " + state + " + (1.0 - " + g.exp() + "(s.dt * a)) * (-" + state + ");");
        } else if (method.equals("derivimplicit")) {
            g.line(state + " = (" + state + " + s.dt * " + atZeroJava + ") / (1.0 - s.dt * a);");
        } else {
            g.line(state + " = " + state + " + (1.0 - " + g.exp() + "(s.dt * a)) * (-" + atZeroJava + " / a - "
                    + state + ");");
        }
        g.close();
    }
}
