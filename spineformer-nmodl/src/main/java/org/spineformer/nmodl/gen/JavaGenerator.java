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
import org.spineformer.nmodl.check.IonCopyVerbatim;

/**
 * Java source for a mechanism (SUFFIX or POINT_PROCESS) as a {@link org.spineformer.engine.mech.MechanismBlock}:
 * one column per variable, and every NMODL block a method on one instance {@code k} (so the kernels can later move
 * to loops owned by the engine). It follows nocmodl's C; docs/dev/nmodl.md lists the rules (numbers as doubles,
 * {@code v} copied per instance, ions and NEURON's ion_style, the numerical di/dv, cnexp, derivimplicit and euler,
 * TABLE, NET_RECEIVE).
 *
 * <p>What it cannot make yet it reports, with line and column, as "not supported yet".
 *
 * <p>This class reads what the file declares (the analysis: ions, variables, blocks, which SOLVEs are tabulated or
 * solved by Newton) and holds the translation's state; the emitters write the source: {@link ClassSkeleton} the
 * class and the order of its parts, {@link InitialEmitter}, {@link CurrentsEmitter} and {@link StatePhaseEmitter}
 * the three kernels, {@link NodeCopies} what they copy from and to the node, {@link FunctionEmitter},
 * {@link DerivativeEmitter}, {@link RateTableEmitter} and the *Lowering classes the blocks' methods,
 * {@link StatementEmitter} and {@link ExpressionEmitter} the NMODL statements and expressions, into
 * {@link SourceText}.
 */
public final class JavaGenerator {
    /** The package of generated classes. */
    public static final String PACKAGE = "org.spineformer.nmodl.generated";
    static final Set<String> MATH = Set.of("exp", "fabs", "sqrt", "sin", "cos", "tan", "acos", "asin",
            "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "log", "log10", "pow", "fmod");
    /** The engine Ion's per-node arrays. */
    static final List<String> ION_ARRAYS = List.of("reversal", "concentration", "outside", "current");
    static final Set<String> NOT_FIELDS = Set.of("v", "t", "dt", "celsius", "area", "diam", "secondorder");

    /** The description of a generated mechanism: what the compiler needs beside the source. */
    public record Generated(String mechanismName, Mechanism.Kind kind, String className, String source,
                            List<FieldSpec> fields, String title, boolean writesConcentration,
                            Set<String> reversalPotentialsRead, Set<String> ionCurrentsRead) {
    }

    final ModFile mod;
    /** Whether nocmodl 8.2.2 makes the mechanism thread safe ({@link ThreadSafety}). */
    final boolean threadSafe;
    final List<Diagnostic> problems = new ArrayList<>();
    /** The source being written; the emitters write it in the order the class has it. */
    SourceText text = new SourceText();
    final ExpressionEmitter expressions = new ExpressionEmitter(this);
    final StatementEmitter statements = new StatementEmitter(this);
    final NodeCopies nodeCopies = new NodeCopies(this);
    final DerivativeEmitter derivativeEmitter = new DerivativeEmitter(this);

    String suffix;
    Mechanism.Kind kind = Mechanism.Kind.DENSITY;
    /** Top-level LOCALs: one value (or array) per block, shared by its instances as NEURON's are. */
    final Map<String, Integer> topLocals = new LinkedHashMap<>();
    /**
     * The scratch arrays of LOCAL arrays declared in blocks (field -> size): one per declaration, a field of the
     * block (C's local array; the kernels run one slot at a time and allocate nothing per call).
     */
    final Map<String, Integer> scratchArrays = new LinkedHashMap<>();
    /** A LOCAL array's name -> its scratch field, from its declaration on (a scalar LOCAL of the name removes it). */
    final Map<String, String> localArrays = new HashMap<>();
    /** Per-instance variables (fields and hidden), in declaration order. */
    final Set<String> instanceVars = new LinkedHashSet<>();
    /**
     * PARAMETER, ASSIGNED and STATE arrays -> their size: per instance, one field (and column) per element, named
     * {@code x[i]} as NEURON's hoc and Python name them.
     */
    final Map<String, Integer> arrays = new LinkedHashMap<>();
    /** FROM indices in scope: ints, as nocmodl's loops have them (read as doubles in expressions). */
    final Set<String> fromIndices = new HashSet<>();
    final Map<String, Double> constants = new LinkedHashMap<>();
    /** Java expressions of constants only -> the static final field holding their value (see num). */
    final Map<String, String> hoisted = new LinkedHashMap<>();
    /** While translating a derivative equation whose calls are all pure: each call's Java -> its local. */
    Map<String, String> shared;
    /** True while translating an expression being hoisted (its parts stay in it). */
    boolean hoisting;
    /**
     * True while translating code that has a twin in the vector kernels (VectorEmitter lowers it into lanes): its
     * exp is then {@code StrictExp.exp}, whose bits {@code VectorMath.exp} gives in every lane.
     */
    boolean strictExp;
    /**
     * What has a twin in the vector kernels, whether or not they are compiled (so that the scalar code, and its
     * bits, do not depend on the Vector API): FUNCTIONs and PROCEDUREs inlined into a vector phase, DERIVATIVE
     * blocks lowered into lanes, and {@link #CURRENT_PHASE} for the BREAKPOINT's evaluations.
     */
    final Set<String> vectorTwins = new HashSet<>();
    /** The current phase's name in {@link #vectorTwins} (not an NMODL name: it has a space). */
    static final String CURRENT_PHASE = "current phase";
    final Map<String, Item.Block> functions = new LinkedHashMap<>();
    final Map<String, Item.Block> procedures = new LinkedHashMap<>();
    final Map<String, Item.Block> derivatives = new LinkedHashMap<>();
    /** FUNCTION_TABLE name -> its number in the file (NmodlMechanism's tables are in that order). */
    final Map<String, Integer> functionTables = new LinkedHashMap<>();
    /** FUNCTION or PROCEDURE name -> its TABLE statement. */
    final Map<String, Stmt.Table> tables = new LinkedHashMap<>();
    /**
     * ion name -> (ion variable -> role: "reversal", "concentration" (inside), "outside", "current"), the names of
     * the engine Ion's arrays.
     */
    final Map<String, Map<String, String>> ions = new LinkedHashMap<>();
    final List<String> currents = new ArrayList<>();
    /** An ELECTRODE_CURRENT mechanism: its current enters the node with the opposite sign. */
    boolean electrode;
    /** PROCEDUREs called for a value (their C returns 0): each gets a helper pv_NAME (ClassSkeleton). */
    final Set<String> proceduresAsValues = new java.util.TreeSet<>();
    /**
     * Whether the file calls state_discontinuity outside NET_RECEIVE (nocmodl's state_discon_list_): its current
     * phase raises the block's flag around the evaluation at v, as nocmodl's nrn_cur raises NEURON's.
     */
    final boolean discontinuities;
    /** Whether the mechanism calls at_time (its helper is emitted then). */
    boolean usesAtTime;
    /** NET_RECEIVE calls net_move: each instance remembers its pending flag-1 event (NEURON's _tqitem). */
    boolean usesNetMove;
    /** Ion variables the mechanism writes (currents, concentrations, reversal potentials). */
    final Set<String> written = new HashSet<>();
    /** Ion variables the mechanism's USEION statements READ. */
    final Set<String> read = new HashSet<>();
    /** ion name -> its charge (USEION's VALENCE, or NEURON's for na, k and ca). */
    final Map<String, Double> valences = new LinkedHashMap<>();
    final Set<String> ranges = new HashSet<>();
    /** The names the NEURON block lists GLOBAL. */
    private final Set<String> globals = new HashSet<>();
    final Deque<Set<String>> locals = new ArrayDeque<>();
    /**
     * Names that stand for an element of an array rather than a local, innermost first: NET_RECEIVE's arguments
     * and FOR_NETCONS's, which NEURON's C reads and writes in the connections' weight vectors themselves
     * ({@link NetReceiveLowering}).
     */
    final Deque<Map<String, String>> aliases = new ArrayDeque<>();
    /** The state being solved by cnexp, while translating a DERIVATIVE block; else null. */
    String derivativeBlock;
    Item.Block netReceive;
    /** BEFORE and AFTER blocks in file order ({@link BeforeAfterEmitter}). */
    final List<Item.Block> beforeAfter = new ArrayList<>();
    NetReceiveLowering netReceiveLowering;
    /** True while translating NET_RECEIVE. */
    boolean inNetReceive;
    /** True while translating the current phase's evaluations with v as their argument {@code vk}. */
    boolean vArgument;
    /**
     * The evaluation of the current phase with only what is needed of it being emitted, else null: its sliced
     * PROCEDUREs are called as their copies ({@link EvaluationSlice#prefix()} NAME).
     */
    EvaluationSlice slice;
    /** The current phase's evaluation at v with only what is needed of it ({@link EvaluationSlice#atV}). */
    EvaluationSlice atV;
    /** True while translating INITIAL (net_send there sends an event of weight 0 from t = 0). */
    boolean inInitial;
    /** DERIVATIVE block -> the METHOD its SOLVE asks for (cnexp, derivimplicit or euler). */
    final Map<String, String> methods = new HashMap<>();
    final Map<String, Item.Block> kineticBlocks = new LinkedHashMap<>();
    final Map<String, Item.Block> linearBlocks = new LinkedHashMap<>();
    final Map<String, KineticLowering> kinetics = new LinkedHashMap<>();
    final Map<String, LinearLowering> linears = new LinkedHashMap<>();
    final Map<String, Item.Block> nonlinearBlocks = new LinkedHashMap<>();
    final Map<String, NonlinearLowering> nonlinears = new LinkedHashMap<>();
    /** DERIVATIVE blocks solved by derivimplicit whose equations are coupled or nonlinear. */
    final Map<String, NewtonLowering> newtons = new LinkedHashMap<>();
    /** DERIVATIVE blocks a SOLVE asks cnexp for that nocmodl solves by derivimplicit (it cannot differentiate one). */
    final Set<String> cnexpFallbacks = new HashSet<>();
    /**
     * DERIVATIVE blocks solved by euler as NEURON's euler_thread, every derivative computed at the old states, then
     * the states moved ({@link DerivativeEmitter}; scalar only): those whose statements read another state of the
     * block, and those with an equation inside an IF.
     */
    final Set<String> eulerDeferred = new HashSet<>();
    /**
     * DERIVATIVE block solved by euler or derivimplicit -> the states whose equation is inside an IF; by runge, every
     * state of the block. nocmodl makes
     * {@code x' = f} the assignment {@code Dx = f} of a per-instance variable that NEURON uses whether or not the
     * block assigned it: where the IF skips the equation, the value of the evaluation that last ran it (0 before
     * any, as allocated; finitialize does not reset it). Each is a column {@code dh_<block>_<x>} here.
     */
    final Map<String, Set<String>> heldDerivatives = new HashMap<>();
    /** The column of a held derivative (heldDerivatives) of block b: {@code dh_<b>_<x>}, per slot. */
    static String heldDerivative(String b, String x) {
        return "dh_" + b + "_" + x;
    }

    /** The block being translated as derivimplicit's residual, else null. */
    NewtonLowering newton;
    /** The KINETIC or LINEAR block being translated (its reactions, equations), else null. */
    KineticLowering kinetic;
    LinearLowering linear;
    NonlinearLowering nonlinear;
    /** True while translating a KINETIC block: its dt is the solver's (1e9 for STEADYSTATE), a parameter. */
    boolean kineticDt;
    /** cnexp DERIVATIVE blocks read from tables of v ({@link RateTables}), by name. */
    final Map<String, RateTables.Plan> ratePlans = new LinkedHashMap<>();
    /**
     * Whether the state phase's code may read v (ClassSkeleton): when not, the state phase does not copy v into
     * c_v, which every other phase that reads it sets itself.
     */
    boolean statePhaseReadsV = true;
    /**
     * Whether the vector current phase copies the ion variables it reads into their columns only in the first current
     * phase after INITIAL (VectorEmitter): initialize() sets the block's copyIonsIn, currents() clears it.
     */
    boolean copyIonsOnce;
    /** The blocks of {@link #ratePlans} whose outputs are read from the table only when read ({@link LazyTableOutputs}). */
    final Set<String> lazyOutputs = new LinkedHashSet<>();
    /**
     * How many times a table of v is rebuilt because an ion variable it reads changed (Migliore's ttx never does;
     * a calcium concentration that one compartment's pool changes would every step) before the block gives up its
     * table.
     */
    static final int ION_REBUILDS = 3;
    /** While emitting a table's evaluation: each equation's state -> its first output (F; X is the next). */
    Map<String, Integer> tableOut;
    /** While emitting a table's evaluation: how v is read there, else null (v is c_v[k]). */
    String vLocal;

    /** True while translating a cnexp equation's slope and f0: math calls of what rarely changes are kept. */
    boolean memoCalls;
    /** cnexp equations whose slope is of parameters only: the slope and its exponential kept per instance. */
    final DecayMemo decayMemo = new DecayMemo(this);
    /** FUNCTIONs whose exp calls go through a one-entry memo ({@link RepeatedExp}); set in analyse(). */
    RepeatedExp repeatedExp;
    /** True while translating the body of a FUNCTION of {@link #repeatedExp}. */
    boolean memoExp;
    /** Calls of FUNCTIONs of v alone read from tables of v ({@link CallTables}); set in analyse(). */
    CallTables callTables;
    /** Whether {@code pow(x, 3)}, {@code pow(x, 4)} and {@code ^} of them are {@link IntegerPower}'s. */
    final boolean integerPowers = IntegerPower.enabled();

    private JavaGenerator(ModFile mod, boolean threadSafe) {
        this.mod = ProcedureSolves.defaultMethods(ProcedureSolves.asCalls(RepeatedBlocks.joined(mod)));
        this.threadSafe = threadSafe;
        discontinuities = this.mod.items().stream().anyMatch(i -> i instanceof Item.Block b
                && calls(b.body(), "state_discontinuity"));
    }

    /**
     * Generates class {@code className} (simple name) for the mod file; throws with every reason it cannot.
     * {@code threadSafe}: whether nocmodl makes the mechanism thread safe ({@link ThreadSafety}), which decides
     * when its TABLEs are checked.
     */
    public static Generated generate(ModFile mod, String className, boolean threadSafe) {
        JavaGenerator g = new JavaGenerator(mod, threadSafe);
        g.analyse();
        List<FieldSpec> fields = g.problems.isEmpty() ? g.fields() : List.of();
        if (g.problems.isEmpty()) {
            new ClassSkeleton(g).emit(className);
        }
        if (!g.problems.isEmpty()) {
            throw new NmodlException(g.problems);
        }
        String title = mod.items().stream().filter(Item.Title.class::isInstance).map(i -> ((Item.Title) i).text())
                .findFirst().orElse("compiled from " + mod.file());
        return new Generated(g.suffix, g.kind, className, g.text.toString(), fields, title, g.writesConcentration(),
                g.ionsRead("reversal"), g.ionsRead("current"));
    }

    /**
     * The Java of C's exp here: {@code StrictExp.exp} in code with a vector twin and in constants hoisted (the
     * vector kernels broadcast the same field), else {@code Math.exp}. HotSpot's Math.exp is one stub for the
     * interpreter, C1 and C2 on x86_64 (architecture.md, "One exponential everywhere"), so it is deterministic too,
     * and about twice as fast.
     */
    String exp() {
        return strictExp || hoisting ? twinMath("exp") : "Math.exp";
    }

    /**
     * The Java of C's pow and log here: {@code StrictPow.pow} and {@code StrictLog.log} in code with a vector twin,
     * whose bits {@code VectorMath.pow} and {@code .log} give in every lane, else {@code Math}'s (deterministic in
     * every tier as {@code Math.exp}, and faster than the twins one at a time). A call of {@code fixed} arguments
     * ({@link ExpressionEmitter#fixed}: a temperature factor) and a constant hoisted keep Math's, in lanes lane by
     * lane: the paper's compiled mechanisms' factors keep the bits of its hand-written kernels' {@code Math.pow}.
     */
    String powOrLog(String name, boolean fixed) {
        return strictExp && !hoisting && !fixed ? twinMath(name) : "Math." + name;
    }

    /** The Java of C's math function {@code name} in code with a vector twin: the scalar twin of its lanes. */
    static String twinMath(String name) {
        return switch (name) {
            case "exp" -> "org.spineformer.engine.simd.StrictExp.exp";
            case "log" -> "org.spineformer.engine.simd.StrictLog.log";
            case "pow" -> "org.spineformer.engine.simd.StrictPow.pow";
            default -> "Math." + name;
        };
    }

    /** Runs the emission with exp chosen for code that has a vector twin (true) or not. */
    void withTwin(boolean twin, Runnable emission) {
        boolean saved = strictExp;
        strictExp = twin;
        try {
            emission.run();
        } finally {
            strictExp = saved;
        }
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
                    case "FUNCTION_TABLE" -> functionTables.put(b.name(), functionTables.size());
                    case "DERIVATIVE" -> derivatives.put(b.name(), b);
                    case "KINETIC" -> kineticBlocks.put(b.name(), b);
                    case "LINEAR" -> linearBlocks.put(b.name(), b);
                    case "NONLINEAR" -> nonlinearBlocks.put(b.name(), b);
                    case "INITIAL", "BREAKPOINT" -> {
                    }
                    case "BEFORE", "AFTER" -> {
                        if (BeforeAfterEmitter.kind(b) == null) {
                            error(b.pos(), b.keyword() + " " + b.name() + ": NEURON 8.2.2 cannot load it");
                        }
                        beforeAfter.add(b);
                    }
                    case "NET_RECEIVE" -> {
                        netReceive = b;
                        usesNetMove = calls(b.body(), "net_move");
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
        nonlinearBlocks.forEach((name, b) -> nonlinears.put(name, new NonlinearLowering(this, b, states)));
        breakpointSolves().forEach(sv -> {
            if (sv.method().equals("cnexp") && derivatives.containsKey(sv.block())
                    && !cnexpPossible(derivatives.get(sv.block()).body())) {
                cnexpFallbacks.add(sv.block());
            }
            Set<String> held = derivatives.containsKey(sv.block())
                    ? DerivativeEmitter.equationsInsideIf(derivatives.get(sv.block())) : Set.of();
            boolean derivimplicit = sv.method().equals("derivimplicit") || cnexpFallbacks.contains(sv.block());
            if (!held.isEmpty() && (derivimplicit || sv.method().equals("euler"))) {
                heldDerivatives.put(sv.block(), held);
            }
            if ((sv.method().equals("runge") || sv.method().equals("adrunge")) && derivatives.containsKey(sv.block())) {
                // scopmath's runge() reads every Dx from the instance's data after each of its four evaluations
                heldDerivatives.put(sv.block(), new LinkedHashSet<>(DerivativeEmitter.equationStates(
                        derivatives.get(sv.block()).body(), new ArrayList<>())));
            }
            if (sv.method().equals("euler") && derivatives.containsKey(sv.block())
                    && (DerivativeEmitter.coupled(derivatives.get(sv.block())) || !held.isEmpty())) {
                eulerDeferred.add(sv.block());
            }
            // an equation inside an IF: the residual of a skipped one is NEURON's kept Dx, so Newton's iteration
            if (derivimplicit && derivatives.containsKey(sv.block())
                    && (NewtonLowering.needed(derivatives.get(sv.block())) || !held.isEmpty())) {
                newtons.put(sv.block(), new NewtonLowering(this, derivatives.get(sv.block())));
            }
        });
        planRateTables(states);
        repeatedExp = new RepeatedExp(functions);
        callTables = new CallTables(this);
    }

    /** Each statement of the body and of the bodies nested in it. */
    static void walk(List<Stmt> body, java.util.function.Consumer<Stmt> visit) {
        for (Stmt st : body) {
            visit.accept(st);
            if (st instanceof Stmt.Block b) {
                walk(b.body(), visit);
            } else if (st instanceof Stmt.If i) {
                walk(i.then(), visit);
                walk(i.otherwise(), visit);
            } else if (st instanceof Stmt.While w) {
                walk(w.body(), visit);
            } else if (st instanceof Stmt.From f) {
                walk(f.body(), visit);
            } else if (st instanceof Stmt.ForNetcons f) {
                walk(f.body(), visit);
            }
        }
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
        for (Stmt.Solve sv : breakpointSolves()) {
            if (sv.method().equals("cnexp") && derivatives.containsKey(sv.block())
                    && !newtons.containsKey(sv.block()) && !cnexpFallbacks.contains(sv.block())
                    && !ratePlans.containsKey(sv.block())) {
                RateTables.Plan plan = rt.plan(derivatives.get(sv.block()));
                if (plan != null) {
                    ratePlans.put(sv.block(), plan);
                    if (LazyTableOutputs.lazy(mod, plan, functions, procedures)) {
                        lazyOutputs.add(sv.block());
                    }
                }
            }
        }
    }

    /**
     * The BREAKPOINT's SOLVEs in its order, those inside an IF or ELSE included: nocmodl takes every SOLVE out of
     * the BREAKPOINT's text into nrn_state, unconditionally (parse1.ypp's solveblk; an {@code IF (on) { SOLVE s }}
     * leaves an empty IF in nrn_cur and calls s every step whatever on is).
     */
    List<Stmt.Solve> breakpointSolves() {
        List<Stmt.Solve> solves = new ArrayList<>();
        mod.blocks("BREAKPOINT").findFirst().ifPresent(b -> withoutSolves(b.body(), solves));
        return solves;
    }

    /** The statements without their SOLVEs (IF and ELSE bodies included), which are added to {@code solves}. */
    static List<Stmt> withoutSolves(List<Stmt> body, List<Stmt.Solve> solves) {
        List<Stmt> rest = new ArrayList<>();
        for (Stmt st : body) {
            if (st instanceof Stmt.Solve sv) {
                solves.add(sv);
            } else if (st instanceof Stmt.If i) {
                List<Stmt> then = withoutSolves(i.then(), solves);
                rest.add(new Stmt.If(i.pos(), i.condition(), then, withoutSolves(i.otherwise(), solves)));
            } else if (st instanceof Stmt.Block b) {
                rest.add(new Stmt.Block(b.pos(), withoutSolves(b.body(), solves)));
            } else {
                rest.add(st);
            }
        }
        return rest;
    }

    /**
     * Whether nocmodl can translate a DERIVATIVE block by cnexp (deriv.cpp, {@code cvode_cnexp_possible}): its
     * equation parser differentiates every equation's right side in its state ({@link Linear#slope}); when one has
     * the state in a divisor or a call's arguments the whole block is solved by derivimplicit.
     */
    private static boolean cnexpPossible(List<Stmt> body) {
        for (Stmt st : body) {
            try {
                if (st instanceof Stmt.Assign a && a.primes() == 1) {
                    Linear.slope(a.value(), a.target().name());
                } else if (st instanceof Stmt.Block b && !cnexpPossible(b.body())
                        || st instanceof Stmt.If i && !(cnexpPossible(i.then()) && cnexpPossible(i.otherwise()))
                        || st instanceof Stmt.While w && !cnexpPossible(w.body())
                        || st instanceof Stmt.From f && !cnexpPossible(f.body())) {
                    return false;
                }
            } catch (Linear.NotLinear e) {
                return false;
            }
        }
        return true;
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
            read.addAll(u.read());
            written.addAll(u.write());
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
                case "GLOBAL" -> globals.addAll(n.names());
                case "THREADSAFE" -> {
                }
                default -> notYet(n.pos(), n.keyword());
            }
        }
    }

    /**
     * Whether PI is NEURON's constant. A file may declare its own PI (nocmodl then undefines the C macro): a PARAMETER,
     * whose default nocmodl prints with %g ({@code PI = 3.14159265358979323846} runs as 3.14159), or a CONSTANT,
     * kept as written; its statements then read that variable.
     */
    boolean builtinPi() {
        return !instanceVars.contains("PI") && !constants.containsKey("PI");
    }

    private void declarations(Item.Declarations d) {
        for (Decl decl : d.declarations()) {
            if (decl.size() > 0 && Set.of("PARAMETER", "ASSIGNED", "STATE").contains(d.keyword())
                    && !NOT_FIELDS.contains(decl.name())) {
                arrays.put(decl.name(), decl.size());
                continue;
            }
            if (decl.size() > 0) {
                notYet(decl.pos(), "the array " + decl.name() + "[" + decl.size() + "]");
                continue;
            }
            switch (d.keyword()) {
                case "CONSTANT" -> constants.put(decl.name(), Double.valueOf(decl.value()));
                case "PARAMETER", "ASSIGNED", "STATE" -> {
                    if (!NOT_FIELDS.contains(decl.name())) {
                        instanceVars.add(decl.name());
                    } else if (decl.name().equals("secondorder")) {
                        notYet(decl.pos(), "the variable " + decl.name());
                    }
                }
                case "INDEPENDENT" -> {
                }
                default -> notYet(decl.pos(), d.keyword() + " block");
            }
        }
    }

    /**
     * nocmodl's {@code _ion_x} (a VERBATIM copy, {@link IonCopyVerbatim}): the Java of the ion's value of x at
     * instance k's node, read where the statement runs; null for any other name.
     */
    String nodeIonValue(String name) {
        if (!name.startsWith(IonCopyVerbatim.NODE_VALUE)) {
            return null;
        }
        String var = name.substring(IonCopyVerbatim.NODE_VALUE.length());
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            if (ion.getValue().containsKey(var)) {
                return "ion_" + ion.getKey() + "_" + ion.getValue().get(var) + "[laneNode[k]]";
            }
        }
        return null;
    }

    boolean isIonVariable(String name) {
        return ions.values().stream().anyMatch(m -> m.containsKey(name));
    }

    /** The fields: parameters, then states, then assigned variables (ion variables among them). */
    private List<FieldSpec> fields() {
        List<FieldSpec> params = new ArrayList<>();
        List<FieldSpec> states = new ArrayList<>();
        List<FieldSpec> assigned = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> neverAssigned = SettableAssigned.neverAssigned(mod);
        Map<String, Set<String>> assignedIn = SettableAssigned.assignedIn(mod);
        for (String keyword : List.of("PARAMETER", "STATE", "ASSIGNED")) {
            mod.declarations(keyword).flatMap(decl -> decl.size() == 0 ? java.util.stream.Stream.of(decl)
                    : java.util.stream.IntStream.range(0, decl.size()).mapToObj(i -> new Decl(decl.pos(),
                    decl.name() + "[" + i + "]", 0, decl.value(), decl.unit(), decl.low(), decl.high(),
                    decl.start()))).forEach(decl -> {
                String name = decl.name();
                if (NOT_FIELDS.contains(name) || !done.add(name)) {
                    return;
                }
                String unit = decl.unit().isEmpty() ? "1" : decl.unit();
                String declared = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
                String scope = ranges.contains(declared) ? "RANGE" : "not RANGE in the mod file: one value per"
                        + " instance";
                if (isIonVariable(name)) {
                    assigned.add(FieldSpec.assigned(name, unit, "ion variable (" + ionRole(name) + ")"));
                } else if (keyword.equals("PARAMETER")) {
                    double dflt = decl.value() == null ? 0 : DeclaredDefault.of(decl.value());
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
                } else if (neverAssigned.contains(declared)) {
                    params.add(FieldSpec.parameter(name, unit, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                            ranges.contains(declared) || currents.contains(declared)
                            ? "ASSIGNED listed RANGE, never assigned by the file: set per instance as NEURON's hoc"
                            + " sets " + (kind == Mechanism.Kind.DENSITY ? declared + "_" + suffix
                            : suffix + "." + declared) + ", 0 until set"
                            : "ASSIGNED listed GLOBAL, never assigned by the file: set as NEURON's hoc variable "
                            + declared + "_" + suffix));
                } else if (ranges.contains(declared) || currents.contains(declared)) {
                    assigned.add(FieldSpec.settableAssigned(name, unit, "ASSIGNED (RANGE), assigned by the file in "
                            + String.join(", ", assignedIn.get(declared)) + ": a value set before the run is"
                            + " overwritten there, as NEURON's hoc value"));
                } else {
                    assigned.add(FieldSpec.assigned(name, unit, globals.contains(declared)
                            ? "ASSIGNED listed GLOBAL, assigned by the file: one value per instance here"
                            : "ASSIGNED, neither RANGE nor GLOBAL in the mod file: one value per instance, no hoc name"));
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

    void line(String line) {
        text.line(line);
    }

    void open(String line) {
        text.open(line);
    }

    void close() {
        text.close();
    }

    /** The text as the content of a Java string literal. */
    static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Whether a call of the function appears in the statements (nested statements and expressions included). */
    static boolean calls(List<Stmt> body, String function) {
        for (Stmt st : body) {
            List<Expr> used = new ArrayList<>();
            List<List<Stmt>> inner = new ArrayList<>();
            if (st instanceof Stmt.Assign a) {
                used.add(a.value());
            } else if (st instanceof Stmt.CallStmt c) {
                used.add(c.call());
            } else if (st instanceof Stmt.If i) {
                used.add(i.condition());
                inner.add(i.then());
                inner.add(i.otherwise());
            } else if (st instanceof Stmt.While w) {
                used.add(w.condition());
                inner.add(w.body());
            } else if (st instanceof Stmt.From f) {
                inner.add(f.body());
            } else if (st instanceof Stmt.ForNetcons f) {
                inner.add(f.body());
            } else if (st instanceof Stmt.Block b) {
                inner.add(b.body());
            } else if (st instanceof Stmt.Initial i) {
                inner.add(i.body());
            }
            if (used.stream().anyMatch(e -> callsIn(e, function)) || inner.stream().anyMatch(l -> calls(l, function))) {
                return true;
            }
        }
        return false;
    }

    static boolean callsIn(Expr e, String function) {
        if (e instanceof Expr.Call c) {
            return c.name().equals(function) || c.args().stream().anyMatch(a -> callsIn(a, function));
        }
        if (e instanceof Expr.Unary u) {
            return callsIn(u.operand(), function);
        }
        if (e instanceof Expr.Binary b) {
            return callsIn(b.left(), function) || callsIn(b.right(), function);
        }
        return false;
    }

    /** "file:line: SOLVE block" for a solver's run-time error, as a Java string's content. */
    String solvedAt(String block) {
        Item.Block b = kineticBlocks.containsKey(block) ? kineticBlocks.get(block)
                : linearBlocks.containsKey(block) ? linearBlocks.get(block)
                : nonlinearBlocks.containsKey(block) ? nonlinearBlocks.get(block) : derivatives.get(block);
        String file = b.pos().file() != null ? b.pos().file() : mod.file(); // an INCLUDEd file's block: that file
        String text = file + ":" + b.pos().line() + ": " + b.keyword() + " " + block;
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    boolean writesConcentration(String ion) {
        return ions.get(ion).entrySet().stream().anyMatch(e -> written.contains(e.getKey())
                && (e.getValue().equals("concentration") || e.getValue().equals("outside")));
    }

    /** Whether the mechanism writes the ion's reversal potential ({@code USEION x WRITE ex}). */
    boolean writesReversal(String ion) {
        return ions.get(ion).entrySet().stream()
                .anyMatch(e -> written.contains(e.getKey()) && e.getValue().equals("reversal"));
    }

    boolean writesReversal() {
        return ions.keySet().stream().anyMatch(this::writesReversal);
    }

    /**
     * Whether ion variable {@code var} (of {@code role}) is copied from the node into the mechanism's column before
     * a phase, as nocmodl's get_ion_variables: what USEION READs, and a concentration it writes; not a current or a
     * reversal potential it writes without reading it (the mechanism's own variable then, which it copies out only).
     * A current it reads and writes is copied in as the ion's current at that moment: in the current phase the sum
     * of the blocks that ran before this one (nocmodl 8.2.2's nrn_cur reads {@code ik = _ion_ik} before its two
     * evaluations, after the ion's ion_cur zeroed it and the mechanism types before this one added theirs), in the
     * state phase the whole current of the step (nrn_state reads it too).
     */
    boolean copiedIn(String var, String role) {
        return !(written.contains(var) && !read.contains(var) && (role.equals("current") || role.equals("reversal")));
    }

    /**
     * Each ion whose current the mechanism writes ({@code USEION k WRITE ik}: "k"), with that variable: its current
     * phase adds the variable to the ion's total while the engine keeps the sum ({@code sum_k}, Ion.currentSummed).
     */
    Map<String, String> ionCurrentsWritten() {
        Map<String, String> written = new LinkedHashMap<>();
        ions.forEach((ion, vars) -> vars.forEach((var, role) -> {
            if (role.equals("current") && this.written.contains(var)) {
                written.put(ion, var);
            }
        }));
        return written;
    }

    /** Whether the mechanism reads an ion current it writes ({@code USEION k READ ik WRITE ik}). */
    boolean readsWrittenCurrent() {
        return ions.values().stream().anyMatch(m -> m.entrySet().stream().anyMatch(e -> e.getValue().equals("current")
                && written.contains(e.getKey()) && read.contains(e.getKey())));
    }

    /**
     * The ions whose variable of the given role the mechanism reads: "reversal" ({@code USEION na READ ena}: "na"),
     * "current" ({@code USEION k READ ik}: "k").
     */
    private Set<String> ionsRead(String role) {
        Set<String> ionsRead = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, String>> ion : ions.entrySet()) {
            if (ion.getValue().entrySet().stream().anyMatch(e -> e.getValue().equals(role)
                    && read.contains(e.getKey()))) {
                ionsRead.add(ion.getKey());
            }
        }
        return Set.copyOf(ionsRead);
    }

    /** Whether a SOLVE of the BREAKPOINT integrates a DERIVATIVE block by adrunge ({@link AdaptiveRunge}). */
    boolean usesAdrunge() {
        return breakpointSolves().stream().anyMatch(sv -> sv.method().equals("adrunge")
                && derivatives.containsKey(sv.block()));
    }

    boolean writesConcentration() {
        return ions.keySet().stream().anyMatch(this::writesConcentration);
    }

    /** Whether INITIAL may compute a Nernst potential: the mechanism reads a concentration. */
    boolean usesNernst() {
        return ions.values().stream().anyMatch(m -> m.containsValue("concentration") || m.containsValue("outside"));
    }

    /** The variables a table holds: the FUNCTION's value, or the PROCEDURE's TABLE names. */
    List<String> tabulated(String name) {
        return functions.containsKey(name) ? List.of(name)
                : tableVariables(tables.get(name)).stream().map(v -> tableColumn(name, v).substring(("tab_" + name
                + "_").length())).toList();
    }

    /** A PROCEDURE's TABLE variables, an array's elements each (nocmodl tabulates every element). */
    List<Expr.Var> tableVariables(Stmt.Table t) {
        List<Expr.Var> vars = new ArrayList<>();
        for (String name : t.names()) {
            if (arrays.containsKey(name)) {
                for (int i = 0; i < arrays.get(name); i++) {
                    vars.add(new Expr.Var(t.pos(), name, new Expr.Num(t.pos(), Integer.toString(i), "")));
                }
            } else {
                vars.add(new Expr.Var(t.pos(), name, null));
            }
        }
        return vars;
    }

    /** The Java array holding the TABLE of PROCEDURE {@code f} for the variable (or array element). */
    String tableColumn(String f, Expr.Var v) {
        return "tab_" + f + "_" + v.name() + (v.index() == null ? "" : "_" + ((Expr.Num) v.index()).text());
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

    static String params(List<Arg> args) {
        StringBuilder b = new StringBuilder();
        for (Arg a : args) {
            b.append(", double l_").append(a.name());
        }
        return b.toString();
    }

    static List<String> argNames(List<Arg> args) {
        return args.stream().map(Arg::name).toList();
    }

    // ---- what calls and FUNCTIONs change

    /** Whether a call of {@code name} is of a C math function (not of the mod file's own FUNCTION or PROCEDURE). */
    boolean isMath(String name) {
        return MATH.contains(name) && !functions.containsKey(name) && !procedures.containsKey(name);
    }

    /** The PARAMETERs that are instance columns (not ion variables). */
    Set<String> parameterNames() {
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

    // ---- expressions and statements (ExpressionEmitter, StatementEmitter), for the lowering classes

    String num(Expr e) {
        return expressions.num(e);
    }

    String ref(Expr.Var v) {
        return expressions.ref(v);
    }

    boolean isLocal(String n) {
        return expressions.isLocal(n);
    }

    void body(List<Stmt> statements, Set<String> scope) {
        this.statements.body(statements, scope);
    }

}
