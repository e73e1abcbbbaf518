package org.spineformer.nmodl.gen;

import java.util.List;
import java.util.Set;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The state phase (nocmodl's nrn_state): advance(), each SOLVE of the BREAKPOINT called per instance in order, and
 * the Nernst helper the phases share.
 */
final class StatePhaseEmitter {
    /** The method of the BREAKPOINT's statements run in the state phase. */
    static final String AFTER_SOLVES = "breakpointAfterSolves";
    private final JavaGenerator g;

    StatePhaseEmitter(JavaGenerator g) {
        this.g = g;
    }

    /**
     * advance(): per instance, the SOLVEs in order, then {@code afterSolves} (the BREAKPOINT of a mechanism that
     * writes no current, which nocmodl runs here and not in nrn_cur: {@link ClassSkeleton}).
     */
    void emit(List<Stmt.Solve> solves, List<Stmt> afterSolves, String vectorCall) {
        g.line("");
        boolean joinable = joinable(solves, afterSolves, vectorCall != null);
        if (joinable) {
            emitJoined(solves.get(0).block());
            g.line("");
            g.open("@Override public void advanceAlone(CellState s)");
        } else {
            g.open("@Override public void advance(CellState s)");
        }
        RateTableEmitter rateTables = new RateTableEmitter(g);
        g.ratePlans.values().forEach(rateTables::emitBeforeStatePhase);
        if (vectorCall != null) {
            // not called with fewer slots than one group: it would only run its set-up (JFR: its broadcast in the
            // Vector API's Java fallback in Allen's Nap); Allen's soma blocks of one instance, -2.5% per step
            // without it (performance.md "s32")
            g.line("int first = vectorKernels && slots >= VL ? " + vectorCall + " : 0;");
        }
        if (vectorCall == null && deferExact(solves, afterSolves)) {
            // one SOLVE, from its table of v, a function of each slot's own columns: the slots it must compute
            // exactly (outside the table, an interval not used) are computed after the loop, which then has no
            // call (C2 keeps the table and the columns in registers across it); the same values, each slot's
            // step depending on nothing another slot's step writes
            String b = solves.get(0).block();
            g.methods.put(b, "cnexp");
            g.line("int exact = 0;");
            g.open("for (int k = 0; k < slots; k++)");
            g.nodeCopies.readNode(false);
            g.open("if (!tableStep_" + b + "(k, s))");
            g.line("rateTableExactSlots_" + b + "[exact++] = k;");
            g.close();
            g.close();
            g.open("for (int j = 0; j < exact; j++)");
            g.line("d_" + b + "(rateTableExactSlots_" + b + "[j], s);");
            g.close();
            g.close();
            emitHelpers(afterSolves);
            return;
        }
        g.open("for (int k = " + (vectorCall != null ? "first" : "0") + "; k < slots; k++)");
        g.nodeCopies.readNodeForStates();
        for (Stmt.Solve sv : solves) {
            if (g.derivatives.containsKey(sv.block())) {
                if (!Set.of("cnexp", "derivimplicit", "euler", "runge", "adrunge").contains(sv.method())) {
                    g.notYet(sv.pos(), "SOLVE " + sv.block() + " METHOD " + (sv.method().isEmpty() ? "(none)"
                            : sv.method()) + " (cnexp, derivimplicit, euler, runge and adrunge are compiled so far)");
                }
                g.methods.put(sv.block(), g.cnexpFallbacks.contains(sv.block()) ? "derivimplicit" : sv.method());
                g.line((g.ratePlans.containsKey(sv.block()) ? "tabulated_" : "d_") + sv.block() + "(k, s);");
            } else if (g.kinetics.containsKey(sv.block()) && Set.of("sparse", "euler", "runge").contains(sv.method())
                    && !sv.steadyState()) {
                g.line(g.kinetics.get(sv.block()).call(sv.method()));
            } else if (g.procedures.containsKey(sv.block()) && Set.of("", "after_cvode", "cvode_t", "cvode_t_v")
                    .contains(sv.method())) {
                // the CVODE methods of a PROCEDURE change nothing with the fixed step: nocmodl's solve.cpp calls it
                // in nrn_state as a SOLVE without METHOD (cvode_t: only "if (!cvode_active_)")
                g.line("p_" + sv.block() + "(k, s);");
            } else if (g.nonlinears.containsKey(sv.block()) && (sv.method().equals("newton")
                    || sv.method().isEmpty()) && !sv.steadyState()) {
                // without METHOD too: nocmodl's default for a NONLINEAR block is newton()
                g.line("nl_" + sv.block() + "(k, s);");
            } else {
                g.notYet(sv.pos(), "SOLVE " + sv.block() + (sv.method().isEmpty() ? "" : " METHOD " + sv.method()));
            }
        }
        if (!afterSolves.isEmpty()) {
            g.line(AFTER_SOLVES + "(k, s);");
        }
        g.nodeCopies.writeNode(false);
        g.close();
        g.close();
        emitHelpers(afterSolves);
    }

    /**
     * Whether the state phase can join other blocks' in one pass ({@link JoinableStates}): its loop is the one of
     * {@link #deferExact}, not in vector lanes, and its table has no outputs but the states' or they are read
     * lazily (the pass steps the states only).
     */
    boolean joinable(List<Stmt.Solve> solves, List<Stmt> afterSolves, boolean vectorAdvance) {
        if (vectorAdvance || !deferExact(solves, afterSolves)) {
            return false;
        }
        String b = solves.get(0).block();
        return g.lazyOutputs.contains(b) || g.ratePlans.get(b).outputs().isEmpty();
    }

    /**
     * advance() by the joined pass when the engine joined this block with others (the first of them does it), and
     * {@link JoinableStates}' methods: the parts of the phase's loop the pass does slot by slot, the rest here.
     */
    private void emitJoined(String b) {
        RateTables.Plan p = g.ratePlans.get(b);
        String lane0 = RateTableEmitter.perLane(p) ? "[0]" : "";
        String joined = JoinedTableStates.class.getName();
        g.line("/** The pass that does this block's state phase with others' (JoinedTableStates), when this one leads it. */");
        g.line("private " + joined + " joinedStates;");
        g.line("");
        g.open("@Override public java.util.List<MechanismBlock> joinStatePhases(java.util.List<MechanismBlock> following)");
        g.line("joinedStates = " + joined + ".join(this, following);");
        g.line("return " + joined + ".taken(joinedStates);");
        g.close();
        g.line("");
        g.open("@Override public void advance(CellState s)");
        g.open("if (joinedStates != null)");
        g.line("joinedStates.advance(s);");
        g.close();
        g.open("else");
        g.line("advanceAlone(s);");
        g.close();
        g.close();
        g.line("");
        boolean lazy = g.lazyOutputs.contains(b);
        g.open("@Override public boolean joinedPrepare(CellState s)");
        new RateTableEmitter(g).emitBeforeStatePhase(p);
        g.line("return rateTableOn_" + b + lane0 + (lazy ? " && !rateTableEager_" + b : "") + ";");
        g.close();
        g.line("");
        g.open("@Override public org.spineformer.nmodl.gen.VoltageTable joinedTable()");
        g.line("return rateTable_" + b + lane0 + ";");
        g.close();
        g.line("");
        g.open("@Override public double[][] joinedStates()");
        g.line("return new double[][] {" + String.join(", ", p.states().stream().map(x -> "c_" + x).toList()) + "};");
        g.close();
        g.line("");
        g.open("@Override public double[] joinedPositions()");
        g.line("return " + (lazy ? "rateTableAt_" + b : "null") + ";");
        g.close();
        g.line("");
        g.open("@Override public int[] joinedNodes()");
        g.line("return laneNode;");
        g.close();
        g.line("");
        // v's copy (the first pair) is read by the exact step alone: the pass steps from the table without it
        List<String> copies = g.nodeCopies.statePhaseCopies();
        g.open("@Override public double[][] joinedCopies(CellState s)");
        g.line("return new double[][] {" + String.join(", ", copies.subList(2, copies.size())) + "};");
        g.close();
        g.line("");
        g.open("@Override public void joinedExact(int[] slots, int count, CellState s)");
        g.open("for (int j = 0; j < count; j++)");
        g.line("int k = slots[j];");
        g.line("c_v[k] = s.v[laneNode[k]];");
        g.line("d_" + b + "(k, s);");
        g.close();
        g.close();
    }

    /**
     * Whether the state phase is one cnexp SOLVE with a table of v (RateTables: what it writes is the slot's own,
     * what it reads is v, parameters and ion variables the mechanism does not write), nothing after it, in a
     * mechanism that writes no concentration back to its node.
     */
    private boolean deferExact(List<Stmt.Solve> solves, List<Stmt> afterSolves) {
        if (solves.size() != 1 || !afterSolves.isEmpty()) {
            return false;
        }
        Stmt.Solve sv = solves.get(0);
        boolean writesIon = g.ions.values().stream().anyMatch(m -> m.entrySet().stream()
                .anyMatch(e -> g.written.contains(e.getKey()) && !e.getValue().equals("current")));
        return g.derivatives.containsKey(sv.block()) && g.ratePlans.containsKey(sv.block())
                && sv.method().equals("cnexp") && !g.cnexpFallbacks.contains(sv.block()) && !writesIon;
    }

    /** The BREAKPOINT's statements after the SOLVEs as a method (when any), and the Nernst helper (when used). */
    private void emitHelpers(List<Stmt> afterSolves) {
        if (!afterSolves.isEmpty()) {
            g.line("");
            g.line("/** The BREAKPOINT without its SOLVEs, after them: the mechanism writes no current (nrn_state). */");
            g.open("private void " + AFTER_SOLVES + "(int k, CellState s)");
            g.body(afterSolves, Set.of());
            g.close();
        }
        if (g.usesNernst()) {
            g.line("");
            g.line("/** NEURON's nrn_nernst (mV), with its modern gas constant and Faraday constant: the engine's. */");
            g.open("private static double nernst(double ci, double co, double z, double celsius)");
            g.line("return org.spineformer.engine.mech.Ion.nernst(ci, co, z, celsius);");
            g.close();
        }
    }
}
