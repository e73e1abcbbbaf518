package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.simd.VectorMath;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The current and state phases over groups of {@code VL} consecutive slots (instances, or one instance's trials
 * in lanes), VL the preferred vector species' length: architecture.md's engine-owned loops. Each group copies its
 * node values into the columns slot by slot, as the scalar kernel does (a gather), computes in vector lanes with
 * every column read and written by one contiguous vector load and store, then writes the node arrays slot by slot
 * in slot order; the slots after the last whole group run the scalar kernel.
 *
 * <p>Each lane does the scalar kernel's operations on its slot's values, in their order: the same additions,
 * multiplications, divisions and comparisons (IEEE in every lane), an IF as both branches computed and blended by
 * the condition's mask (locals and the slot's own columns only), {@code exp} by {@code VectorMath.exp}, the
 * scalar twin's {@code StrictExp.exp} in every lane ({@link #exp}), and every other math function, TABLE look-up
 * and kept value (DecayMemo) computed lane by lane by the scalar code. So a slot's numbers do not depend on whether it
 * falls in a group or in the tail. What it cannot lower (top-level LOCALs, WHILE and FROM loops, events, a call
 * with effects beyond the slot) leaves the phase scalar; a SOLVE it cannot lower (tables of v, KINETIC, Newton) is
 * called slot by slot inside the group.
 */
final class VectorEmitter {
    /** The Vector API classes, imported by a class with vector kernels ({@link #IMPORTS}). */
    private static final String DV = "DoubleVector";
    private static final String MASK = "VectorMask";
    private static final String OPS = "VectorOperators";
    static final List<String> IMPORTS = List.of("jdk.incubator.vector.DoubleVector", "jdk.incubator.vector.VectorMask",
            "jdk.incubator.vector.VectorOperators", "jdk.incubator.vector.VectorSpecies",
            "jdk.incubator.vector.LongVector");

    private final JavaGenerator g;
    /** Why the code being lowered cannot be: non-empty means it is dropped. */
    private final List<String> problems = new ArrayList<>();
    /** The generated vector methods (FUNCTIONs, PROCEDUREs, helpers), by name. */
    private final Map<String, String> methods = new LinkedHashMap<>();
    /** The DERIVATIVE blocks in lanes, by vd_ and name: the statements of one group from slot k0, of the state phase. */
    private final Map<String, String> groupKernels = new LinkedHashMap<>();
    private final Set<String> perLaneMath = new HashSet<>();
    private SourceText out;
    /** The mask of the IF branches being lowered, within the method (null: every lane). */
    private String ifMask;
    /** The mask the method was called with (vector FUNCTIONs and PROCEDUREs), else null (every lane). */
    private String callMask;
    /** How v is read: the local holding the current evaluation's v, else (null) the column c_v. */
    private String vArgument;
    /** The Java locals of the NMODL LOCALs and arguments in scope (innermost first): inlined calls rename theirs. */
    private final java.util.Deque<Map<String, String>> scopes = new java.util.ArrayDeque<>();
    /** How deep inlined calls are nested (a recursive FUNCTION is not lowered). */
    private int depth;
    private int temps;
    private String currentsCall;
    private String currentsInLanes = "false";
    /** Whether the current phase's kernels compute no exponential in lanes ({@link #currentRunsOnly()}). */
    private boolean currentRunsOnly = true;
    private String advanceCall;
    /** The FUNCTIONs and PROCEDUREs inlined into the phase being lowered. */
    private final Set<String> inlined = new HashSet<>();
    /** Whether a kernel computes a power in lanes (its scratch array vsPQ is declared then). */
    private boolean powers;
    /** How the DERIVATIVE kernel being lowered takes its powers: by LaneMath per group, or in a pass of its own. */
    private PowerPass powerPass = PowerPass.PER_GROUP;
    /** The lane-by-lane calls (LaneMath, helpers, tables) of the kernel being lowered, and its powers among them. */
    private int laneCalls, powerCalls;
    /** Whether the state phase's one DERIVATIVE kernel has its power in a pass of its own ({@link #powerPass}). */
    private boolean statePowerPass;
    /** The current phase being lowered into lanes (its TABLE FUNCTIONs of v looked up before the groups), else null. */
    private CurrentPhase lowering;
    /** While an evaluation of the current phase takes v as an argument: what it adds to the node's v, else null. */
    private String vShift;
    /** The arrays of the TABLE FUNCTIONs of v looked up before the groups, by function and shift of v (lookedUp). */
    private final Map<String, String> lookUpArrays = new LinkedHashMap<>();
    /** The look-ups of the current kernel being lowered: array, the function and shift of v that fill it. */
    private final Map<String, LookUp> lookUps = new LinkedHashMap<>();
    /** Whether the phase being lowered computes an exponential in lanes. */
    private boolean exponential;
    /** While a once pass is lowered (oncePass): the exponentials it inlines; else -1 (each through LaneMath). */
    private int inlineExps = -1;
    /**
     * The columns held in vector locals while a group is lowered (column -> local), null when none are: a kept
     * column's reads take its local and its writes set it, so a value written is not loaded back and a column
     * read twice is loaded once (AMPA_WITH_CA's current phase wrote each BREAKPOINT variable and loaded it back,
     * in each of the two evaluations). The local always holds what the column would hold at that point.
     */
    private Map<String, String> lanesOf;
    /**
     * While the state phase's one group kernel of a mechanism that writes the nodes is lowered: the columns of ion
     * variables copied from the nodes (column -> node array) not yet set by the kernel, whose loads in a group on
     * consecutive nodes read the node array instead (the same values, just copied; the column's load right after
     * its 512-bit store stalled on Zen 4: cadspine's "scratch stall", docs/dev/nmodl.md, g17, session 40).
     */
    private final Map<String, String> fromNodes = new java.util.HashMap<>();
    /** Whether that kernel is being lowered. */
    private boolean nodeKernel;
    /** Whether that kernel wrote the concentrations to the nodes of a run group from its locals ({@link #kernel}). */
    private boolean nodesWrittenInKernel;
    /** The kept columns whose local was set and not yet written to the column (in the order first set). */
    private final Set<String> pending = new java.util.LinkedHashSet<>();
    /**
     * The kept columns of ion variables the current phase reads, whose locals hold the node's values and whose
     * columns do not (copyIonsIn): written before code that reads the columns from memory, not at the group's end.
     */
    private final Set<String> unstored = new java.util.LinkedHashSet<>();
    /** Whether the current phase copies ion variables into their columns only after INITIAL ({@link #unstored}). */
    private boolean copiesIonsOnce;
    /** The locals of kept columns, declared at the group's start (they are set where first read or written). */
    private final Set<String> declared = new java.util.LinkedHashSet<>();
    /** How many Java if/else branches the code being written is in: a column first read there is not kept. */
    private int branches;

    /** The state phase's kept quotients of parameters (in its DERIVATIVE kernels). */
    private final ParameterQuotients quotients;

    VectorEmitter(JavaGenerator g) {
        this.g = g;
        this.quotients = new ParameterQuotients(g);
    }

    /** The quotients of parameters the state phase's kernels keep, or null when they keep none. */
    ParameterQuotients quotients() {
        return quotients.any() ? quotients : null;
    }

    /**
     * Whether the vector current phase copies the ion variables it reads into their columns only in the first current
     * phase after INITIAL (the block's copyIonsIn, set by initialize() and cleared by currents()).
     */
    boolean copiesIonsOnce() {
        return currentsCall != null && copiesIonsOnce;
    }

    /** The call of the vector current phase in currents() (returns the first slot left), or null when none. */
    String currentsCall() {
        return currentsCall;
    }

    /** Whether the current phase runs in lanes, as a Java expression of the block (a constant or mostlyRuns). */
    String currentsInLanes() {
        return currentsInLanes;
    }

    String advanceCall() {
        return advanceCall;
    }

    // ---- the phases

    /**
     * Lowers the current phase; {@link #currentsCall()} says whether it could. Where the current is affine in v
     * ({@code conductance}, AffineCurrent), two methods: {@code vcurrentsExact} with one evaluation and the slope,
     * {@code vcurrents} with NEURON's two evaluations, chosen by the block's exactConductance.
     */
    void currents(CurrentPhase phase, List<String> terms, Expr conductance) {
        if (!g.topLocals.isEmpty()) {
            return;
        }
        boolean evaluate = !terms.isEmpty() || !phase.twice().isEmpty();
        if (!evaluate) {
            return;
        }
        Set<String> twins = new HashSet<>();
        String numerical = currents(phase, terms, null, "vcurrents", twins);
        String exact = conductance == null ? null : currents(phase, terms, conductance, "vcurrentsExact", twins);
        if (numerical == null || conductance != null && exact == null) {
            methods.remove("vcurrents");
            methods.remove("vcurrentsExact");
            lookUpArrays.clear();
            return;
        }
        currentsCall = exact == null ? numerical : "(exactConductance ? " + exact + " : " + numerical + ")";
        currentsInLanes = currentRunsOnly ? "currentGroups.length > 0" : "true";
        g.vectorTwins.add(JavaGenerator.CURRENT_PHASE);
        g.vectorTwins.addAll(twins);
    }

    /**
     * Whether the current phase's groups are only runs of VL slots on consecutive nodes, the slots between them
     * scalar (its kernels compute no exponential in lanes; currentGroups).
     */
    boolean currentRunsOnly() {
        return currentRunsOnly;
    }

    /**
     * One vector current phase, the method {@code name}: the call of it (null when it cannot be lowered), whose
     * inlined FUNCTIONs and PROCEDUREs go to {@code twins}; with {@code slope} (the current's, affine in v) the
     * evaluation at v only, else the two at v + 0.001 and v.
     */
    private String currents(CurrentPhase phase, List<String> terms, Expr slope, String name, Set<String> twins) {
        SourceText text = new SourceText();
        SourceText saved = out;
        out = text;
        problems.clear();
        inlined.clear();
        exponential = false;
        text.line("");
        text.line("/** The current phase over whole groups of VL slots in vector lanes; returns the first slot left. */");
        text.open("private int " + name + "(CellState s)");
        text.line(DV + " dtv = " + DV + ".broadcast(VS, s.dt);");
        int[] beforeGroups = text.mark();
        lookUps.clear();
        String oncePass = oncePass(phase);
        if (oncePass != null) {
            text.line(oncePass + ";");
        }
        lowering = phase;
        // the groups of currentGroups in slot order, the slots before each by the scalar kernel, so that every node
        // receives its additions in slot order (two slots may share a node); the scalar kernel's call outside the
        // loop over groups that follow one another: in it, the Hay current phases took 2.5-3.2 us per step each
        // against 1.9-2.5 (docs/dev/nmodl.md, "g17, session 41")
        text.line("int done = 0;");
        text.open("for (int r = 0; r < currentGroups.length; )");
        text.line("currentsScalar(s, done, currentGroups[r]);");
        text.line("done = currentGroups[r];");
        text.open("for (; r < currentGroups.length && currentGroups[r] == done; r++)");
        text.line("int k0 = done;");
        // a group on consecutive nodes reads and writes the node arrays as vectors, others slot by slot: the same
        // values either way (the nodes of one group are then distinct, so each receives one addition per array)
        text.line("boolean run = currentRun[r];");
        text.line("int nd0 = laneNode[k0];");
        text.line(DV + " vv;");
        int[] mark = keepColumns();
        // the ion variables read go from the node into their kept locals; into their columns only in the first
        // current phase after INITIAL (copyIonsIn): after any other the state phase copies them again (every slot,
        // every path) before anything can see the columns, as NEURON's nrn_state after its nrn_cur
        List<String> ionsRead = new ArrayList<>();
        forEachIonRead(phase, (var, array) -> ionsRead.add(var));
        ionsRead.forEach(var -> unstored.add("c_" + var));
        text.open("if (run)");
        text.line("vv = " + DV + ".fromArray(VS, s.v, nd0);");
        if (!phase.vAsArgument()) {
            text.line("vv.intoArray(c_v, k0);");
        }
        forEachIonRead(phase, (var, array) -> text.line(keptLocal("c_" + var) + " = " + DV + ".fromArray(VS, "
                + array + ", nd0);"));
        if (!ionsRead.isEmpty()) {
            text.open("if (copyIonsIn)");
            ionsRead.forEach(var -> text.line(lanesOf.get("c_" + var) + ".intoArray(c_" + var + ", k0);"));
            text.close();
        }
        text.close();
        text.open("else");
        text.open("for (int k = k0; k < k0 + VL; k++)");
        SourceText main = g.text;
        g.text = text;
        g.nodeCopies.readNode(true, phase);
        g.text = main;
        text.line("vsV[k - k0] = s.v[nd];");
        text.close();
        text.line("vv = " + DV + ".fromArray(VS, vsV, 0);");
        ionsRead.forEach(var -> text.line(lanesOf.get("c_" + var) + " = " + DV + ".fromArray(VS, c_" + var
                + ", k0);"));
        text.close();
        copiesIonsOnce |= !ionsRead.isEmpty();
        if (!phase.once().isEmpty() && oncePass == null) {
            block(phase.once(), Set.of());
        }
        if (slope == null) {
            text.line(DV + " vg = zero;");
        }
        text.line(DV + " vi = zero;");
        // the two evaluations inline (a vector crossing a call C2 does not inline is boxed, and allocates), or the
        // one at v
        for (String into : slope == null ? List.of("vg", "vi") : List.of("vi")) {
            text.open("");
            if (phase.vAsArgument()) {
                vArgument = "vk" + temps++;
                vShift = into.equals("vg") ? " + 0.001" : "";
                text.line(DV + " " + vArgument + " = " + (into.equals("vg") ? "((" + DV + ") vv.add(0.001))" : "vv")
                        + ";");
            } else {
                setColumn("c_v", into.equals("vg") ? "((" + DV + ") vv.add(0.001))" : "vv");
            }
            block(phase.twice(), Set.of());
            vArgument = null;
            vShift = null;
            String sum = null;
            for (String t : terms) {
                String col = col(t.substring(0, t.indexOf('[')));
                sum = sum == null ? col : "((" + DV + ") " + sum + ".add(" + col + "))";
            }
            text.line(into + " = " + (sum == null ? "zero" : sum) + ";");
            text.close();
        }
        text.line(DV + " vgd = " + (slope == null ? "((" + DV + ") ((" + DV + ") vg.sub(vi)).div(0.001))"
                : num(slope)) + ";");
        // the columns written, before the node arrays (read there from the locals, or slot by slot from memory)
        writePending();
        branches++;
        boolean point = g.kind == Mechanism.Kind.POINT_PROCESS;
        text.open("if (run)");
        if (point) {
            text.line(DV + " sc = " + DV + ".fromArray(VS, s.pointScale, geoNode[k0]);");
        }
        String vscale = point ? ".mul(sc)" : "";
        g.ionCurrentsWritten().forEach((ion, var) -> {
            String array = "ion_" + ion + "_current";
            text.open("if (sum_" + ion + ")");
            text.line("((" + DV + ") " + DV + ".fromArray(VS, " + array + ", nd0).add(" + (point ? "((" + DV + ") "
                    + col("c_" + var) + vscale + ")" : col("c_" + var)) + ")).intoArray(" + array + ", nd0);");
            text.close();
        });
        text.line("((" + DV + ") " + DV + ".fromArray(VS, s.rhs, nd0)." + (g.electrode ? "add" : "sub") + "("
                + (point ? "((" + DV + ") vi" + vscale + ")" : "vi") + ")).intoArray(s.rhs, nd0);");
        text.line("((" + DV + ") " + DV + ".fromArray(VS, s.d, nd0)." + (g.electrode ? "sub" : "add") + "("
                + (point ? "((" + DV + ") vgd" + vscale + ")" : "vgd") + ")).intoArray(s.d, nd0);");
        text.close();
        text.open("else");
        text.line("vgd.intoArray(vsG, 0);");
        text.line("vi.intoArray(vsI, 0);");
        text.open("for (int k = k0; k < k0 + VL; k++)");
        text.line("int nd = laneNode[k];");
        text.line("double g = vsG[k - k0];");
        text.line("double i = vsI[k - k0];");
        String scale = point ? " * s.pointScale[geoNode[k]]" : "";
        g.ionCurrentsWritten().forEach((ion, var) -> {
            text.open("if (sum_" + ion + ")");
            text.line("ion_" + ion + "_current[nd] += c_" + var + "[k]" + scale + ";");
            text.close();
        });
        text.line("s.rhs[nd] " + (g.electrode ? "+=" : "-=") + " i" + scale + ";");
        text.line("s.d[nd] " + (g.electrode ? "-=" : "+=") + " g" + scale + ";");
        text.close();
        text.close();
        branches--;
        endKeeping(mark);
        text.line("done = k0 + VL;");
        text.close();
        text.close();
        text.line("return done;");
        text.close();
        lowering = null;
        // without an exponential in lanes, groups only where the slots are on VL consecutive nodes, found anywhere
        // (not only at multiples of VL), the others by the scalar kernel: a gather of v and a scatter of rhs and d
        // slot by slot through the scratch arrays cost more than the lanes save (measured on the paper's cell:
        // NMDA's current phase 15.4 us per step scalar against 20.6 in lanes slot by slot, but 12.8 with its
        // groups' node arrays as vectors; NaTa_t 6.7, 9.4 and 5.0; docs/dev/nmodl.md, "Vector kernels"); with an
        // exponential, every group of VL slots from slot 0, in lanes either way
        currentRunsOnly &= !exponential;
        if (!lookUps.isEmpty()) {
            text.insert(beforeGroups, lookUpLoop());
        }
        out = saved;
        if (!problems.isEmpty()) {
            return null;
        }
        methods.put(name, text.toString());
        twins.addAll(inlined);
        return name + "(s)";
    }

    /**
     * The current phase's statements run once ({@link CurrentPhase#once()}) as a pass of their own over every group
     * before the groups, when they compute one exponential and the phase reads no ion variable: the call of the
     * pass (the method {@code vonce}), else null (they run in the groups). Its columns are written there and loaded
     * by the groups, the same operations on the same values, so the same bits. In a method that small C2 inlines
     * {@code VectorMath.exp} without passing its inlining limit, where the groups call it through {@link LaneMath}
     * and its scratch array: a 512-bit store then load of a double[8] whose elements are not 32-byte aligned (6 of 8
     * placements of an array) waits for the store to reach the cache on Zen 4, about 25 ns per call
     * (AMPA_WITH_CA's sigmoid: docs/dev/nmodl.md, "The sigmoid's exponential in a pass of its own").
     */
    private String oncePass(CurrentPhase phase) {
        boolean[] readsIon = {false};
        forEachIonRead(phase, (var, array) -> readsIon[0] = true);
        if (phase.once().isEmpty() || readsIon[0]) {
            return null;
        }
        SourceText text = new SourceText();
        SourceText saved = out;
        out = text;
        int problemsBefore = problems.size();
        boolean exponentialBefore = exponential;
        inlineExps = 0;
        text.line("");
        text.line("/** The current phase's statements run once, over whole groups of VL slots, before the groups. */");
        text.open("private void vonce(CellState s)");
        text.line(DV + " dtv = " + DV + ".broadcast(VS, s.dt);");
        text.open("for (int k0 = 0; k0 + VL <= slots; k0 += VL)");
        int[] mark = keepColumns();
        block(phase.once(), Set.of());
        endKeeping(mark);
        text.close();
        text.close();
        out = saved;
        boolean lowered = inlineExps == 1 && problems.size() == problemsBefore;
        inlineExps = -1;
        if (!lowered) {
            problems.subList(problemsBefore, problems.size()).clear();
            exponential = exponentialBefore;
            return null;
        }
        methods.put("vonce", text.toString());
        return "vonce(s)";
    }

    /** Lowers the state phase; {@link #advanceCall()} says whether it could. */
    void advance(List<Stmt.Solve> solves, List<Stmt> afterSolves) {
        if (!g.topLocals.isEmpty()) {
            return;
        }
        SourceText text = new SourceText();
        SourceText saved = out;
        out = text;
        problems.clear();
        inlined.clear();
        List<String> lowered = new ArrayList<>();
        boolean anyVector = false;
        int quotientsBefore = quotients.count();
        // the DERIVATIVE kernels first: the phase's set-up depends on what they keep
        List<Boolean> inLanes = new ArrayList<>();
        // the one kernel of a mechanism that writes the nodes takes, in a run group, what it copies from the node
        // arrays, and writes the nodes from its locals (fromNodes)
        nodeKernel = writesNode() && solves.size() == 1 && afterSolves.isEmpty();
        nodesWrittenInKernel = false;
        if (nodeKernel) {
            forEachIonRead(null, (var, array) -> fromNodes.put("c_" + var, array));
        }
        for (Stmt.Solve sv : solves) {
            String b = sv.block();
            String method = g.cnexpFallbacks.contains(b) ? "derivimplicit" : sv.method();
            inLanes.add(g.derivatives.containsKey(b) && !g.ratePlans.containsKey(b) && !g.newtons.containsKey(b)
                    && !g.eulerDeferred.contains(b)
                    && Set.of("cnexp", "derivimplicit", "euler").contains(method)
                    && derivative(b, method, solves.size() == 1 && afterSolves.isEmpty() && !writesNode()));
        }
        fromNodes.clear();
        boolean nd0Declared = nodeKernel;
        nodeKernel = false;
        text.line("");
        text.line("/** The state phase over whole groups of VL slots in vector lanes; returns the first slot left. */");
        text.open("private int vadvance(CellState s)");
        if (quotients.any()) {
            text.line(quotients.refresh());
            quotients.locals().forEach(text::line);
        }
        text.line("int k0 = 0;");
        // nothing written to the nodes: the copies from them first, for every group, in a loop of their own, so
        // that a group's kernel does not load a column a 512-bit store has just written (a stall on Zen 4 when its
        // elements are not 32-byte aligned: "The sigmoid's exponential in a pass of its own", docs/dev/nmodl.md)
        boolean[] copies = {g.statePhaseReadsV};
        forEachIonRead(null, (var, array) -> copies[0] = true);
        boolean copiesFirst = copies[0] && afterSolves.isEmpty() && !writesNode();
        text.open("for (; k0 + VL <= slots; k0 += VL)");
        // a group on consecutive nodes copies as vectors (the same values), others slot by slot
        text.line("boolean run = runGroup[k0 / VL];");
        if (nd0Declared) {
            text.line("int nd0 = laneNode[k0];");
        }
        text.open("if (run)");
        if (!nd0Declared) {
            text.line("int nd0 = laneNode[k0];");
        }
        if (g.statePhaseReadsV) {
            text.line(DV + ".fromArray(VS, s.v, nd0).intoArray(c_v, k0);");
        }
        forEachIonRead(null, (var, array) -> text.line(DV + ".fromArray(VS, " + array + ", nd0).intoArray(c_" + var
                + ", k0);"));
        text.close();
        text.open("else");
        text.open("for (int k = k0; k < k0 + VL; k++)");
        SourceText main = g.text;
        g.text = text;
        g.nodeCopies.readNodeForStates();
        g.text = main;
        text.close();
        text.close();
        if (copiesFirst || statePowerPass) {
            text.close();
            if (statePowerPass) {
                text.open("for (k0 = 0; k0 + VL <= slots; k0 += VL)");
                text.line("va_" + solves.get(0).block() + "(k0, s);");
                text.close();
                text.line(LaneMath.class.getName() + ".pow(pwX, pwY, pwPQ);");
            }
            text.open("for (k0 = 0; k0 + VL <= slots; k0 += VL)");
        }
        for (int j = 0; j < solves.size(); j++) {
            Stmt.Solve sv = solves.get(j);
            String b = sv.block();
            if (inLanes.get(j)) {
                // the group kernel's statements here, not a call: C2 did not inline AMPA_WITH_CA's ("hot method too
                // big"), whose state phase then took 6.3-6.5 us per call in the paper's cell against 4.8-5.0 with
                // them in the loop (docs/dev/nmodl.md, "g17, session 39")
                text.open("");
                text.lines(groupKernels.get("vd_" + b));
                text.close();
                lowered.add(b);
                anyVector = true;
            } else {
                String call = g.derivatives.containsKey(b) ? (g.ratePlans.containsKey(b) ? "tabulated_" : "d_") + b
                        + "(k, s);" : g.kinetics.containsKey(b) ? g.kinetics.get(b).call(sv.method())
                        : g.procedures.containsKey(b) ? "p_" + b + "(k, s);"
                        : "nl_" + b + "(k, s);";
                text.open("for (int k = k0; k < k0 + VL; k++)");
                text.line(call);
                text.close();
            }
        }
        if (!afterSolves.isEmpty()) {
            text.open("for (int k = k0; k < k0 + VL; k++)");
            text.line("int nd = laneNode[k];");
            // the scalar method StatePhaseEmitter writes, slot by slot: its own copy of v is the slot's
            text.line(StatePhaseEmitter.AFTER_SOLVES + "(k, s);");
            g.text = text;
            g.nodeCopies.writeNode(false);
            g.text = main;
            text.close();
        } else if (writesNode()) {
            if (nodesWrittenInKernel && inLanes.get(0)) {
                text.open("if (!run)");
            } else {
                text.open("if (run)");
                if (!nd0Declared) {
                    text.line("int nd0 = laneNode[k0];");
                }
                forEachConcentrationWritten((var, array) -> text.line(col("c_" + var) + ".intoArray(" + array
                        + ", nd0);"));
                text.close();
                text.open("else");
            }
            text.open("for (int k = k0; k < k0 + VL; k++)");
            text.line("int nd = laneNode[k];");
            g.text = text;
            g.nodeCopies.writeNode(false);
            g.text = main;
            text.close();
            text.close();
        }
        text.close();
        text.line("return k0;");
        text.close();
        out = saved;
        if (!problems.isEmpty() || !anyVector) {
            quotients.dropFrom(quotientsBefore);
        }
        if (problems.isEmpty() && anyVector) {
            methods.put("vadvance", text.toString());
            // a concentration written back slot by slot: two slots of one group on one node would see each
            // other's write in the scalar order only, so such blocks stay scalar
            advanceCall = writesNode() ? "(distinctNodes ? vadvance(s) : 0)" : "vadvance(s)";
            g.vectorTwins.addAll(lowered);
            g.vectorTwins.addAll(inlined);
        }
    }

    /**
     * Each ion variable a phase copies from the node (as NodeCopies.readNode: in the current phase only those
     * {@code phase} reads, null for the state phase), with its node array.
     */
    private void forEachIonRead(CurrentPhase phase, java.util.function.BiConsumer<String, String> action) {
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            ion.getValue().forEach((var, role) -> {
                if (!(role.equals("current") && g.written.contains(var)) && (phase == null || phase.reads(var))) {
                    action.accept(var, "ion_" + ion.getKey() + "_" + role);
                }
            });
        }
    }

    /** Each concentration the mechanism writes (as NodeCopies.writeNode after a state update), with its array. */
    private void forEachConcentrationWritten(java.util.function.BiConsumer<String, String> action) {
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            ion.getValue().forEach((var, role) -> {
                if (g.written.contains(var) && !role.equals("current")) {
                    action.accept(var, "ion_" + ion.getKey() + "_" + role);
                }
            });
        }
    }

    private boolean writesNode() {
        return g.ions.values().stream().anyMatch(m -> m.entrySet().stream()
                .anyMatch(e -> g.written.contains(e.getKey()) && !e.getValue().equals("current")));
    }

    /**
    /**
     * DERIVATIVE b in lanes as the statements of one group from slot k0 ({@link #groupKernels} vd_b), or false (with
     * nothing kept) when some statement cannot be lowered. When {@code alone} (the state phase's one kernel, the
     * groups' node copies before every group), a kernel whose only lane-by-lane call is one power takes it from a
     * pass of its own ({@link #powerPass}).
     */
    private boolean derivative(String b, String method, boolean alone) {
        String name = "vd_" + b;
        if (groupKernels.containsKey(name)) {
            return true;
        }
        List<String> before = new ArrayList<>(problems);
        Set<String> inlinedBefore = new HashSet<>(inlined);
        int quotientsBefore = quotients.count();
        problems.clear();
        boolean powersBefore = powers;
        laneCalls = 0;
        powerCalls = 0;
        String kernel = kernel(b, method);
        boolean ok = problems.isEmpty();
        String fromPass = ok && alone && laneCalls == 1 && powerCalls == 1 ? powerPass(b, method) : null;
        problems.clear();
        problems.addAll(before);
        if (fromPass != null) {
            groupKernels.put(name, fromPass);
            powers = powersBefore;
        } else if (ok) {
            groupKernels.put(name, kernel);
        } else {
            inlined.retainAll(inlinedBefore);
            quotients.dropFrom(quotientsBefore);
        }
        return ok;
    }

    /** The kernel's statements for one group from slot k0, lowered as {@link #powerPass} says; its problems added. */
    private String kernel(String b, String method) {
        SourceText text = new SourceText();
        SourceText saved = out;
        out = text;
        text.line("// DERIVATIVE " + b + " (" + method + ") in vector lanes" + switch (powerPass) {
            case PER_GROUP -> "";
            case ARGUMENTS -> ": its power's arguments alone, into pwX and pwY";
            case RESULT -> ", its power from pwX";
        });
        text.line(DV + " dtv = " + DV + ".broadcast(VS, s.dt);");
        derivativeMethod = method;
        int[] mark = keepColumns();
        block(g.derivatives.get(b).body(), Set.of());
        if (powerPass == PowerPass.ARGUMENTS) {
            pending.clear();
        }
        if (nodeKernel) {
            writeNodesFromLocals();
        }
        endKeeping(mark);
        derivativeMethod = null;
        out = saved;
        return text.toString();
    }

    /**
     * A run group's concentrations written to the nodes from the kernel's locals, not loaded back from the columns
     * just stored (the stall of {@link #fromNodes}); only where every one is in a local ({@link
     * #nodesWrittenInKernel}), else the state phase writes them from the columns after the kernel.
     */
    private void writeNodesFromLocals() {
        List<String> writes = new ArrayList<>();
        nodesWrittenInKernel = true;
        forEachConcentrationWritten((var, array) -> {
            String local = lanesOf.get("c_" + var);
            nodesWrittenInKernel &= local != null;
            writes.add(local + ".intoArray(" + array + ", nd0);");
        });
        if (nodesWrittenInKernel) {
            out.open("if (run)");
            writes.forEach(out::line);
            out.close();
        }
    }

    /**
     * The power of a DERIVATIVE kernel in a pass of its own: va_b(k0, s) stores its arguments for every group, one
     * LaneMath.pow takes them all, and vd_b's statements (in vadvance's loop) read their group's result. One call per group computed one vector
     * whose chain of dependent operations, and the scratch arrays' stores and loads, nothing overlapped (SK_E2's
     * state phase: ~100 ns per group, the power ~75 of it); over every group the halves' loops overlap them.
     * va_b is the kernel up to nothing but its power's arguments: the same operations on the same values as the
     * kernel's, so the same bits; kept only when it writes nothing else: its only vector stores the arguments' two
     * (a column written to memory in a branch is one more). The kernels' only slot-by-slot stores, DecayMemo's kept
     * slopes' (keptSlope), come with an exponential, a second lane-by-lane call, so never reach here. Returns vd_b's
     * statements taking the power from the pass, or null (the pass not made).
     */
    private String powerPass(String b, String method) {
        powerPass = PowerPass.ARGUMENTS;
        String arguments = kernel(b, method);
        powerPass = PowerPass.RESULT;
        String result = kernel(b, method);
        powerPass = PowerPass.PER_GROUP;
        boolean argumentsOnly = arguments.split("\\.intoArray\\(", -1).length - 1 == 2;
        if (!problems.isEmpty() || !argumentsOnly) {
            return null;
        }
        SourceText va = new SourceText();
        va.line("");
        va.open("private void va_" + b + "(int k0, CellState s)");
        if (quotients.any()) {
            quotients.locals().forEach(va::line);
        }
        va.lines(arguments);
        va.close();
        methods.put("va_" + b, va.toString());
        statePowerPass = true;
        return result;
    }

    /** How a DERIVATIVE kernel takes its power ({@link #powerPass}). */
    private enum PowerPass { PER_GROUP, ARGUMENTS, RESULT }

    private String derivativeMethod;

    // ---- statements

    private void block(List<Stmt> body, Map<String, String> scope) {
        g.locals.push(new HashSet<>(scope.keySet()));
        scopes.push(new java.util.HashMap<>(scope));
        for (Stmt st : body) {
            statement(st);
        }
        scopes.pop();
        g.locals.pop();
    }

    private void block(List<Stmt> body, Set<String> none) {
        block(body, Map.of());
    }

    private void statement(Stmt st) {
        if (st instanceof Stmt.Local l) {
            if (l.sizes().stream().anyMatch(size -> size > 0)) {
                problems.add("a LOCAL array");
            }
            for (String n : l.names()) {
                g.locals.peek().add(n);
                String java = "l" + temps++ + "_" + n;
                scopes.peek().put(n, java);
                out.line(DV + " " + java + " = zero;");
            }
        } else if (st instanceof Stmt.Assign a) {
            assign(a);
        } else if (st instanceof Stmt.Protect p) {
            assign(p.assignment());
        } else if (st instanceof Stmt.CallStmt c) {
            callStatement(c.call());
        } else if (st instanceof Stmt.Block b) {
            out.open("");
            block(b.body(), Set.of());
            out.close();
        } else if (st instanceof Stmt.If i) {
            String m = "m" + temps++;
            out.line(MASK + " " + m + " = " + and(ifMask, mask(i.condition())) + ";");
            String outer = ifMask;
            ifMask = m;
            out.open("");
            block(i.then(), Set.of());
            out.close();
            if (!i.otherwise().isEmpty()) {
                ifMask = "m" + temps++;
                out.line(MASK + " " + ifMask + " = " + and(outer, m + ".not()") + ";");
                out.open("");
                block(i.otherwise(), Set.of());
                out.close();
            }
            ifMask = outer;
        } else if (st instanceof Stmt.Comment || st instanceof Stmt.Table t && g.tables.containsValue(t)
                || st instanceof Stmt.Keyword k && Set.of("UNITSON", "UNITSOFF", "CONDUCTANCE").contains(k.keyword())) {
            return;
        } else {
            problems.add(st.getClass().getSimpleName());
        }
    }

    private static String and(String a, String b) {
        return a == null ? b : "((" + MASK + ") " + a + ".and(" + b + "))";
    }

    /** The mask a column write takes: the IF's and the caller's together, or null for every lane. */
    private String writeMask() {
        return callMask == null ? ifMask : ifMask == null ? callMask : and(callMask, ifMask);
    }

    private void assign(Stmt.Assign a) {
        String x = a.target().name();
        if (a.target().index() != null) {
            problems.add("an array element");
            return;
        }
        String value;
        if (a.primes() == 0) {
            value = num(a.value());
        } else if (a.primes() == 1 && derivativeMethod != null && g.instanceVars.contains(x) && !isLocal(x)) {
            value = equation(a, x);
            if (value == null) {
                return;
            }
        } else {
            problems.add("a derivative here");
            return;
        }
        store(x, value);
    }

    /** Writes the variable (a LOCAL or a column) under the current masks. */
    private void store(String x, String value) {
        if (isLocal(x)) {
            String java = local(x);
            out.line(java + " = " + (ifMask == null ? value : "(" + DV + ") " + java + ".blend(" + value + ", "
                    + ifMask + ")") + ";");
            return;
        }
        String column = x.equals("v") ? "c_v" : g.instanceVars.contains(x) ? "c_" + x : null;
        if (column == null || x.equals("v") && vArgument != null) {
            problems.add("an assignment to " + x);
            return;
        }
        String m = writeMask();
        String t = "t" + temps++;
        out.line(DV + " " + t + " = " + value + ";");
        setColumn(column, m == null ? t : "((" + DV + ") " + col(column) + ".blend(" + t + ", " + m + "))");
    }

    /** x' = f: the new x by the block's method, as the scalar kernel's formula (DerivativeEmitter). */
    private String equation(Stmt.Assign a, String x) {
        String state = col("c_" + x);
        String dt = "dtv";
        if (derivativeMethod.equals("euler")) {
            return add(state, mul(dt, num(a.value())));
        }
        EquationSlope equationSlope = EquationSlope.of(a.value(), x, derivativeMethod);
        if (equationSlope == null) {
            problems.add("not linear");
            return null;
        }
        Expr slope = equationSlope.slope();
        boolean linear = equationSlope.linear();
        if (slope == null) {
            return add(state, mul(dt, num(a.value())));
        }
        boolean cnexp = derivativeMethod.equals("cnexp");
        Expr atZeroExpr = linear ? Linear.substitute(a.value(), x, new Expr.Num(a.pos(), "0", "")) : null;
        List<String> inputs = linear && cnexp ? g.decayMemo.inputs(g.parameterNames(), g.constants.keySet(), slope)
                : null;
        if (inputs != null) {
            List<String> withAtZero = g.decayMemo.inputs(g.parameterNames(), g.constants.keySet(), slope, atZeroExpr);
            return keptSlope(state, withAtZero != null ? withAtZero : inputs, slope, atZeroExpr, withAtZero != null);
        }
        memoCalls = cnexp;
        String av = "a" + temps++;
        out.line(DV + " " + av + " = " + num(slope) + ";");
        if (!linear) {
            memoCalls = false;
            return add(state, mul(sub("one", exp(mul(dt, av))), neg(state)));
        }
        String atZero = num(atZeroExpr);
        memoCalls = false;
        if (derivativeMethod.equals("derivimplicit")) {
            return div(add(state, mul(dt, atZero)), sub("one", mul(dt, av)));
        }
        return add(state, mul(sub("one", exp(mul(dt, av))), sub(div(neg(atZero), av), state)));
    }

    /**
     * DecayMemo's kept slope in vector lanes: when every lane of the group has its inputs' bits unchanged, a,
     * 1 - exp(dt a) and (with {@code atZeroToo}) -f0/a are loaded, else computed and kept, with the same
     * operations as the scalar kernel's (its own arrays: a slot is always in a group or always in the tail). Where
     * the slope (and f0) read only parameters the file does not assign but in INITIAL, ParameterQuotients keeps them
     * instead, without a check per group.
     */
    private String keptSlope(String state, List<String> inputs, Expr slope, Expr atZero, boolean atZeroToo) {
        if (quotients.keepsSlope(slope, atZeroToo ? atZero : null, this::isLocal)) {
            // of parameters that change only where the block is told: kept without a check per group
            String ev = quotients.decayLanes(slope);
            if (atZeroToo) {
                return add(state, mul(ev, sub(quotients.targetLanes(atZero, slope), state)));
            }
            String av = quotients.lanes(slope);
            memoCalls = true;
            String f0 = num(atZero);
            memoCalls = false;
            return add(state, mul(ev, sub(div(neg(f0), av), state)));
        }
        String m = "vm" + temps++ + "_";
        String slots = "new double[size * lanes];";
        memoFields.add("private final boolean[] " + m + "ok = new boolean[size * lanes];");
        memoFields.add("private final double[] " + m + "a = " + slots);
        memoFields.add("private final double[] " + m + "e = " + slots);
        if (atZeroToo) {
            memoFields.add("private final double[] " + m + "q = " + slots);
        }
        // the group's check in lanes: every slot kept, and every input's bits (as longs) those it was kept with
        StringBuilder hit = new StringBuilder("((" + MASK + ") " + MASK + ".fromArray(LS, " + m + "ok, k0))");
        for (int j = 0; j < inputs.size(); j++) {
            memoFields.add("private final long[] " + m + "in" + j + " = new long[size * lanes];");
            hit = new StringBuilder("((" + MASK + ") " + hit + ".and(((" + DV + ") " + laneInput(inputs.get(j))
                    + ").reinterpretAsLongs().compare(" + OPS + ".EQ, LongVector.fromArray(LS, " + m + "in" + j
                    + ", k0))))");
        }
        String av = m + "av";
        String ev = m + "ev";
        String qv = m + "qv";
        out.line(DV + " " + av + " = zero;");
        out.line(DV + " " + ev + " = zero;");
        out.line(DV + " " + qv + " = zero;");
        // a method of its own: in the kernel, the mask operations took C1's tier 3 out of virtual registers (the
        // kernel then stayed in tier 2, the Vector API's allocating fallback, never reaching C2)
        methods.put(m + "kept", "\nprivate boolean " + m + "kept(int k0, CellState s) {\n    return " + hit
                + ".allTrue();\n}\n");
        // the check and the kept inputs read the columns from memory
        if (lanesOf != null) {
            for (String input : inputs) {
                String column = input.endsWith("[k]") ? input.substring(0, input.length() - 3) : null;
                if (pending.contains(column)) {
                    writePending();
                }
            }
        }
        methods.put(m + "shared", sharedCheck(m, inputs));
        branches++;
        out.open("if (" + m + "shared(k0, s))");
        keptValues(av, ev, qv, atZeroToo, x -> bc(m + "s" + x));
        out.indent(-1);
        out.open("} else if (" + m + "kept(k0, s))");
        keptValues(av, ev, qv, atZeroToo, x -> col(m + x));
        out.indent(-1);
        out.open("} else");
        out.line(av + " = " + num(slope) + ";");
        out.line(ev + " = " + sub("one", exp(mul("dtv", av))) + ";");
        out.line(av + ".intoArray(" + m + "a, k0);");
        out.line(ev + ".intoArray(" + m + "e, k0);");
        if (atZeroToo) {
            out.line(qv + " = " + div(neg(num(atZero)), av) + ";");
            out.line(qv + ".intoArray(" + m + "q, k0);");
        }
        out.open("for (int k = k0; k < k0 + VL; k++)");
        for (int j = 0; j < inputs.size(); j++) {
            out.line(m + "in" + j + "[k] = Double.doubleToRawLongBits(" + inputs.get(j) + ");");
        }
        out.line(m + "ok[k] = true;");
        out.close();
        // lane 0's values, shared by every group whose inputs have its bits (all of them when the block's
        // instances have the same parameters)
        out.line(m + "sa = " + av + ".lane(0);");
        out.line(m + "se = " + ev + ".lane(0);");
        if (atZeroToo) {
            out.line(m + "sq = " + qv + ".lane(0);");
        }
        for (int j = 0; j < inputs.size(); j++) {
            out.line(m + "sin" + j + " = Double.doubleToRawLongBits(" + inputs.get(j).replace("[k]", "[k0]") + ");");
        }
        out.line(m + "sok = true;");
        out.close();
        branches--;
        if (atZeroToo) {
            return add(state, mul(ev, sub(qv, state)));
        }
        memoCalls = true;
        String f0 = num(atZero);
        memoCalls = false;
        return add(state, mul(ev, sub(div(neg(f0), av), state)));
    }

    /** keptSlope's locals from where they are kept: {@code from} of "a", "e" and (with atZeroToo) "q". */
    private void keptValues(String av, String ev, String qv, boolean atZeroToo,
                            java.util.function.UnaryOperator<String> from) {
        out.line(av + " = " + from.apply("a") + ";");
        out.line(ev + " = " + from.apply("e") + ";");
        if (atZeroToo) {
            out.line(qv + " = " + from.apply("q") + ";");
        }
    }

    /**
     * The check of keptSlope's shared values: whether every lane of the group has the inputs' bits they were
     * computed from. Their fields (one value each, not one per slot) are declared here. Where the block's instances
     * share their parameters, as the synapses of a cell mostly do, a group then reads no kept array.
     */
    private String sharedCheck(String m, List<String> inputs) {
        memoFields.add("private boolean " + m + "sok;");
        memoFields.add("private double " + m + "sa, " + m + "se, " + m + "sq;");
        StringBuilder same = new StringBuilder(m + "sok");
        String lanes = null;
        for (int j = 0; j < inputs.size(); j++) {
            String input = inputs.get(j);
            memoFields.add("private long " + m + "sin" + j + ";");
            if (!input.endsWith("[k]")) {
                same.append(" && Double.doubleToRawLongBits(").append(input).append(") == ").append(m).append("sin")
                        .append(j);
                continue;
            }
            String eq = "((" + DV + ") " + laneInput(input) + ").reinterpretAsLongs().compare(" + OPS + ".EQ, " + m
                    + "sin" + j + ")";
            lanes = lanes == null ? "((" + MASK + ") " + eq + ")" : "((" + MASK + ") " + lanes + ".and(" + eq + "))";
        }
        if (lanes != null) {
            same.append(" && ").append(lanes).append(".allTrue()");
        }
        return "\nprivate boolean " + m + "shared(int k0, CellState s) {\n    return " + same + ";\n}\n";
    }

    /** A kept value's input (DecayMemo.inputs: a column at slot k, or dt or celsius) as the group's vector. */
    private static String laneInput(String input) {
        return input.endsWith("[k]") ? DV + ".fromArray(VS, " + input.substring(0, input.length() - 3) + ", k0)"
                : DV + ".broadcast(VS, " + input + ")";
    }

    /**
     * The exponentials lowered, by the local holding their argument ({@link #same}): e^x of a local not assigned
     * since, where the result's local is in scope, is that local again.
     */
    private final Map<String, Exp> exps = new java.util.HashMap<>();
    /** The inlined calls' argument locals, by name. */
    private final Map<String, Alias> aliases = new java.util.HashMap<>();

    /** The fields of the kept values (keptSlope, keptCall). */
    private final List<String> memoFields = new ArrayList<>();
    /** True while lowering a cnexp equation's slope and f0: pow, log and log10 of what rarely changes are kept. */
    private boolean memoCalls;

    private void callStatement(Expr.Call c) {
        if (g.procedures.containsKey(c.name()) && !g.tables.containsKey(c.name())) {
            inline(g.procedures.get(c.name()), c, false);
        } else if (g.functions.containsKey(c.name())) {
            num(c);
        } else {
            problems.add("the call of " + c.name());
        }
    }

    /**
     * A FUNCTION or PROCEDURE's body inline at its call, in a block of its own: its arguments and LOCALs are new
     * Java locals, its column writes take the call's mask with its own IFs'. Returns the local of a FUNCTION's
     * value.
     */
    private String inline(Item.Block b, Expr.Call c, boolean function) {
        if (depth > 8 || c.args().size() != b.args().size()) {
            problems.add("the call of " + b.name());
            return "zero";
        }
        List<String> args = new ArrayList<>();
        for (Expr e : c.args()) {
            args.add(num(e));
        }
        inlined.add(b.name());
        String result = "r" + temps++;
        if (function) {
            out.line(DV + " " + result + " = zero;");
        }
        String savedIf = ifMask;
        String savedCall = callMask;
        String savedV = vArgument;
        String savedDerivative = derivativeMethod;
        callMask = writeMask();
        ifMask = null;
        vArgument = null;
        derivativeMethod = null;
        depth++;
        out.open("");
        Map<String, String> scope = new LinkedHashMap<>();
        for (int j = 0; j < args.size(); j++) {
            String java = "l" + temps++ + "_" + b.args().get(j).name();
            out.line(DV + " " + java + " = " + args.get(j) + ";");
            scope.put(b.args().get(j).name(), java);
            String of = same(args.get(j));
            if (isJavaLocal(of)) {
                aliases.put(java, new Alias(out, of, out.length()));
            }
        }
        if (function) {
            String java = "l" + temps++ + "_" + b.name();
            out.line(DV + " " + java + " = zero;");
            scope.put(b.name(), java);
        }
        block(b.body(), scope);
        if (function) {
            out.line(result + " = " + scope.get(b.name()) + ";");
        }
        out.close();
        depth--;
        ifMask = savedIf;
        callMask = savedCall;
        vArgument = savedV;
        derivativeMethod = savedDerivative;
        return result;
    }

    // ---- expressions

    private boolean isLocal(String n) {
        return g.isLocal(n);
    }

    /** The Java local of an NMODL LOCAL or argument in scope. */
    private String local(String n) {
        for (Map<String, String> scope : scopes) {
            if (scope.containsKey(n)) {
                return scope.get(n);
            }
        }
        throw new IllegalStateException("no local " + n);
    }

    private static String bc(String scalar) {
        return DV + ".broadcast(VS, " + scalar + ")";
    }

    /**
     * The column's lanes of the group: a kept column's local (loaded into it where first read, outside any
     * branch), else a vector load.
     */
    private String col(String column) {
        String load = DV + ".fromArray(VS, " + column + ", k0)";
        if (fromNodes.containsKey(column)) {
            load = "(run ? " + DV + ".fromArray(VS, " + fromNodes.get(column) + ", nd0) : " + load + ")";
        }
        if (lanesOf == null || !column.startsWith("c_")) {
            return load;
        }
        String local = lanesOf.get(column);
        if (local == null && branches == 0) {
            local = keptLocal(column);
            out.line(local + " = " + load + ";");
        }
        return local != null ? local : load;
    }

    /** The local that holds a kept column (declared at the group's start). */
    private String keptLocal(String column) {
        String local = "lc_" + column.substring(2);
        declared.add(local);
        lanesOf.put(column, local);
        return local;
    }

    /** From here, the columns the group reads and writes are held in locals ({@link #lanesOf}). */
    private int[] keepColumns() {
        lanesOf = new java.util.HashMap<>();
        pending.clear();
        unstored.clear();
        declared.clear();
        return out.mark();
    }

    /** Writes the kept columns' pending values: before anything that reads the columns from memory. */
    private void writePending() {
        for (String column : pending) {
            out.line(lanesOf.get(column) + ".intoArray(" + column + ", k0);");
        }
        pending.clear();
    }

    /** Writes the pending values and forgets every kept column: before a call that may read or write any. */
    private void forgetColumns() {
        fromNodes.clear();
        if (lanesOf != null) {
            writePending();
            for (String column : unstored) {
                out.line(lanesOf.get(column) + ".intoArray(" + column + ", k0);");
            }
            unstored.clear();
            lanesOf.clear();
        }
    }

    /** Writes the pending values, declares the locals at the mark, and keeps no more columns. */
    private void endKeeping(int[] mark) {
        writePending();
        unstored.clear();
        List<String> lines = new ArrayList<>();
        for (String local : declared) {
            lines.add(DV + " " + local + ";");
        }
        out.insert(mark, lines);
        lanesOf = null;
    }

    /** Sets the column's lanes to the vector, in the group's kept local (written later) or in memory. */
    private void setColumn(String column, String vector) {
        fromNodes.remove(column);
        if (lanesOf != null && branches == 0) {
            String local = lanesOf.containsKey(column) ? lanesOf.get(column) : keptLocal(column);
            out.line(local + " = " + vector + ";");
            pending.add(column);
        } else {
            if (lanesOf != null) {
                writePending();
                lanesOf.remove(column);
            }
            out.line(vector + ".intoArray(" + column + ", k0);");
        }
    }

    private static String add(String a, String b) {
        return "((" + DV + ") " + a + ".add(" + b + "))";
    }

    private static String sub(String a, String b) {
        return "((" + DV + ") " + a + ".sub(" + b + "))";
    }

    private static String mul(String a, String b) {
        return "((" + DV + ") " + a + ".mul(" + b + "))";
    }

    private static String div(String a, String b) {
        return "((" + DV + ") " + a + ".div(" + b + "))";
    }

    private static String neg(String a) {
        return "((" + DV + ") " + a + ".neg())";
    }

    /**
     * e^a in every lane by {@code VectorMath.exp} ({@link LaneMath}, through the scratch array vsA: no vector
     * crosses a call, so none is boxed), each lane the scalar twin's {@code StrictExp.exp} (JavaGenerator.exp),
     * bit for bit. LaneMath is never inlined into the kernel, which would otherwise pass C2's inlining limit.
     */
    private String exp(String a) {
        exponential = true;
        String x = same(a);
        Exp kept = exps.get(x);
        if (kept != null && kept.text() == out && out.isOpen(kept.block()) && !out.assignsSince(kept.at(), x)) {
            // e^x again in the same lanes (efun(nu) after exp(nu) in the GHK files): the same bits
            return kept.result();
        }
        String result;
        if (inlineExps >= 0) {
            inlineExps++;
            result = "r" + temps++;
            out.line(DV + " " + result + " = " + VectorMath.class.getName() + ".exp(" + a + ");");
        } else {
            result = laneByLane(LaneMath.class.getName() + ".exp(vsA)", List.of(a));
        }
        if (isJavaLocal(x)) {
            exps.put(x, new Exp(out, result, out.block(), out.length()));
        }
        return result;
    }

    /** Whether the Java expression is a local's name (not an expression of one). */
    private static boolean isJavaLocal(String java) {
        return java.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** An exponential lowered: its result's local, declared in {@code text}'s block {@code block} before {@code at}. */
    private record Exp(SourceText text, String result, int block, int at) {
    }

    /** An inlined call's argument, bound to the caller's local {@code of} where {@code text} was at {@code at}. */
    private record Alias(SourceText text, String of, int at) {
    }

    /**
     * The local holding the same lanes as {@code local}: the caller's local an inlined argument was bound to, while
     * neither has been assigned since; else {@code local} itself.
     */
    private String same(String local) {
        Alias alias = aliases.get(local);
        if (alias == null || alias.text() != out || out.assignsSince(alias.at(), local)
                || out.assignsSince(alias.at(), alias.of())) {
            return local;
        }
        return alias.of();
    }

    /** The expression in vector lanes, as the scalar kernel computes it in each. */
    private String num(Expr e) {
        if ((e instanceof Expr.Binary || e instanceof Expr.Call) && g.expressions.isConstant(e)) {
            return bc(g.num(e)); // the scalar kernel's hoisted constant
        }
        if (derivativeMethod != null && quotients.keeps(e, this::isLocal)) {
            return quotients.lanes(e);
        }
        if (e instanceof Expr.Num n) {
            return bc(ExpressionEmitter.literal(n.value()));
        }
        if (e instanceof Expr.Var v) {
            return var(v);
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") ? neg(num(u.operand())) : "zero.blend(one, " + mask(e) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "+" -> add(num(b.left()), num(b.right()));
                case "-" -> sub(num(b.left()), num(b.right()));
                case "*" -> mul(num(b.left()), num(b.right()));
                case "/" -> div(num(b.left()), num(b.right()));
                case "^" -> {
                    String integer = integerPower(b.left(), b.right());
                    yield integer != null ? integer : fixed(List.of(b.left(), b.right()))
                            ? perLane("Math.pow", List.of(num(b.left()), num(b.right())))
                            : pow(num(b.left()), num(b.right()));
                }
                default -> "((" + DV + ") zero.blend(one, " + mask(e) + "))";
            };
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        problems.add("a string");
        return "zero";
    }

    private String var(Expr.Var v) {
        String n = v.name();
        if (v.index() != null) {
            problems.add("an array element");
            return "zero";
        }
        if (isLocal(n)) {
            return local(n);
        }
        switch (n) {
            case "v":
                return vArgument != null ? vArgument : col("c_v");
            case "t":
                return bc("s.t");
            case "dt":
                return "dtv";
            case "celsius":
                return bc("s.celsius");
            case "PI":
                if (g.builtinPi()) {
                    return bc("Math.PI");
                }
                break;
            default:
                break;
        }
        if (g.instanceVars.contains(n)) {
            return col("c_" + n);
        }
        if (g.constants.containsKey(n)) {
            return bc("K_" + n);
        }
        problems.add("the variable " + n);
        return "zero";
    }

    /** The condition as a mask, C's truth (not zero) for a number. */
    private String mask(Expr e) {
        if (e instanceof Expr.Binary b) {
            String op = switch (b.op()) {
                case "<" -> "LT";
                case "<=" -> "LE";
                case ">" -> "GT";
                case ">=" -> "GE";
                case "==" -> "EQ";
                case "!=" -> "NE";
                default -> null;
            };
            if (op != null) {
                return "((" + MASK + ") " + num(b.left()) + ".compare(" + OPS + "." + op + ", " + num(b.right())
                        + "))";
            }
            if (b.op().equals("&&")) {
                return "((" + MASK + ") " + mask(b.left()) + ".and(" + mask(b.right()) + "))";
            }
            if (b.op().equals("||")) {
                return "((" + MASK + ") " + mask(b.left()) + ".or(" + mask(b.right()) + "))";
            }
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            return "((" + MASK + ") " + mask(u.operand()) + ".not())";
        }
        return "((" + MASK + ") " + num(e) + ".compare(" + OPS + ".NE, 0.0))";
    }

    private String call(Expr.Call c) {
        String name = c.name();
        if (g.functions.containsKey(name) && !g.tables.containsKey(name)) {
            return inline(g.functions.get(name), c, true);
        }
        if (name.equals("pow") && c.args().size() == 2 && g.isMath(name)) {
            String integer = integerPower(c.args().get(0), c.args().get(1));
            if (integer != null) {
                return integer;
            }
        }
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(num(a));
        }
        String looked = lookedUp(c);
        if (looked != null) {
            return looked;
        }
        if (g.functions.containsKey(name)) {
            // a TABLE look-up (or its exact body) lane by lane, as the scalar kernel calls it
            String helper = "vt_" + name;
            if (!methods.containsKey(helper)) {
                methods.put(helper, "\nprivate void " + helper + "(int k0, CellState s) {\n"
                        + "    for (int j = 0; j < VL; j++) {\n"
                        + "        vsA[j] = f_" + name + "(k0 + j, s, vsA[j]);\n    }\n}\n");
            }
            // the scalar FUNCTION reads (and, on its exact path, may write) the slot's columns in memory
            return laneByLane(helper + "(k0, s)", args, true);
        }
        if (!g.isMath(name)) {
            problems.add("the call of " + name);
            return "zero";
        }
        boolean fixed = fixed(c.args());
        if (memoCalls && Set.of("pow", "log", "log10").contains(name)
                && c.args().stream().allMatch(g.expressions::readsNoStepVariable)) {
            return keptCall(fixed || name.equals("log10") ? "Math." + name : JavaGenerator.twinMath(name), args);
        }
        return switch (name) {
            case "exp" -> exp(args.get(0));
            case "log" -> fixed ? perLane("Math.log", args) : laneByLane(LaneMath.class.getName() + ".log(vsA)", args);
            case "pow" -> fixed ? perLane("Math.pow", args) : pow(args.get(0), args.get(1));
            case "fabs" -> "((" + DV + ") " + args.get(0) + ".abs())";
            case "sqrt" -> "((" + DV + ") " + args.get(0) + ".lanewise(" + OPS + ".SQRT))";
            case "fmod" -> perLane("%", args);
            default -> perLane("Math." + name, args);
        };
    }

    /**
     * a^b in every lane by {@code VectorMath.pow} ({@link LaneMath}, through the scratch arrays vsA and vsB), each
     * lane the scalar twin's {@code StrictPow.pow} (JavaGenerator.twinMath), bit for bit; in a state kernel's power
     * pass ({@link #powerPass}) its arguments stored for the pass, or its result read from it, instead.
     */
    private String pow(String a, String b) {
        powerCalls++;
        switch (powerPass) {
            case ARGUMENTS -> {
                out.line(a + ".intoArray(pwX, k0);");
                out.line(b + ".intoArray(pwY, k0);");
                return "zero";
            }
            case RESULT -> {
                String r = "r" + temps++;
                out.line(DV + " " + r + " = " + DV + ".fromArray(VS, pwX, k0);");
                return r;
            }
            default -> powers = true;
        }
        return laneByLane(LaneMath.class.getName() + ".pow(vsA, vsB, vsPQ)", List.of(a, b));
    }

    /**
     * {@code pow(a, 3)} or {@code pow(a, 4)} in lanes, {@link IntegerPower}'s scalar form operation for operation,
     * written out here (a call taking a vector, compiled on its own, would box it); a group with a lane outside the
     * form's range goes lane by lane. Null when not such a power.
     */
    private String integerPower(Expr a, Expr b) {
        int n = IntegerPower.exponent(b);
        if (n == 0 || !g.integerPowers) {
            return null;
        }
        String x = "p" + temps++;
        out.line(DV + " " + x + " = " + num(a) + ";");
        // x^2 = h + l exactly; n = 4: h h = hn + (h h - hn) exactly; n = 3: h x = hn + (h x - hn) exactly
        String other = n == 4 ? x + "h" : x;
        out.line(DV + " " + x + "h = ((" + DV + ") " + x + ".mul(" + x + "));");
        out.line(DV + " " + x + "l = ((" + DV + ") " + x + ".fma(" + x + ", " + x + "h.neg()));");
        out.line(DV + " " + x + "hn = ((" + DV + ") " + x + "h.mul(" + other + "));");
        String low = n == 4 ? "((" + DV + ") " + x + "h.add(" + x + "h)).fma(" + x + "l, " + x + "h.fma(" + x + "h, "
                + x + "hn.neg()))" : x + "l.fma(" + x + ", " + x + "h.fma(" + x + ", " + x + "hn.neg()))";
        String r = x + "r";
        out.line(DV + " " + r + " = ((" + DV + ") " + x + "hn.add(((" + DV + ") " + low + ")));");
        if (n == 3) { // pow(-0, 3) is -0
            out.line(r + " = ((" + DV + ") " + r + ".blend(" + x + ", " + x + ".compare(" + OPS + ".EQ, 0.0)));");
        }
        out.line(DV + " " + x + "a = ((" + DV + ") " + x + ".abs());");
        out.line("if (!((" + MASK + ") ((" + MASK + ") " + x + "a.compare(" + OPS + ".GE, " + IntegerPower.min(n)
                + ")).and(" + x + "a.compare(" + OPS + ".LE, " + IntegerPower.max(n) + ")).or(" + x + ".compare(" + OPS
                + ".EQ, 0.0))).allTrue()) {");
        String lanes = perLane(IntegerPower.class.getName() + ".pow" + n, List.of(x));
        out.line(r + " = " + lanes + ";");
        out.line("}");
        return r;
    }

    /** Whether a pow or log of these arguments keeps Math's bits (ExpressionEmitter.fixed, with this one's locals). */
    private boolean fixed(List<Expr> args) {
        return args.stream().allMatch(a -> ExpressionEmitter.fixed(a, this::isLocal, g));
    }

    /**
     * DecayMemo's kept math call lane by lane: each lane's value kept with the bits of its arguments, the scalar
     * call ({@code function}, the scalar twin's) made only where they changed.
     */
    private String keptCall(String function, List<String> args) {
        String m = "vmc" + temps++ + "_";
        memoFields.add("private final boolean[] " + m + "ok = new boolean[size * lanes];");
        memoFields.add("private final double[] " + m + "v = new double[size * lanes];");
        StringBuilder b = new StringBuilder("\nprivate void " + m + "call(int k0");
        List<String> same = new ArrayList<>();
        same.add(m + "ok[k]");
        List<String> lanes = new ArrayList<>();
        for (int j = 0; j < args.size(); j++) {
            memoFields.add("private final long[] " + m + "in" + j + " = new long[size * lanes];");
            String lane = "vs" + (char) ('A' + j) + "[j]";
            lanes.add(lane);
            same.add("Double.doubleToRawLongBits(" + lane + ") == " + m + "in" + j + "[k]");
        }
        b.append(") {\n");
        // every lane kept with its arguments' bits (checked in lanes): the kept values, else lane by lane
        StringBuilder hit = new StringBuilder("((" + MASK + ") " + MASK + ".fromArray(LS, " + m + "ok, k0))");
        for (int j = 0; j < args.size(); j++) {
            hit = new StringBuilder("((" + MASK + ") " + hit + ".and(((" + DV + ") " + DV + ".fromArray(VS, vs"
                    + (char) ('A' + j) + ", 0)).reinterpretAsLongs().compare(" + OPS + ".EQ, LongVector.fromArray(LS, "
                    + m + "in" + j + ", k0))))");
        }
        b.append("    if (").append(hit).append(".allTrue()) {\n");
        b.append("        ").append(DV).append(".fromArray(VS, ").append(m).append("v, k0).intoArray(vsA, 0);\n");
        b.append("        return;\n    }\n");
        b.append("    for (int j = 0; j < VL; j++) {\n        int k = k0 + j;\n");
        b.append("        if (").append(String.join(" && ", same)).append(") {\n");
        b.append("            vsA[j] = ").append(m).append("v[k];\n        } else {\n");
        for (int j = 0; j < args.size(); j++) {
            b.append("            ").append(m).append("in").append(j).append("[k] = Double.doubleToRawLongBits(")
                    .append(lanes.get(j)).append(");\n");
        }
        b.append("            vsA[j] = ").append(function).append("(").append(String.join(", ", lanes)).append(");\n");
        b.append("            ").append(m).append("v[k] = vsA[j];\n            ").append(m).append("ok[k] = true;\n");
        b.append("        }\n    }\n}\n");
        methods.put(m + "call", b.toString());
        return laneByLane(m + "call(k0)", args);
    }

    /** A math function lane by lane with the scalar kernel's call (the same bits in every lane). */
    private String perLane(String function, List<String> args) {
        String helper = "vm_" + (function.equals("%") ? "fmod" : function.substring(function.lastIndexOf('.') + 1))
                + args.size();
        if (perLaneMath.add(helper)) {
            StringBuilder b = new StringBuilder("\nprivate void " + helper + "() {\n");
            List<String> lanes = new ArrayList<>();
            for (int j = 0; j < args.size(); j++) {
                lanes.add("vs" + (char) ('A' + j) + "[j]");
            }
            b.append("    for (int j = 0; j < VL; j++) {\n        vsA[j] = ");
            b.append(function.equals("%") ? "(" + lanes.get(0) + " % " + lanes.get(1) + ")"
                    : function + "(" + String.join(", ", lanes) + ")");
            b.append(";\n    }\n}\n");
            methods.put(helper, b.toString());
        }
        return laneByLane(helper + "()", args);
    }

    /**
     * A TABLE FUNCTION's value at the evaluation's v, when the call's one argument is v and the function's value
     * depends on nothing the current phase writes or copies from the node (a pure FUNCTION reading no ion variable,
     * whose column the groups set; NMDA's mgblock(v)): looked up for every slot before the groups, by the scalar
     * call the lanes would make one by one (the same call on the same values, so the same bits), and loaded here;
     * else null. The groups then make no call that reads the columns from memory.
     */
    private String lookedUp(Expr.Call c) {
        if (lowering == null || vShift == null || !g.tables.containsKey(c.name()) || c.args().size() != 1
                || !(c.args().get(0) instanceof Expr.Var a) || !a.name().equals("v") || a.index() != null
                || isLocal("v") || !g.callsOnlyPure(c, new HashSet<>())
                || lowering.reads(c).stream().anyMatch(x -> lowering.writes().contains(x) || g.isIonVariable(x))) {
            return null;
        }
        String array = lookUpArrays.computeIfAbsent(c.name() + vShift, key -> "tv" + lookUpArrays.size() + "_"
                + c.name());
        lookUps.put(array, new LookUp(c.name(), vShift));
        return DV + ".fromArray(VS, " + array + ", k0)";
    }

    /** A look-up of {@link #lookedUp}: the TABLE FUNCTION, and what its argument adds to the node's v. */
    private record LookUp(String function, String shift) {
    }

    /**
     * The loop of {@link #lookedUp}'s look-ups, before the groups: one loop over the slots from the first group's
     * to the last's (a slot between groups, which the scalar kernel computes, is looked up unused), each function
     * by the scalar call the lanes would make, or, looked up at v + 0.001 and at v in a thread-safe mechanism (its
     * table checked once per phase, not per call), by {@link #twiceInOneInterval}. A loop per group with the two
     * calls took NMDA's current phase 10.3 us per call in the paper's cell, this loop with the two in one interval
     * 7.6-8.2 (the hand-written kernel's, which does the same: 6.1; docs/dev/nmodl.md, "g17, session 39").
     */
    private List<String> lookUpLoop() {
        List<String> lines = new ArrayList<>();
        lines.add("// the TABLE FUNCTIONs of v alone, looked up for every slot from the first group's to the last's (lookedUp)");
        lines.add("if (currentGroups.length > 0) {");
        lines.add("    for (int k = currentGroups[0], end = currentGroups[currentGroups.length - 1] + VL; k < end; k++) {");
        lines.add("        double vk = s.v[laneNode[k]];");
        lookUps.forEach((array, l) -> {
            String above = lookUpArrays.get(l.function() + " + 0.001");
            String at = lookUpArrays.get(l.function());
            if (!g.threadSafe || !lookUps.containsKey(above) || !lookUps.containsKey(at)) {
                lines.add("        " + array + "[k] = f_" + l.function() + "(k, s, vk" + l.shift() + ");");
            } else if (array.equals(above)) {
                lines.add("        " + twiceInOneInterval(l.function()) + "(k, s, vk, " + above + ", " + at + ");");
            }
        });
        lines.add("    }");
        lines.add("}");
        return lines;
    }

    /**
     * The helper that looks TABLE FUNCTION {@code f} up at vk + 0.001 into {@code above[k]} and at vk into {@code
     * at[k]}: where both fall inside one interval of the table, its two entries are loaded once and each value is
     * computed as {@code f_} computes it (the same operations on the same values, so the same bits); elsewhere
     * (either at or beyond an end, NaN, two intervals, tables off) by the two calls. Only for a thread-safe
     * mechanism, whose {@code f_} does not check the table per call.
     */
    private String twiceInOneInterval(String f) {
        String helper = "tw_" + f;
        String tab = "tab_" + f + "_" + f;
        String n = ExpressionEmitter.literal(g.tables.get(f).points());
        methods.computeIfAbsent(helper, h -> "\nprivate void " + h + "(int k, CellState s, double vk, double[] above, "
                + "double[] at) {\n"
                + "    double xa = mfac_" + f + " * ((vk + 0.001) - tmin_" + f + ");\n"
                + "    double x = mfac_" + f + " * (vk - tmin_" + f + ");\n"
                + "    int i = (int) x;\n"
                + "    if (useTables && x > 0.0 && x < " + n + " && xa > 0.0 && xa < " + n + " && i == (int) xa) {\n"
                + "        double low = " + tab + "[i];\n"
                + "        double step = " + tab + "[i + 1] - low;\n"
                + "        above[k] = low + (xa - (double) i) * step;\n"
                + "        at[k] = low + (x - (double) i) * step;\n"
                + "    } else {\n"
                + "        above[k] = f_" + f + "(k, s, vk + 0.001);\n"
                + "        at[k] = f_" + f + "(k, s, vk);\n"
                + "    }\n}\n");
        return helper;
    }

    /**
     * Runs a lane-by-lane helper on the arguments through the scratch arrays (vsA, vsB, vsC: no vector crosses
     * the call, so nothing is boxed), its result in a new local, which is returned.
     */
    private String laneByLane(String call, List<String> args) {
        return laneByLane(call, args, false);
    }

    /** As above; a call that {@code readsColumns} sees them in memory, and kept columns are loaded again after. */
    private String laneByLane(String call, List<String> args, boolean readsColumns) {
        if (args.size() > 3) {
            problems.add("a math function of more than 3 arguments");
            return "zero";
        }
        laneCalls++;
        for (int j = 0; j < args.size(); j++) {
            out.line(args.get(j) + ".intoArray(vs" + (char) ('A' + j) + ", 0);");
        }
        if (readsColumns) {
            forgetColumns();
        }
        out.line(call + ";");
        String r = "r" + temps++;
        out.line(DV + " " + r + " = " + DV + ".fromArray(VS, vsA, 0);");
        return r;
    }

    // ---- the class's parts

    /** Whether any phase has a vector kernel. */
    boolean any() {
        return currentsCall != null || advanceCall != null;
    }

    /** The fields the vector kernels use. */
    void emitFields() {
        g.line("/** The vector kernels: the preferred species, its length, scratch arrays of one group. */");
        g.line("private static final VectorSpecies VS = " + DV + ".SPECIES_PREFERRED;");
        g.line("private static final int VL = VS.length();");
        g.line("private static final VectorSpecies LS = VS.withLanes(long.class);");
        g.line("private static final " + DV + " zero = " + DV + ".zero(VS);");
        g.line("private static final " + DV + " one = " + DV + ".broadcast(VS, 1.0);");
        g.line("private static final " + MASK + " all = VS.maskAll(true);");
        g.line("private final double[] vsA = new double[VL], vsB = new double[VL], vsC = new double[VL];");
        g.line("private final double[] vsV = new double[VL], vsG = new double[VL], vsI = new double[VL];");
        if (powers) {
            g.line("/** LaneMath.pow's scratch: y log x in two parts. */");
            g.line("private final double[] vsPQ = new double[2 * VL];");
        }
        if (statePowerPass) {
            g.line("/** The state kernel's power in a pass of its own: its arguments at every whole group's slots, y log x in two parts. */");
            g.line("private final double[] pwX = new double[size * lanes / VL * VL], pwY = new double[pwX.length];");
            g.line("private final double[] pwPQ = new double[2 * pwX.length];");
        }
        g.line("/** Whether the slots' node indices are all different (a concentration written back per slot). */");
        g.line("private final boolean distinctNodes;");
        g.line("/** Per group of VL slots: whether its slots' nodes (per lane and geometric) are VL consecutive nodes. */");
        g.line("private final boolean[] runGroup;");
        g.line("/** The first slot of each group of the current phase's kernels (VectorEmitter.currentRunsOnly), and whether it is a run. */");
        g.line("private final int[] currentGroups;");
        g.line("private final boolean[] currentRun;");
        memoFields.forEach(g::line);
        lookUpArrays.values().forEach(array -> g.line("private final double[] " + array + " = new double[size * lanes];"));
        if (copiesIonsOnce()) {
            g.line("/** Whether this current phase is the first after INITIAL: the one whose ion copies no state phase makes again before they can be seen. */");
            g.line("private boolean copyIonsIn;");
        }
        if (quotients.any()) {
            quotients.emitFields();
        }
    }

    /** The vector methods, and the helpers they call. */
    void emitMethods() {
        methods.values().forEach(m -> {
            for (String line : m.split("\n", -1)) {
                g.line(line);
            }
        });
        if (quotients.any()) {
            quotients.emitMethod();
        }
        g.line("");
        g.open("private static boolean[] runGroups(int[] laneNode, int[] geoNode, int[] starts)");
        g.line("boolean[] run = new boolean[starts.length];");
        g.open("for (int r = 0; r < starts.length; r++)");
        g.line("run[r] = isRun(laneNode, geoNode, starts[r]);");
        g.close();
        g.line("return run;");
        g.close();
        g.line("");
        g.line("/** Whether the VL slots from k0 are on VL consecutive nodes (per lane and geometric). */");
        g.open("private static boolean isRun(int[] laneNode, int[] geoNode, int k0)");
        g.line("boolean r = true;");
        g.open("for (int j = 1; j < VL; j++)");
        g.line("r &= laneNode[k0 + j] == laneNode[k0] + j && geoNode[k0 + j] == geoNode[k0] + j;");
        g.close();
        g.line("return r;");
        g.close();
        g.line("");
        g.line("/** Every group of VL slots from slot 0 or, runsOnly, the runs of VL slots on consecutive nodes, found in slot order. */");
        g.open("private static int[] groups(int[] laneNode, int[] geoNode, boolean runsOnly)");
        g.line("int[] starts = new int[laneNode.length / VL];");
        g.line("int groups = 0;");
        g.open("for (int k0 = 0; k0 + VL <= laneNode.length; )");
        g.open("if (!runsOnly || isRun(laneNode, geoNode, k0))");
        g.line("starts[groups++] = k0;");
        g.line("k0 += VL;");
        g.text.indent(-1);
        g.open("} else");
        g.line("k0++;");
        g.close();
        g.close();
        g.line("return java.util.Arrays.copyOf(starts, groups);");
        g.close();
        g.line("");
        g.open("private static boolean distinct(int[] nodes)");
        g.line("int[] sorted = java.util.Arrays.copyOf(nodes, nodes.length);");
        g.line("java.util.Arrays.sort(sorted);");
        g.open("for (int j = 1; j < sorted.length; j++)");
        g.open("if (sorted[j] == sorted[j - 1])");
        g.line("return false;");
        g.close();
        g.close();
        g.line("return true;");
        g.close();
    }
}
