package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/** FUNCTIONs and PROCEDUREs as methods f_NAME and p_NAME, and their TABLEs (checkTables, the lookups). */
final class FunctionEmitter {
    private final JavaGenerator g;

    FunctionEmitter(JavaGenerator g) {
        this.g = g;
    }

    void emitFunction(Item.Block f) {
        g.line("");
        boolean tabled = g.tables.containsKey(f.name());
        if (tabled) {
            emitLookup(f);
        }
        g.open("private double " + (tabled ? "fx_" : "f_") + f.name() + "(int k, CellState s" + JavaGenerator.params(f.args())
                + ")");
        g.line("double l_" + f.name() + " = 0.0;");
        Set<String> scope = new HashSet<>(JavaGenerator.argNames(f.args()));
        scope.add(f.name());
        g.memoExp = g.repeatedExp.memoizes(f.name());
        g.withTwin(g.vectorTwins.contains(f.name()), () -> g.body(f.body(), scope));
        g.memoExp = false;
        g.line("return l_" + f.name() + ";");
        g.close();
    }

    void emitProcedure(Item.Block p) {
        g.line("");
        boolean tabled = g.tables.containsKey(p.name());
        if (tabled) {
            emitLookup(p);
        }
        g.open("private void " + (tabled ? "px_" : "p_") + p.name() + "(int k, CellState s" + JavaGenerator.params(p.args())
                + ")");
        g.withTwin(g.vectorTwins.contains(p.name()),
                () -> g.body(p.body(), new HashSet<>(JavaGenerator.argNames(p.args()))));
        g.close();
    }

    /**
     * Why the block cannot run trials in lanes, or null: a TABLE that DEPENDs on a per-instance variable other than
     * a PARAMETER the file never assigns (an ASSIGNED or STATE variable, an ion variable, a PARAMETER set by a
     * statement) could get different values in different lanes during a run, where one table cannot serve them;
     * such a block is refused when it is made ({@code newBlock}, before any step), so the trial runner runs its
     * trials one per simulation. A DEPEND on such a PARAMETER is checked at initialization ({@link #emitTables}).
     */
    String lanesRefusal() {
        if (g.breakpointSolves().stream().anyMatch(sv -> sv.method().equals("runge"))) {
            return g.mod.file() + ": METHOD runge moves the trial's t (as NEURON's runge() moves its thread's):"
                    + " trials in lanes not supported";
        }
        if (g.breakpointSolves().stream().anyMatch(sv -> sv.method().equals("adrunge"))) {
            return g.mod.file() + ": METHOD adrunge (a DERIVATIVE block's SOLVE without METHOD) moves the trial's t"
                    + " and continues its step size from instance to instance: trials in lanes not supported";
        }
        Set<String> parameters = g.parameterNames();
        for (Map.Entry<String, Stmt.Table> e : g.tables.entrySet()) {
            for (String name : e.getValue().depends()) {
                boolean perInstance = g.ref(new Expr.Var(e.getValue().pos(), name, null)).endsWith("[k]");
                if (perInstance && (!parameters.contains(name) || assignedAnywhere(name))) {
                    return g.mod.file() + ": the TABLE of " + e.getKey() + " DEPENDs on " + name + ", which can"
                            + " change during a run: trials in lanes not supported";
                }
            }
        }
        return null;
    }

    /** Whether a statement of any block of the file assigns {@code name}. */
    private boolean assignedAnywhere(String name) {
        for (Item item : g.mod.items()) {
            if (item instanceof Item.Block b && assigns(b.body(), name)) {
                return true;
            }
        }
        return false;
    }

    static boolean assigns(List<Stmt> body, String name) {
        for (Stmt st : body) {
            if (st instanceof Stmt.Assign a && a.target().name().equals(name)
                    || st instanceof Stmt.Protect p && p.assignment().target().name().equals(name)
                    || st instanceof Stmt.Block b && assigns(b.body(), name)
                    || st instanceof Stmt.If i && (assigns(i.then(), name) || assigns(i.otherwise(), name))
                    || st instanceof Stmt.While w && assigns(w.body(), name)
                    || st instanceof Stmt.From f && assigns(f.body(), name)
                    || st instanceof Stmt.Initial i && assigns(i.body(), name)
                    || st instanceof Stmt.ForNetcons f && assigns(f.body(), name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * check_NAME: nocmodl's _check_ functions, rebuilding a table when it was never made or a DEPEND changed. A
     * thread-safe mechanism's ({@link ThreadSafety}) run in checkTables, before each current phase and at
     * initialization (NEURON's nrn_thread_table_check) with instance 0; any other's at each call of the tabulated
     * FUNCTION or PROCEDURE, with the calling instance (emitLookup).
     */
    void emitTables() {
        if (g.threadSafe) {
            g.line("");
            g.open("private void checkTables(CellState s)");
            g.open("if (!useTables || size == 0)");
            g.line("return;");
            g.close();
            for (String f : g.tables.keySet()) {
                g.line("check_" + f + "(0, s);");
            }
            g.close();
        }
        for (Map.Entry<String, Stmt.Table> e : g.tables.entrySet()) {
            String f = e.getKey();
            Stmt.Table t = e.getValue();
            boolean function = g.functions.containsKey(f);
            g.line("");
            g.open("private void check_" + f + "(int slot, CellState s)");
            g.locals.push(new HashSet<>());
            // built with instance 0 as NEURON's; with trials in lanes, one table serves them when each lane's
            // instance 0 has the same DEPEND values
            List<String> perLane = new ArrayList<>();
            for (String name : t.depends()) {
                String dep = g.ref(new Expr.Var(t.pos(), name, null));
                if (dep.endsWith("[k]")) {
                    perLane.add("!(" + dep + " == " + dep.substring(0, dep.length() - 3) + "[0])");
                }
            }
            if (!perLane.isEmpty()) {
                g.open("for (int k = 1; k < lanes; k++)");
                g.open("if (" + String.join(" || ", perLane) + ")");
                g.line("throw new UnsupportedOperationException(\"" + JavaGenerator.javaString(g.mod.file())
                        + ": the DEPEND values of the TABLE of " + f + " differ between trials in lanes: not supported"
                        + " yet\");");
                g.close();
                g.close();
            }
            g.line("int k = slot;");
            g.line("boolean make = !made_" + f + ";");
            for (int j = 0; j < t.depends().size(); j++) {
                String dep = g.ref(new Expr.Var(t.pos(), t.depends().get(j), null));
                g.open("if (sav_" + f + "_" + j + " != " + dep + ")");
                g.line("make = true;");
                g.close();
            }
            g.open("if (make)");
            g.line("made_" + f + " = true;");
            g.line("tmin_" + f + " = " + g.num(t.from()) + ";");
            g.line("double tmax = " + g.num(t.to()) + ";");
            g.line("double dx = (tmax - tmin_" + f + ") / " + ExpressionEmitter.literal(t.points()) + ";");
            g.line("mfac_" + f + " = 1.0 / dx;");
            g.line("double x = tmin_" + f + ";");
            g.open("for (int i = 0; i < " + (t.points() + 1) + "; x += dx, i++)");
            if (function) {
                g.line("tab_" + f + "_" + f + "[i] = fx_" + f + "(k, s, x);");
            } else {
                g.line("px_" + f + "(k, s, x);");
                for (Expr.Var var : g.tableVariables(t)) {
                    g.line(g.tableColumn(f, var) + "[i] = " + g.ref(var) + ";");
                }
            }
            g.close();
            // a GLOBAL is one value for the mechanism in NEURON (GLOBALs are per-instance fields here): what the
            // build assigned to one (Mainen's na.mod: tadj, set in rates() only while the table is built), every
            // instance sees
            for (String global : ThreadSafety.assignedGlobals(g.mod)) {
                String ref = g.ref(new Expr.Var(t.pos(), global, null));
                if (ref.endsWith("[k]")) {
                    g.line("java.util.Arrays.fill(" + ref.substring(0, ref.length() - 3) + ", " + ref + ");");
                }
            }
            for (int j = 0; j < t.depends().size(); j++) {
                g.line("sav_" + f + "_" + j + " = " + g.ref(new Expr.Var(t.pos(), t.depends().get(j), null)) + ";");
            }
            g.close();
            g.locals.pop();
            g.close();
        }
    }

    /** The tabulated function's entry point: NEURON's _n_ lookup (linear, held at the ends) or the exact body. */
    private void emitLookup(Item.Block b) {
        boolean function = b.keyword().equals("FUNCTION");
        String f = b.name();
        Stmt.Table t = g.tables.get(f);
        String arg = "l_" + b.args().get(0).name();
        g.open("private " + (function ? "double f_" : "void p_") + f + "(int k, CellState s, double " + arg + ")");
        g.open("if (!useTables)");
        g.line((function ? "return fx_" : "px_") + f + "(k, s, " + arg + ");" + (function ? "" : " return;"));
        g.close();
        if (!g.threadSafe) {
            g.line("check_" + f + "(k, s);");
        }
        g.line("double xi = mfac_" + f + " * (" + arg + " - tmin_" + f + ");");
        g.locals.push(new HashSet<>());
        if (function) {
            String tab = "tab_" + f + "_" + f;
            g.open("if (Double.isNaN(xi))");
            g.line("return xi;");
            g.close();
            g.open("if (xi <= 0.0)");
            g.line("return " + tab + "[0];");
            g.close();
            g.open("if (xi >= " + ExpressionEmitter.literal(t.points()) + ")");
            g.line("return " + tab + "[" + t.points() + "];");
            g.close();
            g.line("int i = (int) xi;");
            g.line("return " + tab + "[i] + (xi - (double) i) * (" + tab + "[i + 1] - " + tab + "[i]);");
        } else {
            g.open("if (Double.isNaN(xi))");
            for (Expr.Var var : g.tableVariables(t)) {
                g.line(g.ref(var) + " = xi;");
            }
            g.line("return;");
            g.close();
            g.open("if (xi <= 0.0)");
            for (Expr.Var var : g.tableVariables(t)) {
                g.line(g.ref(var) + " = " + g.tableColumn(f, var) + "[0];");
            }
            g.line("return;");
            g.close();
            g.open("if (xi >= " + ExpressionEmitter.literal(t.points()) + ")");
            for (Expr.Var var : g.tableVariables(t)) {
                g.line(g.ref(var) + " = " + g.tableColumn(f, var) + "[" + t.points() + "];");
            }
            g.line("return;");
            g.close();
            g.line("int i = (int) xi;");
            g.line("double theta = xi - (double) i;");
            for (Expr.Var var : g.tableVariables(t)) {
                String tab = g.tableColumn(f, var);
                g.line(g.ref(var) + " = " + tab + "[i] + theta * (" + tab + "[i + 1] - "
                        + tab + "[i]);");
            }
        }
        g.locals.pop();
        g.close();
        g.line("");
    }
}
