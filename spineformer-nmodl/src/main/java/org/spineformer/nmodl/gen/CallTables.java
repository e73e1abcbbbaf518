package org.spineformer.nmodl.gen;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Calls of a FUNCTION of v alone read from a table of v inside a block computed exactly (the tables of v of
 * {@link RateTables} do not apply there: Migliore's cagk's rates are functions of v and cai, and cai differs among
 * compartments). Its {@code exp1(k1, d1, v)} and {@code exp1(k2, d2, v)}, two of its three exponentials per instance
 * and step, are then read from a {@link VoltageTable}, with its bound (1e-10 relative, checked on every interval when
 * built) and its exact path (outside the table, in an interval that failed the check).
 *
 * <p>Only in a file without TABLE statements where some DERIVATIVE block has no table of v or one that reads an
 * ion variable. A FUNCTION qualifies when its body is assignments only (no IF: the table would need to know its kinks), reading
 * only its arguments, LOCALs, constants and celsius, calling only math functions, with exactly one argument declared
 * in mV; when neither the BREAKPOINT's current statements nor NET_RECEIVE reach it (the current phase's vector
 * kernel computes what it calls exactly); and when the state phase has no vector kernel. A call of it qualifies when
 * its other arguments are numbers, constants or PARAMETERs no statement assigns. Each qualifying call, by its
 * function and its other arguments' text, gets one table per lane (trials in lanes), built over {@link
 * VoltageTable}'s range for the lane's instance 0's values of those arguments and celsius the first time that
 * instance calls it, and again when it calls it with others (a parameter or celsius changed), so that each lane has
 * the table its trial alone has; a call whose arguments' bits differ from its lane's table's, or with tables off
 * ({@code setUseTables(false)}, {@code --no-tables}), is computed exactly.
 */
final class CallTables {
    private final JavaGenerator g;
    /** Qualifying FUNCTION -> the index of its mV argument. */
    private final Map<String, Integer> functions = new LinkedHashMap<>();
    private final Set<String> assigned = new HashSet<>();
    /** Each table's key (function and other arguments' Java) -> its number. */
    private final Map<String, Integer> tables = new LinkedHashMap<>();
    /** Each table's function, and its arguments' count. */
    private final Map<Integer, String> tableFunction = new LinkedHashMap<>();
    private final Map<Integer, Integer> tableArity = new LinkedHashMap<>();
    private boolean enabled;

    CallTables(JavaGenerator g) {
        this.g = g;
        g.mod.items().stream().filter(Item.Block.class::isInstance).map(Item.Block.class::cast)
                .forEach(b -> collectAssigned(b.body()));
        Set<String> reachedByCurrents = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        g.mod.blocks("BREAKPOINT").forEach(b -> b.body().stream().filter(st -> !(st instanceof Stmt.Solve))
                .forEach(st -> collectCalls(st, todo)));
        if (g.netReceive != null) {
            g.netReceive.body().forEach(st -> collectCalls(st, todo));
        }
        while (!todo.isEmpty()) {
            String f = todo.pop();
            if (reachedByCurrents.add(f)) {
                Item.Block b = g.functions.containsKey(f) ? g.functions.get(f) : g.procedures.get(f);
                if (b != null) {
                    b.body().forEach(st -> collectCalls(st, todo));
                }
            }
        }
        // only where a state phase is computed exactly: its DERIVATIVE block has no table of v, or one that reads an
        // ion variable (which differs among compartments); a table of v already replaces the others' calls, and a
        // file with TABLEs has NEURON's own (built from the exact functions, as NEURON's)
        enabled = g.tables.isEmpty() && g.derivatives.keySet().stream().anyMatch(d -> !g.ratePlans.containsKey(d)
                || !g.ratePlans.get(d).ionInputs().isEmpty());
        for (Item.Block f : g.functions.values()) {
            int mv = -1;
            int count = 0;
            for (int i = 0; i < f.args().size(); i++) {
                Arg a = f.args().get(i);
                if (a.unit().replace(" ", "").equalsIgnoreCase("mV")) {
                    mv = i;
                    count++;
                }
            }
            if (count == 1 && !reachedByCurrents.contains(f.name()) && straightLine(f)) {
                functions.put(f.name(), mv);
            }
        }
    }

    /** Off when the state phase has a vector kernel (ClassSkeleton: its exact calls must be the scalar kernel's). */
    void disable() {
        enabled = false;
    }

    /**
     * The Java of a call of FUNCTION {@code c} (its arguments' Java {@code args}) read from a table, or null when the
     * call is made as it is.
     */
    String call(Expr.Call c, List<String> args, ExpressionEmitter e) {
        Integer mv = functions.get(c.name());
        if (!enabled || mv == null || g.hoisting || e.readsNoStepVariable(c.args().get(mv))) {
            return null;
        }
        StringBuilder key = new StringBuilder(c.name());
        for (int i = 0; i < c.args().size(); i++) {
            if (i != mv) {
                if (!fixed(c.args().get(i), e)) {
                    return null;
                }
                key.append(", ").append(args.get(i));
            }
        }
        int n = tables.computeIfAbsent(key.toString(), x -> tables.size());
        tableFunction.put(n, c.name());
        tableArity.put(n, args.size());
        return "callTable" + n + "(k, s, " + String.join(", ", args) + ")";
    }

    /** Whether some call is read from a table (the class then has useTables). */
    boolean any() {
        return !tables.isEmpty();
    }

    /** Each table's fields and its look-up method (after the methods that call it have been written). */
    void emit() {
        if (any() && g.tables.isEmpty() && g.ratePlans.isEmpty()) {
            g.line("");
            g.line("/** NEURON's usetable_<suffix>: the tables of v of CallTables (1, the default) or the exact functions (0). */");
            g.line("private boolean useTables = true;");
            g.open("@Override public void setUseTables(boolean useTables)");
            g.line("this.useTables = useTables;");
            g.close();
        }
        for (Map.Entry<Integer, String> t : tableFunction.entrySet()) {
            int n = t.getKey();
            String f = t.getValue();
            int arity = tableArity.get(n);
            int mv = functions.get(f);
            String table = "callTable" + n;
            StringBuilder params = new StringBuilder();
            StringBuilder exactArgs = new StringBuilder();
            StringBuilder tableArgs = new StringBuilder();
            StringBuilder inputs = new StringBuilder("s.celsius");
            StringBuilder differ = new StringBuilder("Double.doubleToRawLongBits(s.celsius) != " + table
                    + "_celsius[lane]");
            for (int i = 0; i < arity; i++) {
                params.append(", double a").append(i);
                exactArgs.append(", a").append(i);
                tableArgs.append(", ").append(i == mv ? "x" : table + "_a" + i + "[lane]");
                if (i != mv) {
                    inputs.append(", a").append(i);
                    differ.append(" || Double.doubleToRawLongBits(a").append(i).append(") != ")
                            .append("Double.doubleToRawLongBits(").append(table).append("_a").append(i)
                            .append("[lane])");
                }
            }
            g.line("");
            g.line("/** CallTables: " + f + " of its argument " + (mv + 1) + " (mV) from a table of v per lane, for the"
                    + " other arguments and celsius it was built with (the lane's instance 0's). */");
            g.line("private final org.spineformer.nmodl.gen.VoltageTable[] " + table
                    + " = new org.spineformer.nmodl.gen.VoltageTable[lanes];");
            g.line("private final long[] " + table + "_celsius = new long[lanes];");
            for (int i = 0; i < arity; i++) {
                if (i != mv) {
                    g.line("private final double[] " + table + "_a" + i + " = new double[lanes];");
                }
            }
            g.line("private final CellState[] " + table + "_s = new CellState[lanes];");
            g.open("private double " + table + "(int k, CellState s" + params + ")");
            g.open("if (!useTables)");
            g.line("return f_" + f + "(k, s" + exactArgs + ");");
            g.close();
            g.line("final int lane = lanes == 1 ? 0 : k % lanes; // no integer division per call with one trial");
            g.open("if (" + table + "[lane] == null || " + differ + ")");
            g.open("if (k >= lanes)");
            g.line("return f_" + f + "(k, s" + exactArgs + ");");
            g.close();
            g.line(table + "_celsius[lane] = Double.doubleToRawLongBits(s.celsius);");
            for (int i = 0; i < arity; i++) {
                if (i != mv) {
                    g.line(table + "_a" + i + "[lane] = a" + i + ";");
                }
            }
            g.line(table + "_s[lane] = s;");
            // shared by every simulation of the JVM with the same celsius and other arguments (the same bits)
            g.line(table + "[lane] = org.spineformer.nmodl.gen.VoltageTable.shared(getClass(), \"" + table
                    + "\", new double[] {" + inputs + "}, 1, new org.spineformer.engine.table.RateTable.Functions() {");
            g.line("    public void evaluate(double x, double[] out) {");
            g.line("        out[0] = f_" + f + "(lane, " + table + "_s[lane]" + tableArgs + ");");
            g.line("    }");
            g.line("}, new double[0]);");
            g.close();
            g.line("double u = " + table + "[lane].position(a" + mv + ");");
            g.open("if (u < 0.0)");
            g.line("return f_" + f + "(k, s" + exactArgs + ");");
            g.close();
            g.line("return " + table + "[lane].value(" + table + "[lane].start(u), 0, u - (int) u);");
            g.close();
        }
    }

    /** A number, a constant, or a PARAMETER no statement assigns (not an ion variable): what rarely changes. */
    private boolean fixed(Expr x, ExpressionEmitter e) {
        if (x instanceof Expr.Num) {
            return true;
        }
        if (x instanceof Expr.Var v) {
            String n = v.name();
            return v.index() == null && !e.isLocal(n) && (e.isConstant(x) || !JavaGenerator.NOT_FIELDS.contains(n)
                    && !g.isIonVariable(n) && !assigned.contains(n)
                    && g.mod.declarations("PARAMETER").anyMatch(d -> d.name().equals(n)));
        }
        if (x instanceof Expr.Unary u) {
            return fixed(u.operand(), e);
        }
        if (x instanceof Expr.Binary b) {
            return fixed(b.left(), e) && fixed(b.right(), e);
        }
        return false;
    }

    /** Assignments only, reading its arguments, LOCALs, constants and celsius, calling math functions only. */
    private boolean straightLine(Item.Block f) {
        Set<String> known = new HashSet<>(JavaGenerator.argNames(f.args()));
        known.add(f.name());
        for (Stmt st : f.body()) {
            if (st instanceof Stmt.Local l) {
                known.addAll(l.names());
            } else if (!(st instanceof Stmt.Assign a && a.primes() == 0 && a.target().index() == null
                    && known.contains(a.target().name()) && readsOnly(a.value(), known))) {
                return false;
            }
        }
        return true;
    }

    private boolean readsOnly(Expr x, Set<String> known) {
        if (x instanceof Expr.Num) {
            return true;
        }
        if (x instanceof Expr.Var v) {
            return v.index() == null && (known.contains(v.name()) || v.name().equals("celsius")
                    || v.name().equals("PI") && g.builtinPi() || g.constants.containsKey(v.name()));
        }
        if (x instanceof Expr.Call c) {
            return JavaGenerator.MATH.contains(c.name()) && !g.functions.containsKey(c.name())
                    && c.args().stream().allMatch(a -> readsOnly(a, known));
        }
        if (x instanceof Expr.Unary u) {
            return readsOnly(u.operand(), known);
        }
        if (x instanceof Expr.Binary b) {
            return readsOnly(b.left(), known) && readsOnly(b.right(), known);
        }
        return false;
    }

    private void collectAssigned(List<Stmt> body) {
        for (Stmt st : body) {
            if (st instanceof Stmt.Assign a) {
                assigned.add(a.target().name());
            } else if (st instanceof Stmt.If i) {
                collectAssigned(i.then());
                collectAssigned(i.otherwise());
            } else if (st instanceof Stmt.Block b) {
                collectAssigned(b.body());
            } else if (st instanceof Stmt.While w) {
                collectAssigned(w.body());
            } else if (st instanceof Stmt.From fr) {
                collectAssigned(fr.body());
            } else if (st instanceof Stmt.Initial in) {
                collectAssigned(in.body());
            } else if (st instanceof Stmt.Protect p) {
                assigned.add(p.assignment().target().name());
            }
        }
    }

    private static void collectCalls(Stmt st, Deque<String> into) {
        if (st instanceof Stmt.Assign a) {
            collectCalls(a.value(), into);
        } else if (st instanceof Stmt.CallStmt c) {
            collectCalls(c.call(), into);
        } else if (st instanceof Stmt.If i) {
            collectCalls(i.condition(), into);
            i.then().forEach(s -> collectCalls(s, into));
            i.otherwise().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.Block b) {
            b.body().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.While w) {
            collectCalls(w.condition(), into);
            w.body().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.From fr) {
            fr.body().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.Initial in) {
            in.body().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.ForNetcons fn) {
            fn.body().forEach(s -> collectCalls(s, into));
        } else if (st instanceof Stmt.Protect p) {
            collectCalls(p.assignment().value(), into);
        }
    }

    private static void collectCalls(Expr x, Deque<String> into) {
        if (x instanceof Expr.Call c) {
            into.push(c.name());
            c.args().forEach(a -> collectCalls(a, into));
        } else if (x instanceof Expr.Unary u) {
            collectCalls(u.operand(), into);
        } else if (x instanceof Expr.Binary b) {
            collectCalls(b.left(), into);
            collectCalls(b.right(), into);
        } else if (x instanceof Expr.Var v && v.index() != null) {
            collectCalls(v.index(), into);
        }
    }
}
