package org.spineformer.nmodl.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Decl;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Pos;
import org.spineformer.nmodl.ast.Stmt;
import org.spineformer.nmodl.check.Diagnostic;

/**
 * Java source for a mechanism (SUFFIX or POINT_PROCESS) as a {@link org.spineformer.engine.mech.MechanismBlock}:
 * one column per variable, and every NMODL block a method on one instance {@code k} (so the kernels can later move
 * to loops owned by the engine). It follows nocmodl's C; docs/dev/nmodl.md lists the rules (numbers as doubles,
 * {@code v} copied per instance, ions and NEURON's ion_style, the numerical di/dv, cnexp, derivimplicit and euler,
 * TABLE, NET_RECEIVE).
 *
 * <p>What it cannot make yet it reports, with line and column, as "not supported yet".
 */
public final class JavaGenerator {
    /** The package of generated classes. */
    public static final String PACKAGE = "org.spineformer.nmodl.generated";
    private static final Set<String> MATH = Set.of("exp", "fabs", "sqrt", "sin", "cos", "tan", "acos", "asin",
            "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "log", "log10", "pow", "fmod");
    /** The engine Ion's per-node arrays. */
    private static final List<String> ION_ARRAYS = List.of("reversal", "concentration", "outside", "current");
    private static final Set<String> NOT_FIELDS = Set.of("v", "t", "dt", "celsius", "area", "diam", "secondorder");

    /** The description of a generated mechanism: what the compiler needs beside the source. */
    public record Generated(String mechanismName, Mechanism.Kind kind, String className, String source,
                            List<FieldSpec> fields, String title, boolean writesConcentration,
                            Set<String> reversalPotentialsRead) {
    }

    private final ModFile mod;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int indent;

    private String suffix;
    private Mechanism.Kind kind = Mechanism.Kind.DENSITY;
    /** Top-level LOCALs: one value (or array) per block, shared by its instances as NEURON's are. */
    private final Map<String, Integer> topLocals = new LinkedHashMap<>();
    /** Per-instance variables (fields and hidden), in declaration order. */
    private final Set<String> instanceVars = new LinkedHashSet<>();
    private final Map<String, Double> constants = new LinkedHashMap<>();
    /** Java expressions of constants only -> the static final field holding their value (see num). */
    private final Map<String, String> hoisted = new LinkedHashMap<>();
    /** While translating a derivative equation whose calls are all pure: each call's Java -> its local. */
    private Map<String, String> shared;
    /** True while translating an expression being hoisted (its parts stay in it). */
    private boolean hoisting;
    private final Map<String, Item.Block> functions = new LinkedHashMap<>();
    private final Map<String, Item.Block> procedures = new LinkedHashMap<>();
    private final Map<String, Item.Block> derivatives = new LinkedHashMap<>();
    /** FUNCTION or PROCEDURE name -> its TABLE statement. */
    private final Map<String, Stmt.Table> tables = new LinkedHashMap<>();
    /**
     * ion name -> (ion variable -> role: "reversal", "concentration" (inside), "outside", "current"), the names of
     * the engine Ion's arrays.
     */
    private final Map<String, Map<String, String>> ions = new LinkedHashMap<>();
    private final List<String> currents = new ArrayList<>();
    /** An ELECTRODE_CURRENT mechanism: its current enters the node with the opposite sign. */
    private boolean electrode;
    /** Whether the mechanism calls at_time (its helper is emitted then). */
    private boolean usesAtTime;
    /** Ion variables the mechanism writes (currents, concentrations). */
    private final Set<String> written = new HashSet<>();
    /** ion name -> its charge (USEION's VALENCE, or NEURON's for na, k and ca). */
    private final Map<String, Double> valences = new LinkedHashMap<>();
    private final Set<String> ranges = new HashSet<>();
    private final Deque<Set<String>> locals = new ArrayDeque<>();
    /** The state being solved by cnexp, while translating a DERIVATIVE block; else null. */
    private String derivativeBlock;
    private Item.Block netReceive;
    private NetReceiveLowering netReceiveLowering;
    /** True while translating NET_RECEIVE. */
    private boolean inNetReceive;
    /** True while translating the current phase's evaluations with v as their argument {@code vk}. */
    private boolean vArgument;
    /** True while translating INITIAL (net_send there sends an event of weight 0 from t = 0). */
    private boolean inInitial;
    /** DERIVATIVE block -> the METHOD its SOLVE asks for (cnexp, derivimplicit or euler). */
    private final Map<String, String> methods = new HashMap<>();
    private final Map<String, Item.Block> kineticBlocks = new LinkedHashMap<>();
    private final Map<String, Item.Block> linearBlocks = new LinkedHashMap<>();
    private final Map<String, KineticLowering> kinetics = new LinkedHashMap<>();
    private final Map<String, LinearLowering> linears = new LinkedHashMap<>();
    /** DERIVATIVE blocks solved by derivimplicit whose equations are coupled or nonlinear. */
    private final Map<String, NewtonLowering> newtons = new LinkedHashMap<>();
    /** The block being translated as derivimplicit's residual, else null. */
    NewtonLowering newton;
    /** The KINETIC or LINEAR block being translated (its reactions, equations), else null. */
    KineticLowering kinetic;
    LinearLowering linear;
    /** True while translating a KINETIC block: its dt is the solver's (1e9 for STEADYSTATE), a parameter. */
    boolean kineticDt;
    /** cnexp DERIVATIVE blocks read from tables of v ({@link RateTables}), by name. */
    private final Map<String, RateTables.Plan> ratePlans = new LinkedHashMap<>();
    /**
     * How many times a table of v is rebuilt because an ion variable it reads changed (Migliore's ttx never does;
     * a calcium concentration that one compartment's pool changes would every step) before the block gives up its
     * table.
     */
    private static final int ION_REBUILDS = 3;
    /** While emitting a table's evaluation: each equation's state -> its first output (F; X is the next). */
    private Map<String, Integer> tableOut;
    /** While emitting a table's evaluation: how v is read there, else null (v is c_v[k]). */
    private String vLocal;

    /** True while translating a cnexp equation's slope and f0: math calls of what rarely changes are kept. */
    private boolean memoCalls;
    /** cnexp equations whose slope is of parameters only: the slope and its exponential kept per instance. */
    private final DecayMemo decayMemo = new DecayMemo(this);

    private JavaGenerator(ModFile mod) {
        this.mod = mod;
    }

    /** Generates class {@code className} (simple name) for the mod file; throws with every reason it cannot. */
    public static Generated generate(ModFile mod, String className) {
        JavaGenerator g = new JavaGenerator(mod);
        g.analyse();
        List<FieldSpec> fields = g.problems.isEmpty() ? g.fields() : List.of();
        if (g.problems.isEmpty()) {
            g.emitClass(className);
        }
        if (!g.problems.isEmpty()) {
            throw new NmodlException(g.problems);
        }
        String title = mod.items().stream().filter(Item.Title.class::isInstance).map(i -> ((Item.Title) i).text())
                .findFirst().orElse("compiled from " + mod.file());
        return new Generated(g.suffix, g.kind, className, g.out.toString(), fields, title, g.writesConcentration(),
                g.reversalPotentialsRead());
    }

    void notYet(Pos pos, String what) {
        problems.add(new Diagnostic(mod.file(), pos, what + " is not supported yet"));
    }

    /** An error in the mod file that nocmodl reports too. */
    void error(Pos pos, String what) {
        problems.add(new Diagnostic(mod.file(), pos, what));
    }

    // ---- what the file declares

    private void analyse() {
        mod.neuron().forEach(this::neuronStatement);
        if (suffix == null && problems.isEmpty()) {
            problems.add(new Diagnostic(mod.file(), new Pos(1, 1), "no SUFFIX in the NEURON block"));
        }
        for (Item item : mod.items()) {
            if (item instanceof Item.Declarations d) {
                declarations(d);
            } else if (item instanceof Item.Units u) {
                for (Item.UnitDef def : u.definitions()) {
                    if (def.name() != null) {
                        Double value = def.value() != null ? Double.valueOf(def.value())
                                : UnitConstants.value(def.left(), def.right());
                        if (value == null) {
                            notYet(def.pos(), "the unit conversion (" + def.left() + ") (" + def.right() + ")");
                        } else {
                            constants.put(def.name(), value);
                        }
                    }
                }
            } else if (item instanceof Item.Block b) {
                switch (b.keyword()) {
                    case "FUNCTION" -> {
                        functions.put(b.name(), b);
                        table(b);
                    }
                    case "PROCEDURE" -> {
                        procedures.put(b.name(), b);
                        table(b);
                    }
                    case "DERIVATIVE" -> derivatives.put(b.name(), b);
                    case "KINETIC" -> kineticBlocks.put(b.name(), b);
                    case "LINEAR" -> linearBlocks.put(b.name(), b);
                    case "INITIAL", "BREAKPOINT" -> {
                    }
                    case "NET_RECEIVE" -> {
                        netReceive = b;
                        netReceiveLowering = new NetReceiveLowering(this, b);
                    }
                    default -> notYet(b.pos(), b.keyword() + " (block " + b.name() + ")");
                }
            } else if (item instanceof Item.TopLocal l) {
                for (int i = 0; i < l.names().size(); i++) {
                    topLocals.put(l.names().get(i), l.sizes().get(i));
                }
            }
        }
        ions.values().forEach(vars -> vars.keySet().forEach(instanceVars::add));
        currents.forEach(instanceVars::add);
        Set<String> states = new LinkedHashSet<>();
        mod.declarations("STATE").forEach(d -> states.add(d.name()));
        kineticBlocks.forEach((name, b) -> kinetics.put(name, new KineticLowering(this, b, states)));
        linearBlocks.forEach((name, b) -> linears.put(name, new LinearLowering(this, b, states)));
        mod.blocks("BREAKPOINT").flatMap(b -> b.body().stream()).forEach(st -> {
            if (st instanceof Stmt.Solve sv && sv.method().equals("derivimplicit")
                    && derivatives.containsKey(sv.block()) && NewtonLowering.needed(derivatives.get(sv.block()))) {
                newtons.put(sv.block(), new NewtonLowering(this, derivatives.get(sv.block())));
            }
        });
        planRateTables(states);
    }

    /** Which cnexp DERIVATIVE blocks of the BREAKPOINT's SOLVEs are read from tables of v ({@link RateTables}). */
    private void planRateTables(Set<String> states) {
        Item.Block breakpoint = mod.blocks("BREAKPOINT").findFirst().orElse(null);
        if (breakpoint == null) {
            return;
        }
        Set<String> parameters = new HashSet<>();
        mod.declarations("PARAMETER").forEach(d -> {
            if (instanceVars.contains(d.name()) && !isIonVariable(d.name())) {
                parameters.add(d.name());
            }
        });
        Set<String> ionReads = new HashSet<>();
        Set<String> ionVariables = new HashSet<>();
        ions.values().forEach(vars -> vars.forEach((var, role) -> {
            ionVariables.add(var);
            if (!role.equals("current") && !written.contains(var)) {
                ionReads.add(var);
            }
        }));
        RateTables rt = new RateTables(functions, procedures, tables.keySet(), instanceVars, parameters, states,
                constants.keySet(), ionReads, ionVariables);
        for (Stmt st : breakpoint.body()) {
            if (st instanceof Stmt.Solve sv && sv.method().equals("cnexp") && derivatives.containsKey(sv.block())
                    && !newtons.containsKey(sv.block()) && !ratePlans.containsKey(sv.block())) {
                RateTables.Plan plan = rt.plan(derivatives.get(sv.block()));
                if (plan != null) {
                    ratePlans.put(sv.block(), plan);
                }
            }
        }
    }

    /** Records the TABLE of a FUNCTION or PROCEDURE, checked as nocmodl does (parsact.cpp, table_massage). */
    private void table(Item.Block b) {
        for (Stmt st : b.body()) {
            if (st instanceof Stmt.Table t) {
                if (b.args().size() != 1) {
                    problems.add(new Diagnostic(mod.file(), t.pos(), b.keyword() + " " + b.name() + ": a FUNCTION"
                            + " or PROCEDURE with a TABLE must have exactly one argument"));
                } else if (b.keyword().equals("FUNCTION") && !t.names().isEmpty()) {
                    problems.add(new Diagnostic(mod.file(), t.pos(), "FUNCTION " + b.name() + ": its TABLE cannot"
                            + " name variables"));
                } else if (b.keyword().equals("PROCEDURE") && t.names().isEmpty()) {
                    problems.add(new Diagnostic(mod.file(), t.pos(), "PROCEDURE " + b.name() + ": its TABLE must"
                            + " name the variables it tabulates"));
                } else if (t.points() < 1) {
                    problems.add(new Diagnostic(mod.file(), t.pos(), b.name() + ": TABLE ... WITH needs at least"
                            + " one interval"));
                } else {
                    tables.put(b.name(), t);
                }
            }
        }
    }

    private void neuronStatement(NeuronStmt s) {
        if (s instanceof NeuronStmt.Suffix sfx) {
            if (sfx.keyword().equals("POINT_PROCESS") || sfx.keyword().equals("ARTIFICIAL_CELL")) {
                // an ARTIFICIAL_CELL is a point process placed at a node whose membrane it does not touch (no
                // current; NEURON gives it no v): it receives events and sends them out with net_event
                kind = Mechanism.Kind.POINT_PROCESS;
            } else if (!sfx.keyword().equals("SUFFIX")) {
                notYet(sfx.pos(), sfx.keyword());
            }
            suffix = sfx.name();
        } else if (s instanceof NeuronStmt.UseIon u) {
            Map<String, String> vars = ions.computeIfAbsent(u.ion(), k -> new LinkedHashMap<>());
            String ion = u.ion();
            List<String> all = new ArrayList<>(u.read());
            all.addAll(u.write());
            for (String var : all) {
                String role = var.equals("e" + ion) ? "reversal" : var.equals(ion + "i") ? "concentration"
                        : var.equals(ion + "o") ? "outside" : var.equals("i" + ion) ? "current" : null;
                if (role == null) {
                    notYet(u.pos(), "USEION " + ion + " with the variable " + var);
                } else {
                    vars.put(var, role);
                }
            }
            for (String w : u.write()) {
                if (w.equals("e" + ion)) {
                    notYet(u.pos(), "USEION " + ion + " WRITE " + w + " (a reversal potential written by a"
                            + " mechanism)");
                }
                written.add(w);
            }
            Double z = !Double.isNaN(u.valence()) ? Double.valueOf(u.valence()) : switch (ion) {
                case "na", "k" -> 1.0;
                case "ca" -> 2.0;
                default -> null;
            };
            if (z != null) {
                valences.put(ion, z);
            } else if (vars.containsValue("reversal") || u.write().stream().anyMatch(w -> !w.equals("i" + ion))) {
                notYet(u.pos(), "USEION " + ion + " without VALENCE (its Nernst potential needs the charge)");
            }
        } else if (s instanceof NeuronStmt.Names n) {
            switch (n.keyword()) {
                case "NONSPECIFIC_CURRENT" -> currents.addAll(n.names());
                case "ELECTRODE_CURRENT" -> {
                    // injected into the cell (positive depolarizes): nocmodl's nrn_cur adds it to the right-hand
                    // side and subtracts its slope from the diagonal, for the mechanism's whole current
                    currents.addAll(n.names());
                    electrode = true;
                }
                case "RANGE" -> ranges.addAll(n.names());
                case "GLOBAL", "THREADSAFE" -> {
                }
                default -> notYet(n.pos(), n.keyword());
            }
        }
    }

    private void declarations(Item.Declarations d) {
        for (Decl decl : d.declarations()) {
            if (decl.size() > 0) {
                notYet(decl.pos(), "the array " + decl.name() + "[" + decl.size() + "]");
                continue;
            }
            switch (d.keyword()) {
                case "CONSTANT" -> constants.put(decl.name(), Double.valueOf(decl.value()));
                case "PARAMETER", "ASSIGNED", "STATE" -> {
                    if (!NOT_FIELDS.contains(decl.name())) {
                        instanceVars.add(decl.name());
                    } else if (decl.name().equals("diam") || decl.name().equals("secondorder")) {
                        notYet(decl.pos(), "the variable " + decl.name());
                    }
                }
                case "INDEPENDENT" -> {
                }
                default -> notYet(decl.pos(), d.keyword() + " block");
            }
        }
    }

    private boolean isIonVariable(String name) {
        return ions.values().stream().anyMatch(m -> m.containsKey(name));
    }

    /** The fields: parameters, then states, then assigned variables (ion variables among them). */
    private List<FieldSpec> fields() {
        List<FieldSpec> params = new ArrayList<>();
        List<FieldSpec> states = new ArrayList<>();
        List<FieldSpec> assigned = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String keyword : List.of("PARAMETER", "STATE", "ASSIGNED")) {
            mod.declarations(keyword).forEach(decl -> {
                String name = decl.name();
                if (NOT_FIELDS.contains(name) || !done.add(name)) {
                    return;
                }
                String unit = decl.unit().isEmpty() ? "1" : decl.unit();
                String scope = ranges.contains(name) ? "RANGE" : "not RANGE in the mod file: one value per instance";
                if (isIonVariable(name)) {
                    assigned.add(FieldSpec.assigned(name, unit, "ion variable (" + ionRole(name) + ")"));
                } else if (keyword.equals("PARAMETER")) {
                    double dflt = decl.value() == null ? 0 : Double.parseDouble(decl.value());
                    // without <lo, hi> any number but NaN, infinities too, as a NEURON variable (an infinite
                    // threshold is how the paper's cell switches potentiation off)
                    double lo = decl.low() == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(decl.low());
                    double hi = decl.high() == null ? Double.POSITIVE_INFINITY : Double.parseDouble(decl.high());
                    if (dflt < lo || dflt > hi) {
                        // NEURON never enforces <lo, hi> (hints for its GUI): a file whose own default lies
                        // outside them (release.mod's tauGen = 0 <1e-6, 1e9>) runs with it
                        lo = Double.NEGATIVE_INFINITY;
                        hi = Double.POSITIVE_INFINITY;
                    }
                    params.add(FieldSpec.parameter(name, unit, dflt, lo, hi, "PARAMETER (" + scope + ")"));
                } else if (keyword.equals("STATE")) {
                    states.add(FieldSpec.state(name, unit, "STATE"));
                } else {
                    assigned.add(FieldSpec.assigned(name, unit, "ASSIGNED (" + scope + ")"));
                }
            });
        }
        for (String name : instanceVars) {
            if (done.add(name)) {
                assigned.add(FieldSpec.assigned(name, "1", isIonVariable(name) ? "ion variable (" + ionRole(name)
                        + ")" : "nonspecific current"));
            }
        }
        List<FieldSpec> all = new ArrayList<>(params);
        all.addAll(states);
        all.addAll(assigned);
        return all;
    }

    private String ionRole(String name) {
        for (Map.Entry<String, Map<String, String>> e : ions.entrySet()) {
            String role = e.getValue().get(name);
            if (role != null) {
                return role + " of " + e.getKey() + (written.contains(name) ? ", written" : ", read");
            }
        }
        return "";
    }

    // ---- the class

    void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    void open(String text) {
        line(text + " {");
        indent++;
    }

    void close() {
        indent--;
        line("}");
    }

    private void emitClass(String className) {
        line("package " + PACKAGE + ";");
        line("");
        line("import org.spineformer.engine.mech.CellState;");
        line("import org.spineformer.engine.mech.Mechanism;");
        line("import org.spineformer.engine.mech.MechanismBlock;");
        line("");
        line("/** Generated by Spineformer's NMODL compiler from " + mod.file().replace("*/", "* /") + "; do not edit. */");
        open("public final class " + className + " extends MechanismBlock");
        for (Map.Entry<String, Double> c : constants.entrySet()) {
            line("private static final double K_" + c.getKey() + " = " + literal(c.getValue()) + ";");
        }
        for (String v : instanceVars) {
            line("private final double[] c_" + v + " = column(\"" + v + "\");");
        }
        for (Map.Entry<String, Integer> l : topLocals.entrySet()) {
            line(l.getValue() == 0 ? "private double g_" + l.getKey() + ";"
                    : "private final double[] g_" + l.getKey() + " = new double[" + l.getValue() + "];");
        }
        if (netReceive != null) {
            line("private CellState state;");
        }
        kinetics.values().forEach(KineticLowering::emitFields);
        if (netReceiveLowering != null) {
            netReceiveLowering.emitFields();
        }
        newtons.values().forEach(NewtonLowering::emitFields);
        linears.values().forEach(LinearLowering::emitFields);
        line("/** Each instance's copy of its node's potential (NMODL's v). */");
        line("private final double[] c_v;");
        for (String ion : ions.keySet()) {
            line("private org.spineformer.engine.mech.Ion ion_" + ion + ";");
            for (String role : ION_ARRAYS) {
                line("private double[] ion_" + ion + "_" + role + ";");
            }
        }
        if (!tables.isEmpty() || !ratePlans.isEmpty()) {
            line("/** NEURON's usetable_<suffix>, and the tables of v: tables (1, the default) or the exact functions"
                    + " (0). */");
            line("private boolean useTables = true;");
        }
        ratePlans.values().forEach(this::emitRateTableFields);
        for (Map.Entry<String, Stmt.Table> t : tables.entrySet()) {
            String f = t.getKey();
            for (String var : tabulated(f)) {
                line("private final double[] tab_" + f + "_" + var + " = new double[" + (t.getValue().points() + 1)
                        + "];");
            }
            line("private double tmin_" + f + ", mfac_" + f + ";");
            line("private boolean made_" + f + ";");
            for (int j = 0; j < t.getValue().depends().size(); j++) {
                line("private double sav_" + f + "_" + j + ";");
            }
        }
        line("");
        open("public " + className + "(Mechanism mechanism, int[] nodes)");
        line("super(mechanism, nodes);");
        line("c_v = new double[size];");
        close();
        line("");
        open("@Override public void attach(CellState s)");
        if (netReceive != null) {
            line("state = s;");
        }
        for (String ion : ions.keySet()) {
            line("ion_" + ion + " = s.ion(\"" + ion + "\");");
            for (String role : ION_ARRAYS) {
                line("ion_" + ion + "_" + role + " = ion_" + ion + "." + role + ";");
            }
            if (writesConcentration(ion)) {
                line("ion_" + ion + ".nernstCharge = " + literal(valences.get(ion)) + ";");
            }
        }
        close();
        emitPhases();
        if (!tables.isEmpty()) {
            emitTables();
        }
        if (!tables.isEmpty() || !ratePlans.isEmpty()) {
            line("");
            open("@Override public void setUseTables(boolean useTables)");
            line("this.useTables = useTables;");
            close();
        }
        ratePlans.values().forEach(this::emitRateTableMethods);
        for (Item.Block f : functions.values()) {
            emitFunction(f);
        }
        for (Item.Block p : procedures.values()) {
            emitProcedure(p);
        }
        for (Item.Block d : derivatives.values()) {
            emitDerivative(d);
        }
        for (KineticLowering kin : kinetics.values()) {
            kin.emitMethods(solvedAt(kin.name()));
        }
        for (LinearLowering lin : linears.values()) {
            lin.emitMethod(solvedAt(lin.name()));
        }
        if (!kinetics.isEmpty() || !linears.isEmpty() || !newtons.isEmpty()) {
            KineticLowering.emitSimeq(this);
        }
        if (netReceive != null) {
            emitNetReceive();
        }
        decayMemo.emitFields();
        if (usesAtTime) {
            line("");
            line("/** NEURON's at_time(te) in a fixed step (cvodestb.cpp): 1 in the step whose t reaches te - 1e-11. */");
            open("private static double atTime(double te, CellState s)");
            line("double x = te - 1e-11;");
            line("return x <= s.t && x > s.t - s.dt ? 1.0 : 0.0;");
            close();
        }
        if (!hoisted.isEmpty()) {
            line("");
            line("/** Operations on constants only, evaluated once (after the K_ constants they may use). */");
            hoisted.forEach((java, field) -> line("private static final double " + field + " = " + java + ";"));
        }
        close();
    }

    /** "file:line: SOLVE block" for a solver's run-time error, as a Java string's content. */
    private String solvedAt(String block) {
        Item.Block b = kineticBlocks.containsKey(block) ? kineticBlocks.get(block)
                : linearBlocks.containsKey(block) ? linearBlocks.get(block) : derivatives.get(block);
        String text = mod.file() + ":" + b.pos().line() + ": " + b.keyword() + " " + block;
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** NET_RECEIVE: receive() (t is the event's time te), and per-connection state ({@link NetReceiveLowering}). */
    private void emitNetReceive() {
        if (kind != Mechanism.Kind.POINT_PROCESS) {
            notYet(netReceive.pos(), "NET_RECEIVE outside a POINT_PROCESS");
        }
        inNetReceive = true;
        netReceiveLowering.emitReceive();
        inNetReceive = false;
        netReceiveLowering.emitConnections();
    }

    /**
     * Copies the node's potential and the ion variables into instance k's columns (a concentration the mechanism
     * writes too: it integrates from the ion's value), all but the currents it writes. In the current phase, first
     * the reversal potential of an ion whose concentration some mechanism writes follows it by Nernst (NEURON's
     * ion_cur with eadvance; every block reading or writing it does so, with the same concentrations, so the
     * order of blocks does not matter).
     */
    private void readNode(boolean currentPhase) {
        readNode(currentPhase, null);
    }

    /** As {@link #readNode(boolean)}; in the current phase, only what {@code phase} reads (null: everything). */
    private void readNode(boolean currentPhase, CurrentPhase phase) {
        line("int nd = node[k];");
        if (phase == null || !phase.vAsArgument()) {
            line("c_v[k] = s.v[nd];");
        }
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            String x = ion.getKey();
            if (currentPhase && (ion.getValue().containsValue("reversal") || writesConcentration(x))) {
                open("if (ion_" + x + ".nernstCharge != 0.0)");
                line("ion_" + x + "_reversal[nd] = nernst(ion_" + x + "_concentration[nd], ion_" + x
                        + "_outside[nd], ion_" + x + ".nernstCharge, s.celsius);");
                close();
            }
            ion.getValue().forEach((var, role) -> {
                if (!(role.equals("current") && written.contains(var)) && (phase == null || phase.reads(var))) {
                    line("c_" + var + "[k] = ion_" + x + "_" + role + "[nd];");
                }
            });
        }
    }

    /**
     * After INITIAL or the state update: the concentrations written go back to the ion; after INITIAL the reversal
     * potential of an ion whose concentration the mechanism reads or writes follows by Nernst (NEURON's einit).
     */
    private void writeNode(boolean initialization) {
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            String x = ion.getKey();
            for (Map.Entry<String, String> var : ion.getValue().entrySet()) {
                if (written.contains(var.getKey()) && !var.getValue().equals("current")) {
                    line("ion_" + x + "_" + var.getValue() + "[nd] = c_" + var.getKey() + "[k];");
                }
            }
            boolean readsConcentration = ion.getValue().containsValue("concentration")
                    || ion.getValue().containsValue("outside");
            if (initialization && readsConcentration && valences.containsKey(x)) {
                line("ion_" + x + "_reversal[nd] = nernst(ion_" + x + "_concentration[nd], ion_" + x
                        + "_outside[nd], " + literal(valences.get(x)) + ", s.celsius);");
            }
        }
    }

    private boolean writesConcentration(String ion) {
        return ions.get(ion).entrySet().stream()
                .anyMatch(e -> written.contains(e.getKey()) && !e.getValue().equals("current"));
    }

    /** The ions whose reversal potential the mechanism reads ({@code USEION na READ ena}: "na"). */
    private Set<String> reversalPotentialsRead() {
        Set<String> read = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            if (ion.getValue().containsValue("reversal")) {
                read.add(ion.getKey());
            }
        }
        return Set.copyOf(read);
    }

    private boolean writesConcentration() {
        return ions.keySet().stream().anyMatch(this::writesConcentration);
    }

    /** Whether any phase may compute a Nernst potential: the mechanism reads a reversal or a concentration. */
    private boolean usesNernst() {
        return ions.values().stream().anyMatch(m -> m.containsValue("concentration") || m.containsValue("outside")
                || m.containsValue("reversal"));
    }

    private void emitPhases() {
        Item.Block initial = mod.blocks("INITIAL").findFirst().orElse(null);
        Item.Block breakpoint = mod.blocks("BREAKPOINT").findFirst().orElse(null);
        List<Stmt> currentBody = new ArrayList<>();
        List<Stmt.Solve> solves = new ArrayList<>();
        if (breakpoint != null) {
            for (Stmt s : breakpoint.body()) {
                if (s instanceof Stmt.Solve sv) {
                    solves.add(sv);
                } else {
                    currentBody.add(s);
                }
            }
        }
        line("");
        open("@Override public void initialize(CellState s)");
        if (!tables.isEmpty()) {
            line("checkTables(s);");
        }
        open("for (int k = 0; k < size; k++)");
        readNode(false);
        // NEURON starts each state at its START value (0 by default) before INITIAL
        // (an ion concentration state starts from the ion's value instead)
        mod.declarations("STATE").filter(d -> !isIonVariable(d.name())).forEach(d -> line("c_" + d.name()
                + "[k] = " + literal(d.start() == null ? 0 : Double.parseDouble(d.start())) + ";"));
        if (initial != null) {
            line("init(k, s);");
        }
        writeNode(true);
        close();
        if (netReceiveLowering != null && netReceiveLowering.perConnection()) {
            line("initConnections(s);");
        }
        close();
        if (initial != null) {
            line("");
            open("private void init(int k, CellState s)");
            inInitial = true;
            body(initial.body(), Set.of());
            inInitial = false;
            close();
        }
        emitCurrents(new CurrentPhase(currentBody, netReceive, functions, procedures, instanceVars,
                e -> callsOnlyPure(e, new HashSet<>())));
        line("");
        open("@Override public void advance(CellState s)");
        ratePlans.keySet().forEach(b -> line("checkRateTable_" + b + "(s);"));
        open("for (int k = 0; k < size; k++)");
        readNode(false);
        for (Stmt.Solve sv : solves) {
            if (derivatives.containsKey(sv.block())) {
                if (!Set.of("cnexp", "derivimplicit", "euler").contains(sv.method())) {
                    notYet(sv.pos(), "SOLVE " + sv.block() + " METHOD " + (sv.method().isEmpty() ? "(none)"
                            : sv.method()) + " (cnexp, derivimplicit and euler are compiled so far)");
                }
                methods.put(sv.block(), sv.method());
                line((ratePlans.containsKey(sv.block()) ? "tabulated_" : "d_") + sv.block() + "(k, s);");
            } else if (kinetics.containsKey(sv.block()) && sv.method().equals("sparse") && !sv.steadyState()) {
                line("sparse_" + sv.block() + "(k, s, s.dt, " + kinetics.get(sv.block()).isLinear() + ");");
            } else if (procedures.containsKey(sv.block()) && sv.method().isEmpty()) {
                line("p_" + sv.block() + "(k, s);");
            } else {
                notYet(sv.pos(), "SOLVE " + sv.block() + (sv.method().isEmpty() ? "" : " METHOD " + sv.method()));
            }
        }
        writeNode(false);
        close();
        close();
        if (usesNernst()) {
            line("");
            line("/** NEURON's nrn_nernst (mV), with its modern gas constant and Faraday constant. */");
            open("private static double nernst(double ci, double co, double z, double celsius)");
            line("if (z == 0.0) { return 0.0; }");
            line("if (ci <= 0.0) { return 1e6; }");
            line("if (co <= 0.0) { return -1e6; }");
            line("return 1000.0 * " + literal(UnitConstants.GAS_CONSTANT) + " * (celsius + 273.15) / "
                    + literal(UnitConstants.FARADAY) + " / z * Math.log(co / ci);");
            close();
        }
    }

    /**
     * The current phase (nocmodl's nrn_cur): the BREAKPOINT without its SOLVE evaluated at v + 0.001 and at v, di/dv
     * their difference over 0.001, the ion currents added to the ions. What {@link CurrentPhase} finds gives the same
     * values in both evaluations is run once before them; v is passed as an argument when nothing else reads it
     * from the column; a BREAKPOINT without statements or currents adds nothing (d += 0.0 and rhs -= 0.0 change no
     * value: d starts each step at +0.0, so it is never -0.0).
     */
    private void emitCurrents(CurrentPhase phase) {
        List<String> terms = new ArrayList<>();
        ions.values().forEach(m -> m.forEach((var, role) -> {
            if (role.equals("current") && written.contains(var)) {
                terms.add("c_" + var + "[k]");
            }
        }));
        currents.forEach(c -> terms.add("c_" + c + "[k]"));
        boolean evaluate = !terms.isEmpty() || !phase.twice().isEmpty();
        line("");
        open("@Override public void currents(CellState s)");
        if (!tables.isEmpty()) {
            line("checkTables(s);");
        }
        open("for (int k = 0; k < size; k++)");
        readNode(true, phase);
        if (!phase.once().isEmpty()) {
            line("currentOnce(k, s);");
        }
        if (evaluate) {
            if (phase.vAsArgument()) {
                line("double g = current(k, s, s.v[nd] + 0.001);");
                line("double i = current(k, s, s.v[nd]);");
            } else {
                line("c_v[k] = s.v[nd] + 0.001;");
                line("double g = current(k, s);");
                line("c_v[k] = s.v[nd];");
                line("double i = current(k, s);");
            }
            line("g = (g - i) / 0.001;");
            // a point process's currents are in nA: 100/area (s.pointScale) makes them densities, as nocmodl's
            // nrn_cur
            String scale = kind == Mechanism.Kind.POINT_PROCESS ? " * s.pointScale[nd]" : "";
            for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
                ion.getValue().forEach((var, role) -> {
                    if (role.equals("current") && written.contains(var)) {
                        line("ion_" + ion.getKey() + "_current[nd] += c_" + var + "[k]" + scale + ";");
                    }
                });
            }
            line("s.rhs[nd] " + (electrode ? "+=" : "-=") + " i" + scale + ";");
            line("s.d[nd] " + (electrode ? "-=" : "+=") + " g" + scale + ";");
        }
        close();
        close();
        if (!phase.once().isEmpty()) {
            line("");
            line("/** The BREAKPOINT's statements that give the same values at v + 0.001 and at v, run once. */");
            open("private void currentOnce(int k, CellState s)");
            body(phase.once(), Set.of());
            close();
        }
        if (evaluate) {
            line("");
            line("/** The rest of the BREAKPOINT without its SOLVE at v: the total outward current (mA/cm2, or nA). */");
            open("private double current(int k, CellState s" + (phase.vAsArgument() ? ", double vk" : "") + ")");
            vArgument = phase.vAsArgument();
            body(phase.twice(), Set.of());
            vArgument = false;
            line("return " + (terms.isEmpty() ? "0.0" : String.join(" + ", terms)) + ";");
            close();
        }
    }

    private void emitFunction(Item.Block f) {
        line("");
        boolean tabled = tables.containsKey(f.name());
        if (tabled) {
            emitLookup(f);
        }
        open("private double " + (tabled ? "fx_" : "f_") + f.name() + "(int k, CellState s" + params(f.args())
                + ")");
        line("double l_" + f.name() + " = 0.0;");
        Set<String> scope = new HashSet<>(argNames(f.args()));
        scope.add(f.name());
        body(f.body(), scope);
        line("return l_" + f.name() + ";");
        close();
    }

    private void emitProcedure(Item.Block p) {
        line("");
        boolean tabled = tables.containsKey(p.name());
        if (tabled) {
            emitLookup(p);
        }
        open("private void " + (tabled ? "px_" : "p_") + p.name() + "(int k, CellState s" + params(p.args())
                + ")");
        body(p.body(), new HashSet<>(argNames(p.args())));
        close();
    }

    private void emitRateTableFields(RateTables.Plan p) {
        String b = p.block();
        line("/** DERIVATIVE " + b + " as a table of v (RateTables): per state F and X, then " + p.outputs() + ". */");
        line("private org.spineformer.nmodl.gen.VoltageTable rateTable_" + b + ";");
        line("private boolean rateTableOn_" + b + ";");
        line("private double rateTableDt_" + b + " = Double.NaN, rateTableCelsius_" + b + " = Double.NaN;");
        for (String param : p.parameters()) {
            line("private double rateTable_" + b + "_" + param + " = Double.NaN;");
        }
        for (String var : p.ionInputs()) {
            line("private double rateTable_" + b + "_" + var + " = Double.NaN;");
        }
        if (!p.ionInputs().isEmpty()) {
            line("/** Rebuilds because an ion variable changed; beyond " + ION_REBUILDS + " the block runs exactly. */");
            line("private int rateTableIonRebuilds_" + b + ";");
        }
        line("private CellState rateTableState_" + b + ";");
        List<String> at = new ArrayList<>();
        p.comparedWith().forEach(e -> at.add(num(e)));
        // an instance field: initialized after the static C_n constants it may use
        line("private final double[] rateTableExactAt_" + b + " = {" + String.join(", ", at) + "};");
    }

    /** The engine Ion's per-node array that ion variable {@code var} is read from ("ion_na_reversal"). */
    private String ionArray(String var) {
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            if (ion.getValue().containsKey(var)) {
                return "ion_" + ion.getKey() + "_" + ion.getValue().get(var);
            }
        }
        throw new IllegalStateException(var + " is not an ion variable");
    }

    private void emitRateTableMethods(RateTables.Plan p) {
        String b = p.block();
        String table = "rateTable_" + b;
        line("");
        line("/** Uses the table of " + b + " when tables are on and its parameters are the same in every instance;"
                + " rebuilds it when dt, celsius or those change. */");
        open("private void checkRateTable_" + b + "(CellState s)");
        line("rateTableOn_" + b + " = false;");
        open("if (!useTables || size == 0)");
        line("return;");
        close();
        List<String> changed = new ArrayList<>(List.of(table + " == null", "s.dt != rateTableDt_" + b,
                "s.celsius != rateTableCelsius_" + b));
        for (String param : p.parameters()) {
            String col = "c_" + param;
            open("for (int k = 1; k < size; k++)");
            open("if (!(" + col + "[k] == " + col + "[0]))");
            line("return;");
            close();
            close();
            changed.add(col + "[0] != rateTable_" + b + "_" + param);
        }
        // an ion variable is read from the ion's per-node array: the columns are copied later, per instance
        List<String> ionChanged = new ArrayList<>();
        for (String var : p.ionInputs()) {
            String array = ionArray(var);
            open("for (int k = 1; k < size; k++)");
            open("if (!(" + array + "[node[k]] == " + array + "[node[0]]))");
            line("return;");
            close();
            close();
            ionChanged.add(array + "[node[0]] != rateTable_" + b + "_" + var);
        }
        if (!ionChanged.isEmpty()) {
            // a concentration that one compartment's pool changes every step would rebuild the table every step
            open("if (" + table + " != null && (" + String.join(" || ", ionChanged) + "))");
            open("if (rateTableIonRebuilds_" + b + " == " + ION_REBUILDS + ")");
            line("return;");
            close();
            line("rateTableIonRebuilds_" + b + "++;");
            close();
            changed.addAll(ionChanged);
        }
        open("if (" + String.join(" || ", changed) + ")");
        line("rateTableState_" + b + " = s;");
        line("rateTableDt_" + b + " = s.dt;");
        line("rateTableCelsius_" + b + " = s.celsius;");
        for (String param : p.parameters()) {
            line("rateTable_" + b + "_" + param + " = c_" + param + "[0];");
        }
        for (String var : p.ionInputs()) {
            line("rateTable_" + b + "_" + var + " = " + ionArray(var) + "[node[0]];");
        }
        line(table + " = new org.spineformer.nmodl.gen.VoltageTable(" + p.width()
                + ", new org.spineformer.engine.table.RateTable.Functions() {");
        indent++;
        open("public void evaluate(double x, double[] out)");
        line("rateTableEvaluate_" + b + "(x, rateTableState_" + b + ", out);");
        close();
        indent--;
        line("}, rateTableExactAt_" + b + ");");
        close();
        line("rateTableOn_" + b + " = true;");
        close();

        line("");
        line("/** The table's functions at v = x: the block run on instance 0's columns, which are restored. */");
        open("private void rateTableEvaluate_" + b + "(double x, CellState s, double[] out)");
        line("int k = 0;");
        line("double saved_v = c_v[0];");
        line("c_v[0] = x;");
        for (String w : p.outputs()) {
            line("double saved_" + w + " = c_" + w + "[k];");
        }
        for (String var : p.ionInputs()) {
            line("double saved_" + var + " = c_" + var + "[k];");
            line("c_" + var + "[k] = rateTable_" + b + "_" + var + ";");
        }
        tableOut = new LinkedHashMap<>();
        for (int j = 0; j < p.states().size(); j++) {
            tableOut.put(p.states().get(j), 2 * j);
        }
        derivativeBlock = b;
        vLocal = "c_v[0]"; // the instance the block runs on, as its PROCEDUREs read it (c_v[k] with k = 0)
        open("");
        body(derivatives.get(b).body(), Set.of());
        close();
        vLocal = null;
        derivativeBlock = null;
        tableOut = null;
        for (int j = 0; j < p.outputs().size(); j++) {
            String w = p.outputs().get(j);
            line("out[" + (2 * p.states().size() + j) + "] = c_" + w + "[k];");
            line("c_" + w + "[k] = saved_" + w + ";");
        }
        if (p.writesV()) {
            // where the block moves v (a file's nudge off a 0/0) the table is not used: NaN fails its check
            open("if (c_v[0] != x)");
            line("java.util.Arrays.fill(out, Double.NaN);");
            close();
        }
        line("c_v[0] = saved_v;");
        for (String var : p.ionInputs()) {
            line("c_" + var + "[k] = saved_" + var + ";");
        }
        close();

        line("");
        line("/** DERIVATIVE " + b + " by cnexp from the table of v, or exactly where the table is not used. */");
        open("private void tabulated_" + b + "(int k, CellState s)");
        line("double u = rateTableOn_" + b + " ? " + table + ".position(c_v[k]) : -1.0;");
        open("if (u < 0.0)");
        line("d_" + b + "(k, s);");
        line("return;");
        close();
        line("int c = " + table + ".start(u);");
        line("double t = u - (int) u;");
        for (int j = 0; j < p.states().size(); j++) {
            String x = "c_" + p.states().get(j) + "[k]";
            line(x + " = " + x + " + " + table + ".value(c, " + 2 * j + ", t) * (" + table + ".value(c, " + (2 * j + 1)
                    + ", t) - " + x + ");");
        }
        for (int j = 0; j < p.outputs().size(); j++) {
            line("c_" + p.outputs().get(j) + "[k] = " + table + ".value(c, " + (2 * p.states().size() + j)
                    + ", t);");
        }
        close();
    }

    /** The variables a table holds: the FUNCTION's value, or the PROCEDURE's TABLE names. */
    private List<String> tabulated(String name) {
        return functions.containsKey(name) ? List.of(name) : tables.get(name).names();
    }

    /**
     * checkTables: nocmodl's _check_ functions, run before each current phase and at initialization (NEURON's
     * nrn_thread_table_check) with instance 0, rebuilding a table when it was never made or a DEPEND changed.
     */
    private void emitTables() {
        line("");
        open("private void checkTables(CellState s)");
        open("if (!useTables || size == 0)");
        line("return;");
        close();
        for (String f : tables.keySet()) {
            line("check_" + f + "(s);");
        }
        close();
        for (Map.Entry<String, Stmt.Table> e : tables.entrySet()) {
            String f = e.getKey();
            Stmt.Table t = e.getValue();
            boolean function = functions.containsKey(f);
            line("");
            open("private void check_" + f + "(CellState s)");
            line("int k = 0;");
            line("boolean make = !made_" + f + ";");
            locals.push(new HashSet<>());
            for (int j = 0; j < t.depends().size(); j++) {
                String dep = ref(new Expr.Var(t.pos(), t.depends().get(j), null));
                open("if (sav_" + f + "_" + j + " != " + dep + ")");
                line("make = true;");
                close();
            }
            open("if (make)");
            line("made_" + f + " = true;");
            line("tmin_" + f + " = " + num(t.from()) + ";");
            line("double tmax = " + num(t.to()) + ";");
            line("double dx = (tmax - tmin_" + f + ") / " + literal(t.points()) + ";");
            line("mfac_" + f + " = 1.0 / dx;");
            line("double x = tmin_" + f + ";");
            open("for (int i = 0; i < " + (t.points() + 1) + "; x += dx, i++)");
            if (function) {
                line("tab_" + f + "_" + f + "[i] = fx_" + f + "(k, s, x);");
            } else {
                line("px_" + f + "(k, s, x);");
                for (String var : t.names()) {
                    line("tab_" + f + "_" + var + "[i] = " + ref(new Expr.Var(t.pos(), var, null)) + ";");
                }
            }
            close();
            for (int j = 0; j < t.depends().size(); j++) {
                line("sav_" + f + "_" + j + " = " + ref(new Expr.Var(t.pos(), t.depends().get(j), null)) + ";");
            }
            close();
            locals.pop();
            close();
        }
    }

    /** The tabulated function's entry point: NEURON's _n_ lookup (linear, held at the ends) or the exact body. */
    private void emitLookup(Item.Block b) {
        boolean function = b.keyword().equals("FUNCTION");
        String f = b.name();
        Stmt.Table t = tables.get(f);
        String arg = "l_" + b.args().get(0).name();
        open("private " + (function ? "double f_" : "void p_") + f + "(int k, CellState s, double " + arg + ")");
        open("if (!useTables)");
        line((function ? "return fx_" : "px_") + f + "(k, s, " + arg + ");" + (function ? "" : " return;"));
        close();
        line("double xi = mfac_" + f + " * (" + arg + " - tmin_" + f + ");");
        locals.push(new HashSet<>());
        if (function) {
            String tab = "tab_" + f + "_" + f;
            open("if (Double.isNaN(xi))");
            line("return xi;");
            close();
            open("if (xi <= 0.0)");
            line("return " + tab + "[0];");
            close();
            open("if (xi >= " + literal(t.points()) + ")");
            line("return " + tab + "[" + t.points() + "];");
            close();
            line("int i = (int) xi;");
            line("return " + tab + "[i] + (xi - (double) i) * (" + tab + "[i + 1] - " + tab + "[i]);");
        } else {
            open("if (Double.isNaN(xi))");
            for (String var : t.names()) {
                line(ref(new Expr.Var(t.pos(), var, null)) + " = xi;");
            }
            line("return;");
            close();
            open("if (xi <= 0.0)");
            for (String var : t.names()) {
                line(ref(new Expr.Var(t.pos(), var, null)) + " = tab_" + f + "_" + var + "[0];");
            }
            line("return;");
            close();
            open("if (xi >= " + literal(t.points()) + ")");
            for (String var : t.names()) {
                line(ref(new Expr.Var(t.pos(), var, null)) + " = tab_" + f + "_" + var + "[" + t.points() + "];");
            }
            line("return;");
            close();
            line("int i = (int) xi;");
            line("double theta = xi - (double) i;");
            for (String var : t.names()) {
                String tab = "tab_" + f + "_" + var;
                line(ref(new Expr.Var(t.pos(), var, null)) + " = " + tab + "[i] + theta * (" + tab + "[i + 1] - "
                        + tab + "[i]);");
            }
        }
        locals.pop();
        close();
        line("");
    }

    /**
     * A DERIVATIVE block as its SOLVE's method has it: cnexp (each state in place, in order, as nocmodl), or
     * derivimplicit (backward Euler: x = (x + dt f0) / (1 - dt a) for f = f0 + a x, what NEURON's Newton iteration
     * converges to) or euler (x = x + dt f) when the equations are uncoupled, so that solving them one after the
     * other is solving them together; anything else is reported.
     */
    private void emitDerivative(Item.Block d) {
        String method = methods.getOrDefault(d.name(), "cnexp");
        if (newtons.containsKey(d.name())) {
            derivativeBlock = d.name();
            newtons.get(d.name()).emitMethods(solvedAt(d.name()));
            derivativeBlock = null;
            return;
        }
        if (!method.equals("cnexp")) {
            checkUncoupled(d, method);
        }
        line("");
        line("/** DERIVATIVE " + d.name() + " solved by " + method + ". */");
        open("private void d_" + d.name() + "(int k, CellState s)");
        derivativeBlock = d.name();
        body(d.body(), Set.of());
        derivativeBlock = null;
        close();
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
            if (!expressions(st, used)) {
                notYet(st.pos(), "this statement in a DERIVATIVE block solved by " + method);
                continue;
            }
            for (String x : states) {
                if (!x.equals(own) && used.stream().anyMatch(e -> Linear.dependsOn(e, x))) {
                    notYet(st.pos(), method + " of coupled equations (" + x + " is used here)");
                }
            }
        }
    }

    /** Adds every expression a statement evaluates to {@code into}; false for a statement not expected here. */
    static boolean expressions(Stmt st, List<Expr> into) {
        if (st instanceof Stmt.Assign a) {
            into.add(a.value());
            return true;
        }
        if (st instanceof Stmt.CallStmt c) {
            into.addAll(c.call().args());
            return true;
        }
        if (st instanceof Stmt.If i) {
            into.add(i.condition());
            boolean ok = true;
            for (Stmt inner : i.then()) {
                ok &= expressions(inner, into);
            }
            for (Stmt inner : i.otherwise()) {
                ok &= expressions(inner, into);
            }
            return ok;
        }
        return st instanceof Stmt.Local || st instanceof Stmt.Keyword || st instanceof Stmt.Comment;
    }

    private static String params(List<Arg> args) {
        StringBuilder b = new StringBuilder();
        for (Arg a : args) {
            b.append(", double l_").append(a.name());
        }
        return b.toString();
    }

    private static List<String> argNames(List<Arg> args) {
        return args.stream().map(Arg::name).toList();
    }

    // ---- statements

    void body(List<Stmt> statements, Set<String> scope) {
        locals.push(new HashSet<>(scope));
        for (Stmt s : statements) {
            statement(s);
        }
        locals.pop();
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Local l) {
            for (String n : l.names()) {
                locals.peek().add(n);
                line("double l_" + n + " = 0.0;");
            }
        } else if (s instanceof Stmt.Assign a) {
            assign(a);
        } else if (s instanceof Stmt.CallStmt c) {
            line(call(c.call()) + ";");
        } else if (s instanceof Stmt.Block b) {
            open("");
            body(b.body(), Set.of());
            close();
        } else if (s instanceof Stmt.If i) {
            open("if (" + bool(i.condition()) + ")");
            body(i.then(), Set.of());
            if (!i.otherwise().isEmpty()) {
                indent--;
                open("} else");
                body(i.otherwise(), Set.of());
            }
            close();
        } else if (s instanceof Stmt.While w) {
            open("while (" + bool(w.condition()) + ")");
            body(w.body(), Set.of());
            close();
        } else if (s instanceof Stmt.From f) {
            String i = "l_" + f.index();
            open("for (int " + i + " = (int) " + num(f.from()) + "; " + i + " <= (int) " + num(f.to()) + "; "
                    + i + " += " + (f.by() == null ? "1" : "(int) " + num(f.by())) + ")");
            body(f.body(), Set.of(f.index()));
            close();
        } else if (s instanceof Stmt.Protect p) {
            assign(p.assignment());
        } else if (s instanceof Stmt.Keyword k && Set.of("UNITSON", "UNITSOFF", "MUTEXLOCK", "MUTEXUNLOCK",
                "CONDUCTANCE").contains(k.keyword())) {
            return;
        } else if (s instanceof Stmt.Comment) {
            return;
        } else if (s instanceof Stmt.Table t && tables.containsValue(t)) {
            return;
        } else if (s instanceof Stmt.Reaction r && kinetic != null) {
            kinetic.reaction(r);
        } else if (s instanceof Stmt.Conserve c && kinetic != null) {
            kinetic.conserve(c);
        } else if (s instanceof Stmt.Compartment && kinetic != null) {
            return; // its volume scales the rows at the start of the block (kinetic_implicit)
        } else if (s instanceof Stmt.Equation e && linear != null) {
            linear.equation(e);
        } else if (s instanceof Stmt.Solve sv && linears.containsKey(sv.block()) && !sv.steadyState()
                && sv.method().isEmpty()) {
            line("lin_" + sv.block() + "(k, s);");
        } else if (s instanceof Stmt.Solve sv && kinetics.containsKey(sv.block()) && sv.steadyState()
                && sv.method().equals("sparse")) {
            line("ss_" + sv.block() + "(k, s);");
        } else {
            notYet(s.pos(), describe(s));
        }
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
        return s.getClass().getSimpleName().toUpperCase() + " statement";
    }

    private void assign(Stmt.Assign a) {
        if (a.target().index() != null && topLocals.getOrDefault(a.target().name(), 0) == 0) {
            notYet(a.pos(), "the array element " + a.target().name() + "[...]");
            return;
        }
        if (a.primes() == 0) {
            line(ref(a.target()) + " = " + num(a.value()) + ";");
            return;
        }
        String x = a.target().name();
        if (newton != null && a.primes() == 1 && instanceVars.contains(x)) {
            line("dv_" + derivativeBlock + "[" + newton.equation(x) + "] = " + num(a.value()) + ";");
            return;
        }
        if (derivativeBlock == null || a.primes() > 1 || !instanceVars.contains(x)) {
            notYet(a.pos(), "the derivative " + x + "'".repeat(a.primes()) + " here");
            return;
        }
        String state = ref(a.target());
        String method = methods.getOrDefault(derivativeBlock, "cnexp");
        if (method.equals("euler")) {
            line(state + " = " + state + " + s.dt * " + num(a.value()) + ";");
            return;
        }
        try {
            Expr slope = Linear.derivative(a.value(), x);
            if (slope == null) {
                line(state + " = " + state + " + s.dt * " + num(a.value()) + ";");
                return;
            }
            Expr atZero = Linear.substitute(a.value(), x, new Expr.Num(a.pos(), "0", ""));
            // the slope and f0 repeat the equation's FUNCTION calls (mTau(v) in (mInf(v) - m)/mTau(v) three
            // times, as in nocmodl's C); when every call is of a pure FUNCTION each is made once: same values
            shared = callsOnlyPure(a.value(), new HashSet<>()) ? new LinkedHashMap<>() : null;
            // math calls of what rarely changes kept per instance (DecayMemo.call)
            // (not in a table's evaluation, which writes F and X for every v instead of stepping instance 0)
            memoCalls = method.equals("cnexp") && newton == null && tableOut == null;
            String slopeJava = num(slope);
            String atZeroJava = num(atZero);
            memoCalls = false;
            Map<String, String> calls = shared == null ? Map.of() : shared;
            shared = null;
            List<String> memoInputs = method.equals("cnexp") && calls.isEmpty() && newton == null && tableOut == null
                    ? decayMemo.inputs(parameterNames(), constants.keySet(), slope) : null;
            if (memoInputs != null) {
                List<String> withAtZero = decayMemo.inputs(parameterNames(), constants.keySet(), slope, atZero);
                decayMemo.emit(state, withAtZero != null ? withAtZero : memoInputs, slopeJava, atZeroJava,
                        withAtZero != null);
                return;
            }
            open("");
            decayMemo.emitCalls();
            calls.forEach((java, local) -> line("double " + local + " = " + java + ";"));
            line("double a = " + slopeJava + ";");
            if (tableOut != null) {
                int j = tableOut.get(x);
                line("out[" + j + "] = 1.0 - Math.exp(s.dt * a);");
                line("out[" + (j + 1) + "] = -" + atZeroJava + " / a;");
            } else if (method.equals("derivimplicit")) {
                line(state + " = (" + state + " + s.dt * " + atZeroJava + ") / (1.0 - s.dt * a);");
            } else {
                line(state + " = " + state + " + (1.0 - Math.exp(s.dt * a)) * (-" + atZeroJava + " / a - "
                        + state + ");");
            }
            close();
        } catch (Linear.NotLinear e) {
            notYet(a.pos(), method + " of " + x + "', whose equation is not linear in " + x
                    + (method.equals("cnexp") ? " (nocmodl then uses derivimplicit)" : ""));
        }
    }

    /** Whether the expression calls nothing and reads no v, t or STATE: what changes every step. */
    private boolean readsNoStepVariable(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            return v.index() == null && !isLocal(v.name()) && !v.name().equals("v") && !v.name().equals("t")
                    && mod.declarations("STATE").noneMatch(d -> d.name().equals(v.name()));
        }
        if (e instanceof Expr.Unary u) {
            return readsNoStepVariable(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return readsNoStepVariable(b.left()) && readsNoStepVariable(b.right());
        }
        return false;
    }

    /** Whether a call of {@code name} is of a C math function (not of the mod file's own FUNCTION or PROCEDURE). */
    boolean isMath(String name) {
        return MATH.contains(name) && !functions.containsKey(name) && !procedures.containsKey(name);
    }

    /** The PARAMETERs that are instance columns (not ion variables). */
    private Set<String> parameterNames() {
        Set<String> names = new HashSet<>();
        mod.declarations("PARAMETER").forEach(d -> {
            if (instanceVars.contains(d.name()) && !isIonVariable(d.name())) {
                names.add(d.name());
            }
        });
        return names;
    }

    /** Whether every call in the expression is of a math function or a pure FUNCTION ({@link #isPure}). */
    boolean callsOnlyPure(Expr e, Set<String> visiting) {
        if (e instanceof Expr.Call c) {
            boolean callee = MATH.contains(c.name()) && !functions.containsKey(c.name())
                    && !procedures.containsKey(c.name()) || functions.containsKey(c.name())
                    && isPure(functions.get(c.name()), visiting);
            return callee && c.args().stream().allMatch(arg -> callsOnlyPure(arg, visiting));
        }
        if (e instanceof Expr.Unary u) {
            return callsOnlyPure(u.operand(), visiting);
        }
        if (e instanceof Expr.Binary b) {
            return callsOnlyPure(b.left(), visiting) && callsOnlyPure(b.right(), visiting);
        }
        return e instanceof Expr.Num || e instanceof Expr.Var v && (v.index() == null
                || callsOnlyPure(v.index(), visiting));
    }

    /**
     * A FUNCTION whose value depends only on its arguments and variables it does not change, and that changes
     * nothing: it assigns only its own LOCALs, arguments and value, and calls only math and pure FUNCTIONs (not
     * itself). Calling it twice with the same arguments in one expression gives the same value twice.
     */
    private boolean isPure(Item.Block f, Set<String> visiting) {
        if (!visiting.add(f.name())) {
            return false;
        }
        Set<String> own = new HashSet<>(argNames(f.args()));
        own.add(f.name());
        boolean pure = purelyLocal(f.body(), own, visiting);
        visiting.remove(f.name());
        return pure;
    }

    private boolean purelyLocal(List<Stmt> body, Set<String> own, Set<String> visiting) {
        for (Stmt st : body) {
            if (st instanceof Stmt.Local l) {
                own.addAll(l.names());
            }
        }
        for (Stmt st : body) {
            boolean ok;
            if (st instanceof Stmt.Assign a) {
                ok = a.primes() == 0 && a.target().index() == null && own.contains(a.target().name())
                        && callsOnlyPure(a.value(), visiting);
            } else if (st instanceof Stmt.If i) {
                ok = callsOnlyPure(i.condition(), visiting) && purelyLocal(i.then(), new HashSet<>(own), visiting)
                        && purelyLocal(i.otherwise(), new HashSet<>(own), visiting);
            } else if (st instanceof Stmt.Block b) {
                ok = purelyLocal(b.body(), new HashSet<>(own), visiting);
            } else {
                ok = st instanceof Stmt.Local || st instanceof Stmt.Comment || st instanceof Stmt.Table
                        || st instanceof Stmt.Keyword k && Set.of("UNITSON", "UNITSOFF").contains(k.keyword());
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---- expressions

    String ref(Expr.Var v) {
        String n = v.name();
        if (v.index() != null && topLocals.getOrDefault(n, 0) > 0 && !isLocal(n)) {
            return "g_" + n + "[(int) " + num(v.index()) + "]";
        }
        if (v.index() != null) {
            notYet(v.pos(), "the array element " + n + "[...]");
            return "0.0";
        }
        for (Set<String> scope : locals) {
            if (scope.contains(n)) {
                return "l_" + n;
            }
        }
        switch (n) {
            case "v":
                return vArgument ? "vk" : vLocal != null ? vLocal : "c_v[k]";
            case "t":
                return inNetReceive ? "te" : "s.t";
            case "dt":
                return kineticDt ? "dt" : "s.dt";
            case "celsius":
                return "s.celsius";
            case "PI":
                return "Math.PI";
            case "area":
                return "s.areaUm2[node[k]]";
            default:
                break;
        }
        if (instanceVars.contains(n)) {
            return "c_" + n + "[k]";
        }
        if (topLocals.containsKey(n)) {
            if (topLocals.get(n) > 0) {
                notYet(v.pos(), "the array " + n + " without an index");
                return "0.0";
            }
            return "g_" + n;
        }
        if (constants.containsKey(n)) {
            return "K_" + n;
        }
        notYet(v.pos(), "the variable " + n);
        return "0.0";
    }

    boolean isLocal(String n) {
        return locals.stream().anyMatch(scope -> scope.contains(n));
    }

    private static String literal(double value) {
        return Double.toString(value);
    }

    /**
     * The expression as a Java double. An operation on constants only (numbers, CONSTANTs, named units, PI, and
     * math functions of them, e.g. qt = 2.3^((34 - 21)/10)) becomes a static final field initialized with the same
     * Java expression, so it is evaluated once per class instead of per instance and step: Java's double
     * arithmetic and HotSpot's Math intrinsics (the interpreter uses the compiled code's stubs) give the same bits
     * wherever it runs.
     */
    String num(Expr e) {
        if (!hoisting && (e instanceof Expr.Binary || e instanceof Expr.Call) && isConstant(e)) {
            hoisting = true;
            String java = numInPlace(e);
            hoisting = false;
            return hoisted.computeIfAbsent(java, x -> "C_" + hoisted.size());
        }
        return numInPlace(e);
    }

    /** Whether the expression's value is the same for every instance, step and model: nothing but constants. */
    private boolean isConstant(Expr e) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            return v.index() == null && !isLocal(n) && (n.equals("PI") || !NOT_FIELDS.contains(n)
                    && !instanceVars.contains(n) && !topLocals.containsKey(n) && constants.containsKey(n));
        }
        if (e instanceof Expr.Call c) {
            return MATH.contains(c.name()) && !functions.containsKey(c.name())
                    && !procedures.containsKey(c.name()) && c.args().stream().allMatch(this::isConstant);
        }
        if (e instanceof Expr.Unary u) {
            return isConstant(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return isConstant(b.left()) && isConstant(b.right());
        }
        return false;
    }

    private String numInPlace(Expr e) {
        if (e instanceof Expr.Num n) {
            return literal(n.value());
        }
        if (e instanceof Expr.Var v) {
            return ref(v);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") ? "(-" + num(u.operand()) + ")" : "(" + bool(e) + " ? 1.0 : 0.0)";
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "+", "-", "*", "/" -> "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
                case "^" -> "Math.pow(" + num(b.left()) + ", " + num(b.right()) + ")";
                default -> "(" + bool(e) + " ? 1.0 : 0.0)";
            };
        }
        notYet(e.pos(), "a string here");
        return "0.0";
    }

    /** The expression as a Java boolean (C's truth: not zero). */
    private String bool(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case "<", "<=", ">", ">=", "==", "!=" -> {
                    return "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
                }
                case "&&", "||" -> {
                    return "(" + bool(b.left()) + " " + b.op() + " " + bool(b.right()) + ")";
                }
                default -> {
                }
            }
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            return "!" + bool(u.operand());
        }
        return "(" + num(e) + " != 0.0)";
    }

    private String call(Expr.Call c) {
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(num(a));
        }
        String joined = String.join(", ", args);
        if (functions.containsKey(c.name())) {
            String java = "f_" + c.name() + "(k, s" + (args.isEmpty() ? "" : ", " + joined) + ")";
            return shared == null ? java : shared.computeIfAbsent(java, x -> "u_" + shared.size());
        }
        if (procedures.containsKey(c.name())) {
            return "p_" + c.name() + "(k, s" + (args.isEmpty() ? "" : ", " + joined) + ")";
        }
        if (c.name().equals("net_send") && args.size() == 2 && (inNetReceive || inInitial)) {
            // nocmodl's net_send(t + delay, flag): an event of the instance to itself, with the weight of the
            // event being received (none from INITIAL)
            return "s.events.send(this, k, " + (inNetReceive ? "te" : "s.t") + " + " + args.get(0) + ", " + (inNetReceive ? "weight" : "0.0")
                    + ", " + args.get(1) + ", " + (inNetReceive ? "c" : "-1") + ")";
        }
        if (c.name().equals("net_event") && args.size() == 1 && inNetReceive) {
            // an event out of the instance at the given time, to its connections (the engine's event sources)
            return "s.events.emit(this, k, " + args.get(0) + ")";
        }
        if (c.name().equals("at_time") && args.size() == 1) {
            // cvodestb.cpp at_time, fixed step: 1 in the step whose time reaches te (less 1e-11), else 0
            usesAtTime = true;
            return "atTime(" + args.get(0) + ", s)";
        }
        if (memoCalls && !hoisting && Set.of("exp", "pow", "log", "log10").contains(c.name()) && isMath(c.name())
                && c.args().stream().allMatch(this::readsNoStepVariable)) {
            List<Boolean> keyed = c.args().stream().map(arg -> !isConstant(arg)).toList();
            return decayMemo.call("Math." + c.name(), args, keyed);
        }
        if (MATH.contains(c.name())) {
            return switch (c.name()) {
                case "fabs" -> "Math.abs(" + joined + ")";
                case "fmod" -> "(" + args.get(0) + " % " + args.get(1) + ")";
                default -> "Math." + c.name() + "(" + joined + ")";
            };
        }
        notYet(c.pos(), "the function " + c.name() + "()");
        return "0.0";
    }
}
