package org.spineformer.nmodl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Decl;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Checks a parsed mod file before any code is made from it: constructs Spineformer does not run (C code, pointers
 * into other mechanisms, events triggered by conditions, diffusion between compartments...), names used but not
 * declared, names declared twice, calls of unknown functions, SOLVE of a block that does not exist or with an
 * unknown method. Every problem is one {@link Diagnostic}; the list is empty for a file that passes.
 */
public final class Checker {
    /** Names every mechanism may read without declaring them (nocmodl's built-ins). */
    static final Set<String> BUILTIN_VARIABLES = Set.of("v", "t", "dt", "celsius", "PI", "secondorder", "area",
            "diam", "f_flux", "b_flux");
    /** nocmodl's functions (src/nmodl/extdef.h) that models call. */
    static final Set<String> BUILTIN_FUNCTIONS = Set.of("first_time", "error", "fabs", "sqrt", "sin", "cos", "tan",
            "acos", "asin", "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "fmod", "log10", "log", "pow",
            "printf", "prterr", "exp", "threshold", "force", "deflate", "expfit", "derivs", "spline", "hyperbol",
            "revhyperbol", "sigmoid", "revsigmoid", "harmonic", "squarewave", "sawtooth", "revsawtooth", "ramp",
            "pulse", "perpulse", "step", "perstep", "erf", "exprand", "factorial", "gauss", "normrand", "poisrand",
            "poisson", "setseed", "scop_random", "boundary", "romberg", "legendre", "invert", "stepforce",
            "schedule", "set_seed", "nrn_pointing", "state_discontinuity", "net_send", "net_move", "net_event",
            "nrn_random_play", "at_time", "nrn_ghk");
    /** The depth of {@link #scopes} in a block's body (its arguments' scope below): a LOCAL deeper is inside a block. */
    private int blockBodyDepth = Integer.MAX_VALUE;
    /** What NEURON sets and nocmodl refuses to see assigned (nocpout.cpp, nrn_var_assigned); a LOCAL may be named so. */
    static final Set<String> ASSIGNED_BY_NEURON = Set.of("area", "diam", "t", "dt", "celsius");
    /**
     * SOLVE methods nocmodl 8.2.2 knows (init.cpp's methods[]), each with the blocks it works with; after_cvode,
     * cvode_t and cvode_t_v (no block there) are taken off before solve.cpp's check, so any block takes them.
     */
    static final Map<String, Set<String>> METHODS = methods();

    private static Map<String, Set<String>> methods() {
        Set<String> integrators = Set.of("DERIVATIVE", "KINETIC");
        Map<String, Set<String>> m = new HashMap<>();
        for (String name : List.of("adams", "runge", "euler", "adeuler", "heun", "adrunge", "gear", "clsoda")) {
            m.put(name, integrators);
        }
        m.put("newton", Set.of("NONLINEAR"));
        m.put("simplex", Set.of("NONLINEAR"));
        m.put("simeq", Set.of("LINEAR"));
        m.put("seidel", Set.of("LINEAR"));
        m.put("_advance", Set.of("KINETIC"));
        m.put("sparse", Set.of("KINETIC"));
        m.put("derivimplicit", Set.of("DERIVATIVE"));
        m.put("cnexp", Set.of("DERIVATIVE"));
        Set<String> any = Set.of("DERIVATIVE", "KINETIC", "LINEAR", "NONLINEAR", "PROCEDURE", "DISCRETE", "PARTIAL");
        for (String name : List.of("after_cvode", "cvode_t", "cvode_t_v")) {
            m.put(name, any);
        }
        return Map.copyOf(m);
    }

    private final ModFile mod;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<String> globals = new HashSet<>();
    /** The file-level arrays (PARAMETER, ASSIGNED, STATE ... and top-level LOCAL declared with a size). */
    private final Set<String> globalArrays = new HashSet<>();
    private final Map<String, Item.Block> callables = new HashMap<>();
    /** Names declared in the blocks being checked, innermost first: true for an array. */
    private final Deque<Map<String, Boolean>> scopes = new ArrayDeque<>();
    /** The NET_RECEIVE block being checked, else null (FOR_NETCONS is allowed there only). */
    private Item.Block netReceive;
    /** The block being checked. */
    private Item.Block block;
    private final UnitNames units = new UnitNames();
    /** The VERBATIM statements that are the accepted idiom ({@link ReturnZeroIdiom}), by identity. */
    private final Set<Stmt> returnZeroIdioms = Collections.newSetFromMap(new IdentityHashMap<>());

    private Checker(ModFile mod) {
        this.mod = mod;
    }

    /** Every problem of the file, in the order of the file. */
    public static List<Diagnostic> check(ModFile mod) {
        Checker c = new Checker(mod);
        c.run();
        c.problems.sort((a, b) -> a.pos().line() != b.pos().line() ? Integer.compare(a.pos().line(), b.pos().line())
                : Integer.compare(a.pos().column(), b.pos().column()));
        return List.copyOf(c.problems);
    }

    private void error(Pos pos, String message) {
        problems.add(new Diagnostic(mod.file(), pos, message));
    }

    private void unsupported(Pos pos, String construct, String why) {
        error(pos, construct + " is not supported: " + why);
    }

    private void run() {
        returnZeroIdioms.addAll(ReturnZeroIdiom.find(mod));
        declare();
        for (Item item : mod.items()) {
            if (item instanceof Item.Verbatim v && !IncludeOnlyVerbatim.isLeftOut(v.text())) {
                unsupported(v.pos(), "VERBATIM", "C code cannot run on the JVM");
            } else if (item instanceof Item.Neuron n) {
                n.statements().forEach(this::neuronStatement);
            } else if (item instanceof Item.Units u) {
                u.definitions().forEach(this::unitDefinition);
            } else if (item instanceof Item.Block b) {
                if (b.keyword().equals("DERIVATIVE")) {
                    derivativeEquations(b.body());
                }
                block(b);
            }
        }
    }

    /**
     * A UNITS block's definition as nocmodl reads it (units.cpp): the units it converts must be known (NEURON's
     * table, or defined earlier in the file), and an alias must not redefine a known unit; nocmodl stops on
     * either. Units elsewhere in the file are text nocmodl does not look up.
     */
    private void unitDefinition(Item.UnitDef def) {
        if (def.name() == null) {
            unitKnown(def.right(), def.rightAt());
            if (units.isDefined(def.left())) {
                error(def.leftAt(), "UNITS (" + def.left() + ") = (" + def.right() + ") redefines the unit "
                        + def.left() + ", which NEURON already knows (nocmodl stops: Units redefinition)");
            }
            units.define(def.left());
        } else if (def.left() != null) {
            unitKnown(def.left(), def.leftAt());
            unitKnown(def.right(), def.rightAt());
        }
    }

    private void unitKnown(String unit, Pos at) {
        String unknown = units.unknown(unit);
        if (unknown != null) {
            error(at, "unknown unit '" + unknown + "' in (" + unit + "): not in NEURON's units table"
                    + " (nrnunits.lib) nor defined earlier in a UNITS block, as (" + unknown + ") = (...)"
                    + " (nocmodl stops: Cannot recognize the units)");
        }
    }

    /**
     * Derivative equations ({@code x' = f}) of a DERIVATIVE block, whatever its METHOD: nocmodl hands each f to its
     * equation parser (diffeq.ypp, for CVODE's Jacobian and cnexp), which knows only + - * / and calls; any other
     * operator outside a call's arguments makes nocmodl stop with an assertion.
     */
    private void derivativeEquations(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.primes() > 0 && a.target().index() != null) {
                // nocmodl's C declares the derivative as a pointer and divides it (_ode_matsol): no C compiler takes it
                unsupported(a.pos(), "the derivative " + a.target().name() + "'[...] of an array element",
                        "NEURON 8.2.2 cannot build it either (nocmodl: \"Derivatives of STATE array variables are not"
                        + " translated correctly and compile time errors will be generated\"; nrnivmodl's C compile"
                        + " fails with every METHOD); write one STATE per element, or a KINETIC scheme over the array");
            } else if (s instanceof Stmt.Assign a && a.primes() > 0) {
                diffeqOperators(a.value(), a.target().name() + "'".repeat(a.primes()));
            } else if (s instanceof Stmt.Solve sv) {
                // parse1.ypp's solveblk only queues it; in a DERIVATIVE block nothing takes it off the queue
                unsupported(sv.pos(), "SOLVE " + sv.block() + " inside a DERIVATIVE block", "NEURON 8.2.2 cannot"
                        + " build it either (nocmodl leaves '" + sv.block() + "' before the next statement, without"
                        + " a call, and the C compiler stops there); call a PROCEDURE that SOLVEs it instead");
            } else if (s instanceof Stmt.Block b) {
                derivativeEquations(b.body());
            } else if (s instanceof Stmt.If i) {
                derivativeEquations(i.then());
                derivativeEquations(i.otherwise());
            } else if (s instanceof Stmt.While w) {
                derivativeEquations(w.body());
            } else if (s instanceof Stmt.From f) {
                derivativeEquations(f.body());
            }
        }
    }

    private void diffeqOperators(Expr e, String derivative) {
        String op = e instanceof Expr.Binary b ? b.op() : e instanceof Expr.Unary u ? u.op() : null;
        if (op != null && !Set.of("+", "-", "*", "/").contains(op)) {
            error(e.pos(), "'" + op + "' in the equation of " + derivative + " (outside a function's arguments):"
                    + " nocmodl's equation parser (diffeq.ypp) stops on it"
                    + (op.equals("^") ? "; write pow(a, b)" : "; compute it in a variable before the equation"));
        }
        if (e instanceof Expr.Binary b) {
            diffeqOperators(b.left(), derivative);
            diffeqOperators(b.right(), derivative);
        } else if (e instanceof Expr.Unary u) {
            diffeqOperators(u.operand(), derivative);
        }
    }

    /**
     * nocmodl makes x0 the start value of each STATE x, a PARAMETER (parsact.cpp ifnew_parminstall): x0 declared
     * in another block stops it ("can't be declared a parameter by default").
     */
    private void startValues() {
        Set<String> states = new HashSet<>();
        mod.declarations("STATE").forEach(d -> states.add(d.name()));
        for (Item item : mod.items()) {
            if (item instanceof Item.Declarations d && !d.keyword().equals("PARAMETER")) {
                for (Decl decl : d.declarations()) {
                    String n = decl.name();
                    if (n.endsWith("0") && states.contains(n.substring(0, n.length() - 1))) {
                        error(decl.pos(), "'" + n + "' is declared in " + d.keyword() + ": nocmodl makes it the start"
                                + " value of STATE " + n.substring(0, n.length() - 1) + ", a PARAMETER (\"can't be"
                                + " declared a parameter by default\"): declare it in PARAMETER or rename it");
                    }
                }
            }
        }
    }

    /** Collects the file's declarations and callables, reporting duplicates. */
    private void declare() {
        startValues();
        Map<String, String> declaredIn = new HashMap<>();
        for (Item item : mod.items()) {
            if (item instanceof Item.Declarations d) {
                for (Decl decl : d.declarations()) {
                    reservedWord(decl.pos(), decl.name(), d.keyword());
                    String previous = declaredIn.putIfAbsent(decl.name(), d.keyword());
                    if (previous != null) {
                        error(decl.pos(), "'" + decl.name() + "' is declared twice (in " + previous + " and "
                                + d.keyword() + ")");
                    }
                    globals.add(decl.name());
                    if (decl.size() > 0) {
                        globalArrays.add(decl.name());
                    }
                }
            } else if (item instanceof Item.Units u) {
                for (Item.UnitDef def : u.definitions()) {
                    if (def.name() != null) {
                        reservedWord(def.pos(), def.name(), "UNITS");
                        String previous = declaredIn.putIfAbsent(def.name(), "UNITS");
                        if (previous != null) {
                            error(def.pos(), "'" + def.name() + "' is declared twice (in " + previous
                                    + " and UNITS)");
                        }
                        globals.add(def.name());
                    }
                }
            } else if (item instanceof Item.Block b && Set.of("FUNCTION", "PROCEDURE", "FUNCTION_TABLE",
                    "DERIVATIVE", "KINETIC", "LINEAR", "NONLINEAR", "DISCRETE", "PARTIAL").contains(b.keyword())) {
                reservedWord(b.pos(), b.name(), b.keyword());
                Item.Block previous = callables.putIfAbsent(b.name(), b);
                if (previous != null) {
                    error(b.pos(), b.keyword() + " " + b.name() + " is defined twice (first at line "
                            + previous.pos().line() + ")");
                }
            }
        }
        mod.items().stream().filter(Item.TopLocal.class::isInstance).map(Item.TopLocal.class::cast).forEach(l -> {
            globals.addAll(l.names());
            for (int i = 0; i < l.names().size(); i++) {
                if (l.sizes().get(i) > 0) {
                    globalArrays.add(l.names().get(i));
                }
            }
        });
        mod.neuron().forEach(s -> {
            if (s instanceof NeuronStmt.UseIon u) {
                globals.addAll(u.read());
                globals.addAll(u.write());
            }
        });
    }

    /**
     * A name of nocmodl's function library (extdef.h, f_flux and b_flux among them) declared as a variable, constant,
     * FUNCTION or PROCEDURE: nocmodl 8.2.2 refuses it ("floor is a RESERVED WORD", consist.cpp), a LOCAL or an
     * argument aside (not in its table of names).
     */
    private void reservedWord(Pos pos, String name, String declaredIn) {
        if (BUILTIN_FUNCTIONS.contains(name) || name.equals("f_flux") || name.equals("b_flux")) {
            error(pos, "'" + name + "' declared in " + declaredIn + " is a reserved word of nocmodl (a function of its"
                    + " library, extdef.h): NEURON refuses it");
        }
    }

    private void neuronStatement(NeuronStmt s) {
        if (s instanceof NeuronStmt.Names n) {
            switch (n.keyword()) {
                case "POINTER", "BBCOREPOINTER" -> unsupported(n.pos(), n.keyword(),
                        "a mechanism cannot read another's variables through pointers");
                case "EXTERNAL" -> unsupported(n.pos(), "EXTERNAL", "variables of other mechanisms cannot be read");
                case "SECTION" -> unsupported(n.pos(), "SECTION", "section variables are not supported");
                default -> {
                }
            }
        }
    }

    private void block(Item.Block b) {
        switch (b.keyword()) {
            case "FUNCTION_TABLE" -> {
                return; // no body; its values are given to the compiled mechanism (NmodlMechanism.setFunctionTable)
            }
            case "CONSTRUCTOR", "DESTRUCTOR", "TERMINAL", "DISCRETE", "PARTIAL" -> {
                unsupported(b.pos(), b.keyword() + " block", "no equivalent in Spineformer's step");
                return;
            }
            case "BEFORE", "AFTER" -> {
                // nocmodl translates all eight, but hoc_reg_ba (init.cpp) knows five: for the others NEURON 8.2.2
                // prints "before-after processing type N for MECH not implemented" and exits when loading
                if (Set.of("AFTER BREAKPOINT", "BEFORE SOLVE", "AFTER STEP").contains(b.keyword() + " " + b.name())) {
                    error(b.pos(), b.keyword() + " " + b.name() + " is not supported: NEURON 8.2.2 cannot load it"
                            + " (\"before-after processing type ... not implemented\"); BEFORE INITIAL, AFTER INITIAL,"
                            + " BEFORE BREAKPOINT, AFTER SOLVE and BEFORE STEP are");
                    return;
                }
            }
            default -> {
            }
        }
        Map<String, Boolean> scope = new HashMap<>();
        for (Arg a : b.args()) {
            scope.put(a.name(), false);
        }
        localShadowingAnArgument(b);
        if (b.keyword().equals("FUNCTION")) {
            scope.put(b.name(), false);
        }
        if (b.keyword().equals("NET_RECEIVE")) {
            scope.put("flag", false);
        }
        scopes.push(scope);
        netReceive = b.keyword().equals("NET_RECEIVE") ? b : null;
        block = b;
        blockBodyDepth = scopes.size() + 1;
        statements(b.body());
        blockBodyDepth = Integer.MAX_VALUE;
        block = null;
        netReceive = null;
        scopes.pop();
    }

    /**
     * A LOCAL of a FUNCTION's or PROCEDURE's body named as one of its arguments: nocmodl 8.2.2 translates both as
     * {@code _lname} in one C scope, which the C compiler refuses ("'_ly' redeclared"), so NEURON cannot build the
     * file (checked with nrnivmodl; found by {@code nmodl compare}, where the generated Java did not compile either).
     */
    private void localShadowingAnArgument(Item.Block b) {
        if (!b.keyword().equals("FUNCTION") && !b.keyword().equals("PROCEDURE")) {
            return;
        }
        Set<String> args = new HashSet<>();
        b.args().forEach(a -> args.add(a.name()));
        for (Stmt s : b.body()) {
            if (s instanceof Stmt.Local l) {
                l.names().stream().filter(args::contains).forEach(n -> error(l.pos(), "LOCAL " + n + " of "
                        + b.keyword() + " " + b.name() + " has the name of its argument " + n + ": NEURON cannot build"
                        + " it (nocmodl names both _l" + n + " in one C scope: \"'_l" + n + "' redeclared\")"));
            }
        }
    }

    private void statements(List<Stmt> list) {
        scopes.push(new HashMap<>());
        for (Stmt s : list) {
            statement(s);
        }
        scopes.pop();
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Local l) {
            for (int i = 0; i < l.names().size(); i++) {
                String name = l.names().get(i);
                if (scopes.size() > blockBodyDepth && scopes.stream().skip(1).anyMatch(sc -> sc.containsKey(name))) {
                    // nocmodl declares it in the inner C block, which may shadow; the generated Java may not
                    error(l.pos(), "LOCAL " + name + " inside a block, named as an argument or LOCAL around it, is not"
                            + " supported yet (NEURON takes it: C's inner scope); rename it");
                }
                scopes.peek().put(name, l.sizes().get(i) > 0);
            }
        } else if (s instanceof Stmt.Assign a) {
            variable(a.target());
            expr(a.discontinuityValue() != null ? a.discontinuityValue() : a.value());
            if (a.primes() == 0 && ASSIGNED_BY_NEURON.contains(a.target().name())
                    && scopes.stream().noneMatch(scope -> scope.containsKey(a.target().name()))) {
                error(a.pos(), "'" + a.target().name() + "' is a special NEURON variable that a mod file cannot"
                        + " assign (nocmodl stops: \"should not be assigned a value in a model description"
                        + " file\")");
            }
        } else if (s instanceof Stmt.CallStmt c) {
            expr(c.call());
        } else if (s instanceof Stmt.Block b) {
            statements(b.body());
        } else if (s instanceof Stmt.If i) {
            expr(i.condition());
            statements(i.then());
            statements(i.otherwise());
        } else if (s instanceof Stmt.While w) {
            expr(w.condition());
            statements(w.body());
        } else if (s instanceof Stmt.From f) {
            expr(f.from());
            expr(f.to());
            if (f.by() != null) {
                expr(f.by());
            }
            scopes.push(new HashMap<>(Map.of(f.index(), false)));
            statements(f.body());
            scopes.pop();
        } else if (s instanceof Stmt.Solve sv) {
            solve(sv);
        } else if (s instanceof Stmt.Table t) {
            t.names().forEach(n -> declared(t.pos(), n));
            t.depends().forEach(n -> declared(t.pos(), n));
            expr(t.from());
            expr(t.to());
        } else if (s instanceof Stmt.Reaction r) {
            r.lhs().forEach(sp -> expr(sp.species()));
            r.rhs().forEach(sp -> expr(sp.species()));
            expr(r.forward());
            if (r.backward() != null) {
                expr(r.backward());
            }
        } else if (s instanceof Stmt.Equation e) {
            expr(e.left());
            expr(e.right());
        } else if (s instanceof Stmt.Conserve c) {
            c.species().forEach(sp -> expr(sp.species()));
            expr(c.total());
        } else if (s instanceof Stmt.Compartment c) {
            compartment(c);
        } else if (s instanceof Stmt.Verbatim v && !returnZeroIdioms.contains(v)) {
            verbatim(v);
        } else if (s instanceof Stmt.Watch w) {
            unsupported(w.pos(), "WATCH", "events triggered by conditions are not supported");
        } else if (s instanceof Stmt.ForNetcons f) {
            forNetcons(f);
        } else if (s instanceof Stmt.Initial i) {
            statements(i.body());
        } else if (s instanceof Stmt.Protect p) {
            statement(p.assignment());
        } else if (s instanceof Stmt.Keyword k && !Set.of("UNITSON", "UNITSOFF", "MUTEXLOCK", "MUTEXUNLOCK",
                "CONDUCTANCE").contains(k.keyword())) {
            unsupported(k.pos(), k.keyword(), "this SCoP statement has no NEURON meaning");
        }
    }

    /**
     * A VERBATIM statement other than the {@code return 0;} idiom: accepted only as copies of ion variables from the
     * node ({@link IonCopyVerbatim}) where the compiled assignment does what nocmodl's C does.
     */
    private void verbatim(Stmt.Verbatim v) {
        List<IonCopyVerbatim.Copy> copies = IonCopyVerbatim.copies(v.text());
        if (copies.isEmpty()) {
            unsupported(v.pos(), "VERBATIM", "C code cannot run on the JVM");
            return;
        }
        if (Set.of("KINETIC", "LINEAR", "NONLINEAR").contains(block.keyword())) {
            unsupported(v.pos(), "VERBATIM '" + copies.get(0) + ";' in a " + block.keyword() + " block",
                    "not yet (its solver evaluates the block several times)");
            return;
        }
        if (block.body().stream().anyMatch(Stmt.Table.class::isInstance)) {
            unsupported(v.pos(), "VERBATIM '" + copies.get(0) + ";' in a block with a TABLE", "not yet (the table"
                    + " would hold the values of the node it was built at)");
            return;
        }
        for (IonCopyVerbatim.Copy c : copies) {
            String copy = "VERBATIM '" + c + ";'";
            String x = c.source();
            String y = c.target();
            NeuronStmt.UseIon ion = mod.neuron().filter(NeuronStmt.UseIon.class::isInstance)
                    .map(NeuronStmt.UseIon.class::cast)
                    .filter(u -> u.read().contains(x) || u.write().contains(x)).findFirst().orElse(null);
            if (ion == null) {
                error(v.pos(), copy + ": " + x + " is not a variable of a USEION statement of this file, so nocmodl"
                        + " defines no _ion_" + x + " (NEURON's C does not compile)");
            } else if (!ion.read().contains(x) && !x.equals(ion.ion() + "i") && !x.equals(ion.ion() + "o")) {
                unsupported(v.pos(), copy, x + " is written, not READ, so nocmodl never copies it from the node:"
                        + " _ion_" + x + " is the node's value of the other mechanisms (not modelled)");
            } else if (scopes.stream().anyMatch(scope -> scope.containsKey(y))) {
                unsupported(v.pos(), copy, y + " is a LOCAL or an argument here, but the C text assigns the"
                        + " mechanism's " + y + " (nocmodl names its LOCALs and arguments _l" + y + ")");
            } else if (!y.equals(x) && !scalarVariable(y)) {
                unsupported(v.pos(), copy, y + " is not a PARAMETER, ASSIGNED or STATE of this mechanism that is"
                        + " not an array (what the C text would assign is not modelled)");
            }
        }
    }

    /** Whether a PARAMETER, ASSIGNED or STATE declaration of the file declares the name, not as an array. */
    private boolean scalarVariable(String name) {
        return mod.items().stream().filter(Item.Declarations.class::isInstance).map(Item.Declarations.class::cast)
                .filter(d -> Set.of("PARAMETER", "ASSIGNED", "STATE").contains(d.keyword()))
                .flatMap(d -> d.declarations().stream())
                .anyMatch(d -> d.name().equals(name) && d.size() == 0 && !BUILTIN_VARIABLES.contains(name));
    }

    /** nocmodl's two checks of FOR_NETCONS (parse1.ypp, {@code fornetcon}); its arguments name the loop's. */
    private void forNetcons(Stmt.ForNetcons f) {
        if (netReceive == null) {
            error(f.pos(), "FOR_NETCONS is allowed only in NET_RECEIVE (nocmodl: \"FOR_NETCONS\" statement only"
                    + " allowed in NET_RECEIVE block)");
            return;
        }
        if (f.args().size() != netReceive.args().size()) {
            error(f.pos(), "FOR_NETCONS has " + f.args().size() + " argument" + (f.args().size() == 1 ? "" : "s")
                    + ", NET_RECEIVE " + netReceive.args().size() + " (nocmodl: FOR_NETCONS and NET_RECEIVE do not"
                    + " have same number of arguments)");
            return;
        }
        Map<String, Boolean> scope = new HashMap<>();
        f.args().forEach(a -> scope.put(a.name(), false));
        scopes.push(scope);
        statements(f.body());
        scopes.pop();
    }

    private void compartment(Stmt.Compartment c) {
        if (c.keyword().equals("LONGITUDINAL_DIFFUSION")) {
            unsupported(c.pos(), "LONGITUDINAL_DIFFUSION", "diffusion between segments is not modelled");
            return;
        }
        scopes.push(c.index() == null ? new HashMap<>() : new HashMap<>(Map.of(c.index(), false)));
        expr(c.volume());
        scopes.pop();
        // the names are not looked up: nocmodl's massagecompart drops every name that is not a STATE, declared or
        // not (a published KINETIC block lists an undeclared qna beside its STATE qk)
    }

    private void solve(Stmt.Solve s) {
        Item.Block target = callables.get(s.block());
        if (target == null || target.keyword().equals("FUNCTION") || target.keyword().equals("FUNCTION_TABLE")) {
            error(s.pos(), "SOLVE " + s.block() + ": there is no DERIVATIVE, KINETIC, LINEAR, NONLINEAR or"
                    + " PROCEDURE block named " + s.block());
        }
        if (!s.method().isEmpty() && !METHODS.containsKey(s.method())) {
            error(s.pos(), "SOLVE " + s.block() + " METHOD " + s.method() + ": unknown method (known: cnexp,"
                    + " derivimplicit, euler, sparse, runge, ...)");
        } else if (target != null && !s.method().isEmpty()
                && !METHODS.get(s.method()).contains(target.keyword())) {
            // solve.cpp; nocmodl names cnexp derivimplicit by then
            error(s.pos(), "SOLVE " + s.block() + " METHOD " + s.method() + ": METHOD " + s.method() + " can't be"
                    + " used with the " + target.keyword() + " block " + s.block() + " (nocmodl: \"Method "
                    + (s.method().equals("cnexp") ? "derivimplicit" : s.method()) + " can't be used with Block "
                    + s.block() + "\")");
        } else if (target != null && s.method().isEmpty() && target.keyword().equals("KINETIC")) {
            error(s.pos(), "SOLVE " + s.block() + " without METHOD: nocmodl 8.2.2 solves a KINETIC block so by"
                    + " scopmath's _advance_thread, which NEURON 8.2.2 does not have (its library does not load:"
                    + " undefined symbol); write METHOD sparse");
        }
        statements(s.ifError());
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Var v) {
            variable(v);
        } else if (e instanceof Expr.Call c) {
            if (c.name().equals("state_discontinuity")) {
                // nocmodl passes the first argument's address to NEURON's C function, which returns nothing
                error(c.pos(), "state_discontinuity is a statement of its own with a variable and its new value,"
                        + " state_discontinuity(x, value): NEURON's C function takes the variable's address and"
                        + " gives no value");
            }
            // INT(expr) is nocmodl's truncation inside an integer expression (the parser reads it only there)
            if (!c.name().equals("INT") && !BUILTIN_FUNCTIONS.contains(c.name())
                    && !callables.containsKey(c.name())) {
                error(c.pos(), "call of '" + c.name() + "', which is neither a FUNCTION or PROCEDURE of this"
                        + " file nor one of NMODL's functions");
            }
            c.args().forEach(this::expr);
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        }
    }

    /**
     * A variable read or written: declared, indexed when (and only when) it is an array, as nocmodl's
     * {@code varname} rule ("variable is not an array", "variable needs an index").
     */
    private void variable(Expr.Var v) {
        String name = v.name().replace("'", "");
        if (v.index() != null) {
            expr(v.index());
        }
        Boolean array = declared(v.pos(), name);
        if (array == null) {
            return;
        }
        if (v.index() != null && !array) {
            error(v.pos(), "'" + name + "' is indexed but is not an array (nocmodl stops: variable is not an"
                    + " array)");
        } else if (v.index() == null && array) {
            error(v.pos(), "'" + name + "' is an array: write " + name + "[index] (nocmodl stops: variable needs"
                    + " an index)");
        }
    }

    /** Whether the name is an array where it is used; null after reporting it when it is not declared. */
    private Boolean declared(Pos pos, String name) {
        for (Map<String, Boolean> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        if (globals.contains(name) || BUILTIN_VARIABLES.contains(name)) {
            return globalArrays.contains(name);
        }
        error(pos, "'" + name + "' is used but not declared (PARAMETER, ASSIGNED, STATE, LOCAL ...)");
        return null;
    }
}
