package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;

/**
 * cnexp's {@code x = x + (1 - exp(dt a)) (-f0/a - x)} for an equation whose slope {@code a} is of PARAMETERs,
 * constants, dt and celsius only (a synapse's decay {@code A' = -A/tau1}, a calcium pool's {@code -(cai -
 * minCai)/decay}): a and {@code 1 - exp(dt a)} are kept per instance with the bits of what they were computed from,
 * and computed again only when one of those bits differs. The same operations on the same values, so the same bits
 * as computing them every step; between parameter changes one comparison per input instead of a division and an
 * exponential.
 */
final class DecayMemo {
    private final JavaGenerator g;
    private final List<String> fields = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private int count;

    DecayMemo(JavaGenerator g) {
        this.g = g;
    }

    /**
     * The Java of the variables the slope reads (instance columns of PARAMETERs, {@code s.dt}, {@code s.celsius}),
     * always with {@code s.dt} last; null when it reads anything else or calls anything but math functions.
     */
    List<String> inputs(Set<String> parameters, Set<String> constants, Expr... of) {
        Set<String> names = new LinkedHashSet<>();
        for (Expr e : of) {
            if (!collect(e, parameters, constants, names)) {
                return null;
            }
        }
        List<String> java = new ArrayList<>();
        names.forEach(n -> java.add(switch (n) {
            case "dt" -> "s.dt";
            case "celsius" -> "s.celsius";
            default -> "c_" + n + "[k]";
        }));
        java.remove("s.dt");
        java.add("s.dt");
        return java;
    }

    private boolean collect(Expr e, Set<String> parameters, Set<String> constants, Set<String> into) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            if (v.index() != null || g.isLocal(v.name())) {
                // a LOCAL (or argument) of the same name as a parameter is not the parameter's column
                return false;
            }
            if (parameters.contains(v.name()) || v.name().equals("dt") || v.name().equals("celsius")) {
                into.add(v.name());
                return true;
            }
            // PI is a constant unless the file declares it (an ASSIGNED PI may change: not an input kept)
            return constants.contains(v.name()) || v.name().equals("PI") && g.builtinPi();
        }
        if (e instanceof Expr.Unary u) {
            return collect(u.operand(), parameters, constants, into);
        }
        if (e instanceof Expr.Binary b) {
            return collect(b.left(), parameters, constants, into) && collect(b.right(), parameters, constants, into);
        }
        if (e instanceof Expr.Call c) {
            return g.isMath(c.name()) && c.args().stream()
                    .allMatch(arg -> collect(arg, parameters, constants, into));
        }
        return false;
    }

    /**
     * Emits the update of {@code state} with the slope kept per instance (keyed by {@code inputs}); with
     * {@code atZeroToo} (f0 of the inputs only too, as {@code -A/tau1}'s {@code -0/tau1}) also {@code -f0/a}.
     */
    void emit(String state, List<String> inputs, String slopeJava, String atZeroJava, boolean atZeroToo) {
        String m = "m" + count++ + "_";
        fields.add("private final boolean[] " + m + "ok = new boolean[size * lanes];");
        fields.add("private final double[] " + m + "a = new double[size * lanes];");
        fields.add("private final double[] " + m + "e = new double[size * lanes];");
        if (atZeroToo) {
            fields.add("private final double[] " + m + "q = new double[size * lanes];");
        }
        List<String> same = new ArrayList<>();
        same.add(m + "ok[k]");
        for (int j = 0; j < inputs.size(); j++) {
            fields.add("private final long[] " + m + "in" + j + " = new long[size * lanes];");
            same.add("Double.doubleToRawLongBits(" + inputs.get(j) + ") == " + m + "in" + j + "[k]");
        }
        g.open("");
        emitCalls();
        g.line("double a;");
        g.line("double e;");
        if (atZeroToo) {
            g.line("double q;");
        }
        g.open("if (" + String.join(" && ", same) + ")");
        g.line("a = " + m + "a[k];");
        g.line("e = " + m + "e[k];");
        if (atZeroToo) {
            g.line("q = " + m + "q[k];");
        }
        g.close();
        g.open("else");
        g.line("a = " + slopeJava + ";");
        g.line("e = 1.0 - " + g.exp() + "(s.dt * a);");
        g.line(m + "a[k] = a;");
        g.line(m + "e[k] = e;");
        if (atZeroToo) {
            // cnexp's -f0/a, as in (-f0 / a - x): the same division of the same values
            g.line("q = -" + atZeroJava + " / a;");
            g.line(m + "q[k] = q;");
        }
        for (int j = 0; j < inputs.size(); j++) {
            g.line(m + "in" + j + "[k] = Double.doubleToRawLongBits(" + inputs.get(j) + ");");
        }
        g.line(m + "ok[k] = true;");
        g.close();
        g.line(state + " = " + state + " + e * (" + (atZeroToo ? "q" : "-" + atZeroJava + " / a") + " - " + state
                + ");");
        g.close();
    }

    /**
     * A math call in a cnexp equation whose arguments read no v, t or STATE (AMPA_WITH_CA's {@code pow(cai - 5e-7,
     * 4)}: cai stays the same bits for many steps): its value kept per instance with the bits of its non-constant
     * arguments, computed again only when one differs. Returns the local the equation uses instead; its code is
     * emitted by {@link #emitCalls()} before the equation.
     */
    String call(String function, List<String> args, List<Boolean> keyed) {
        String m = "mc" + count++ + "_";
        fields.add("private final boolean[] " + m + "ok = new boolean[size * lanes];");
        fields.add("private final double[] " + m + "v = new double[size * lanes];");
        List<String> same = new ArrayList<>();
        same.add(m + "ok[k]");
        List<String> store = new ArrayList<>();
        List<String> callArgs = new ArrayList<>();
        for (int j = 0; j < args.size(); j++) {
            if (!keyed.get(j)) {
                callArgs.add(args.get(j));
                continue;
            }
            String x = m + "x" + j;
            pending.add("double " + x + " = " + args.get(j) + ";");
            fields.add("private final long[] " + m + "in" + j + " = new long[size * lanes];");
            same.add("Double.doubleToRawLongBits(" + x + ") == " + m + "in" + j + "[k]");
            store.add(m + "in" + j + "[k] = Double.doubleToRawLongBits(" + x + ");");
            callArgs.add(x);
        }
        String local = m + "value";
        pending.add("double " + local + ";");
        pending.add("if (" + String.join(" && ", same) + ") {");
        pending.add("    " + local + " = " + m + "v[k];");
        pending.add("} else {");
        pending.add("    " + local + " = " + function + "(" + String.join(", ", callArgs) + ");");
        pending.add("    " + m + "v[k] = " + local + ";");
        store.forEach(l -> pending.add("    " + l));
        pending.add("    " + m + "ok[k] = true;");
        pending.add("}");
        return local;
    }

    /** The code of the calls {@link #call} has kept since the last time. */
    void emitCalls() {
        pending.forEach(g::line);
        pending.clear();
    }

    /** The per-instance fields of the equations emitted so far (class members; emitted after the methods). */
    void emitFields() {
        if (!fields.isEmpty()) {
            g.line("");
            g.line("/** Values kept per instance with the bits of their inputs (DecayMemo). */");
            fields.forEach(g::line);
        }
    }
}
