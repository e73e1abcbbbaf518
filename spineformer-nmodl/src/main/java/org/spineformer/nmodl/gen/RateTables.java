package org.spineformer.nmodl.gen;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Which cnexp DERIVATIVE blocks are functions of v, so that their whole step can be read from a {@link
 * VoltageTable} instead of computed: docs/dev/nmodl.md ("Tables of rate functions of v").
 *
 * <p>A block qualifies when, run for one instance, everything it reads is v, celsius, dt, constants, PARAMETERs it
 * does not write and ion variables the mechanism only reads (each the same value in every instance when the table
 * is used; checked each step: Migliore's nax tests ttxi and ttxo, which nothing changes) and variables it
 * wrote before reading them, through the PROCEDUREs and FUNCTIONs it calls (none with its own TABLE: NEURON's TABLE
 * semantics stay as they are); and each of its equations is x' = f0 + a x with f0 and a of those only. Then cnexp's
 * step x + (1 - exp(dt a)) (-f0 / a - x) is x + F (X - x) with F and X functions of v, tabulated with every
 * variable the block writes (mInf, mTau, mAlpha ...: each must be written whatever the branch taken, so that it is
 * a function of v too).
 */
final class RateTables {
    /**
     * A tabulated block: its equations' states in order (outputs 2j and 2j + 1 are state j's F and X), the
     * variables it writes (tabulated after the states' outputs; saved and restored around the table's
     * evaluations), the parameters and the ion variables (concentrations, reversal potentials the mechanism reads
     * and does not write) the table depends on, the constants its conditions compare with, and whether it writes v.
     */
    record Plan(String block, List<String> states, List<String> outputs, List<String> parameters,
                List<String> ionInputs, List<Expr> comparedWith, boolean writesV) {
        int width() {
            return 2 * states.size() + outputs.size();
        }
    }

    private static final Set<String> MATH = Set.of("exp", "fabs", "sqrt", "sin", "cos", "tan", "acos", "asin",
            "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "log", "log10", "pow", "fmod");
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    private final Map<String, Item.Block> functions;
    private final Map<String, Item.Block> procedures;
    private final Set<String> tabled;
    private final Set<String> instanceVars;
    private final Set<String> parameters;
    private final Set<String> states;
    private final Set<String> constants;
    /** The ion variables the mechanism reads and does not write: inputs like parameters (one value per node). */
    private final Set<String> ionReads;
    private final Set<String> ionVariables;

    // the walk of one block
    private boolean ok;
    private final Set<String> inputs = new LinkedHashSet<>();
    private final Set<String> ionInputs = new LinkedHashSet<>();
    private final Set<String> writtenAll = new LinkedHashSet<>();
    private final List<String> equations = new ArrayList<>();
    private final List<Expr> compared = new ArrayList<>();
    private final Deque<String> calling = new ArrayDeque<>();
    private boolean writesV;
    private boolean readsV;

    RateTables(Map<String, Item.Block> functions, Map<String, Item.Block> procedures, Set<String> tabled,
               Set<String> instanceVars, Set<String> parameters, Set<String> states, Set<String> constants,
               Set<String> ionReads, Set<String> ionVariables) {
        this.functions = functions;
        this.procedures = procedures;
        this.tabled = tabled;
        this.instanceVars = instanceVars;
        this.parameters = parameters;
        this.states = states;
        this.constants = constants;
        this.ionReads = ionReads;
        this.ionVariables = ionVariables;
    }

    /**
     * Every name the file's code assigns to, anywhere (an assignment, a PROTECTed one, a FROM loop's index): the
     * parameters among them change without the block being told (RateTableEmitter compares them at every step).
     * The AST's records are walked by their components, so that no statement nested in another can be missed.
     */
    static Set<String> assigned(ModFile mod) {
        Set<String> names = new HashSet<>();
        assigned(mod.items(), names);
        return names;
    }

    private static void assigned(Object node, Set<String> into) {
        if (node instanceof Stmt.Assign a) {
            into.add(a.target().name());
        } else if (node instanceof Stmt.From f) {
            into.add(f.index());
        }
        if (node instanceof List<?> list) {
            list.forEach(x -> assigned(x, into));
        } else if (node instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    assigned(c.getAccessor().invoke(r), into);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + r, e);
                }
            }
        }
    }

    /** The plan for DERIVATIVE block {@code d} solved by cnexp, or null when it is not a function of v. */
    Plan plan(Item.Block d) {
        ok = true;
        inputs.clear();
        ionInputs.clear();
        writtenAll.clear();
        equations.clear();
        compared.clear();
        calling.clear();
        writesV = false;
        readsV = false;
        Set<String> defined = new HashSet<>();
        statements(d.body(), new HashSet<>(), defined, true);
        if (!ok || equations.isEmpty() || !readsV) {
            return null; // without v (a synapse's decay) a table would hold one value many times
        }
        if (!defined.containsAll(writtenAll)) {
            return null; // written on some paths only: its value would be the instance's last one on the others
        }
        return new Plan(d.name(), List.copyOf(equations), List.copyOf(writtenAll), List.copyOf(inputs),
                List.copyOf(ionInputs), List.copyOf(compared), writesV);
    }

    private void statements(List<Stmt> body, Set<String> scope, Set<String> defined, boolean top) {
        for (Stmt st : body) {
            if (!ok) {
                return;
            }
            statement(st, scope, defined, top);
        }
    }

    private void statement(Stmt st, Set<String> scope, Set<String> defined, boolean top) {
        if (st instanceof Stmt.Local l) {
            scope.addAll(l.names());
        } else if (st instanceof Stmt.Assign a && a.primes() == 0) {
            expr(a.value(), scope, defined, null);
            String n = a.target().name();
            if (a.target().index() != null) {
                ok = false;
            } else if (scope.contains(n)) {
                return;
            } else if (n.equals("v")) {
                writesV = true;
            } else if (instanceVars.contains(n) && !states.contains(n) && !parameters.contains(n)
                    && !ionVariables.contains(n)) {
                defined.add(n);
                writtenAll.add(n);
            } else {
                ok = false; // a state, a parameter (an input), an ion variable, a top-level LOCAL
            }
        } else if (st instanceof Stmt.Assign a && a.primes() == 1 && top) {
            String x = a.target().name();
            if (!states.contains(x) || equations.contains(x) || a.target().index() != null) {
                ok = false;
                return;
            }
            expr(a.value(), scope, defined, x);
            try {
                if (Linear.derivative(a.value(), x) == null) {
                    ok = false;
                }
            } catch (Linear.NotLinear e) {
                ok = false;
            }
            equations.add(x);
        } else if (st instanceof Stmt.CallStmt c && procedures.containsKey(c.call().name())) {
            Item.Block p = procedures.get(c.call().name());
            c.call().args().forEach(arg -> expr(arg, scope, defined, null));
            if (tabled.contains(p.name()) || calling.contains(p.name()) || p.args().size() != c.call().args().size()) {
                ok = false;
                return;
            }
            calling.push(p.name());
            Set<String> own = new HashSet<>();
            p.args().forEach(arg -> own.add(arg.name()));
            statements(p.body(), own, defined, false);
            calling.pop();
        } else if (st instanceof Stmt.CallStmt c && MATH.contains(c.call().name())
                && !functions.containsKey(c.call().name())) {
            c.call().args().forEach(arg -> expr(arg, scope, defined, null));
        } else if (st instanceof Stmt.CallStmt c && functions.containsKey(c.call().name())) {
            expr(c.call(), scope, defined, null);
        } else if (st instanceof Stmt.If i) {
            expr(i.condition(), scope, defined, null);
            Set<String> then = new HashSet<>(defined);
            Set<String> otherwise = new HashSet<>(defined);
            statements(i.then(), new HashSet<>(scope), then, false);
            statements(i.otherwise(), new HashSet<>(scope), otherwise, false);
            then.retainAll(otherwise);
            defined.addAll(then);
        } else if (st instanceof Stmt.Block b) {
            statements(b.body(), new HashSet<>(scope), defined, false);
        } else if (!(st instanceof Stmt.Comment
                || st instanceof Stmt.Keyword k && Set.of("UNITSON", "UNITSOFF").contains(k.keyword()))) {
            ok = false;
        }
    }

    /** Checks what the expression reads; {@code own} is the state of the equation being read, else null. */
    private void expr(Expr e, Set<String> scope, Set<String> defined, String own) {
        if (!ok) {
            return;
        }
        if (e instanceof Expr.Num) {
            return;
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            if (v.index() != null) {
                ok = false;
            } else if (n.equals("v") && !scope.contains(n)) {
                readsV = true;
            } else if (scope.contains(n) || Set.of("celsius", "dt").contains(n)
                    || n.equals("PI") && !instanceVars.contains(n) // C's or the file's CONSTANT, not a variable
                    || constants.contains(n) && !instanceVars.contains(n) || n.equals(own) || defined.contains(n)) {
                return;
            } else if (parameters.contains(n) && !states.contains(n)) {
                inputs.add(n);
            } else if (ionReads.contains(n) && !states.contains(n)) {
                ionInputs.add(n);
            } else {
                ok = false; // t, area, a state, an ion variable, an ASSIGNED not yet written, a top-level LOCAL
            }
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(arg -> expr(arg, scope, defined, own));
            if (functions.containsKey(c.name())) {
                Item.Block f = functions.get(c.name());
                if (tabled.contains(f.name()) || calling.contains(f.name()) || f.args().size() != c.args().size()) {
                    ok = false;
                    return;
                }
                calling.push(f.name());
                Set<String> fScope = new HashSet<>();
                f.args().forEach(arg -> fScope.add(arg.name()));
                fScope.add(f.name());
                // a FUNCTION may write only its own names (its value, arguments, LOCALs): what it writes
                // otherwise would depend on where in an expression it is called
                Set<String> before = new HashSet<>(writtenAll);
                boolean wroteV = writesV;
                statements(f.body(), fScope, new HashSet<>(defined), false);
                if (!writtenAll.equals(before) || writesV != wroteV) {
                    ok = false;
                }
                calling.pop();
            } else if (!MATH.contains(c.name()) || procedures.containsKey(c.name())) {
                ok = false;
            }
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand(), scope, defined, own);
        } else if (e instanceof Expr.Binary b) {
            if (COMPARISONS.contains(b.op())) {
                if (isConstant(b.left())) {
                    compared.add(b.left());
                }
                if (isConstant(b.right())) {
                    compared.add(b.right());
                }
            }
            expr(b.left(), scope, defined, own);
            expr(b.right(), scope, defined, own);
        } else {
            ok = false;
        }
    }

    private boolean isConstant(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") && isConstant(u.operand());
        }
        if (e instanceof Expr.Var v) {
            return v.index() == null && (constants.contains(v.name()) && !instanceVars.contains(v.name()));
        }
        if (e instanceof Expr.Binary b) {
            return Set.of("+", "-", "*", "/").contains(b.op()) && isConstant(b.left()) && isConstant(b.right());
        }
        return false;
    }
}
