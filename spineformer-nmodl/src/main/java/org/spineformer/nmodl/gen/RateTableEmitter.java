package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A cnexp DERIVATIVE block read from a table of v ({@link RateTables}): its fields, check, evaluation, lookup. */
final class RateTableEmitter {
    private final JavaGenerator g;

    RateTableEmitter(JavaGenerator g) {
        this.g = g;
    }

    void emitRateTableFields(RateTables.Plan p) {
        String b = p.block();
        g.line("/** DERIVATIVE " + b + " as a table of v (RateTables): per state F and X, then " + p.outputs() + ". */");
        g.line("private org.spineformer.nmodl.gen.VoltageTable rateTable_" + b + ";");
        g.line("private boolean rateTableOn_" + b + ";");
        g.line("private double rateTableDt_" + b + " = Double.NaN, rateTableCelsius_" + b + " = Double.NaN;");
        for (String param : p.parameters()) {
            g.line("private double rateTable_" + b + "_" + param + " = Double.NaN;");
        }
        for (String var : p.ionInputs()) {
            g.line("private double rateTable_" + b + "_" + var + " = Double.NaN;");
        }
        if (!p.ionInputs().isEmpty()) {
            g.line("/** Rebuilds because an ion variable changed; beyond " + JavaGenerator.ION_REBUILDS + " the block runs exactly. */");
            g.line("private int rateTableIonRebuilds_" + b + ";");
        }
        g.line("private CellState rateTableState_" + b + ";");
        List<String> at = new ArrayList<>();
        p.comparedWith().forEach(e -> at.add(g.num(e)));
        // an instance field: initialized after the static C_n constants it may use
        g.line("private final double[] rateTableExactAt_" + b + " = {" + String.join(", ", at) + "};");
        if (g.lazyOutputs.contains(b)) {
            g.line("/** LazyTableOutputs: where each slot read the table at the last state phase (-1: exactly), whether"
                    + " " + p.outputs() + " are still to be read from it, and whether each state phase writes them. */");
            g.line("private double[] rateTableAt_" + b + ";");
            g.line("private boolean rateTableStale_" + b + ", rateTableEager_" + b + ";");
        }
    }

    /** The state phase's lines before its loop: the table checked, and for lazy outputs where they are read from. */
    void emitBeforeStatePhase(RateTables.Plan p) {
        String b = p.block();
        g.line("checkRateTable_" + b + "(s);");
        if (g.lazyOutputs.contains(b)) {
            g.open("if (!rateTableEager_" + b + ")");
            g.open("if (rateTableAt_" + b + " == null)");
            g.line("rateTableAt_" + b + " = new double[slots];");
            g.close();
            g.line("rateTableStale_" + b + " = true;");
            g.close();
        }
    }

    /**
     * MechanismBlock.fieldAccess: every lazy output brought up to date before any column is handed out, and the
     * block's outputs written at every state phase once one of theirs is (the caller may read it at any time).
     */
    void emitFieldAccess() {
        g.line("");
        g.open("@Override protected void fieldAccess(String field)");
        for (String b : g.lazyOutputs) {
            g.line("rateTableOutputs_" + b + "();");
            List<String> outputs = g.ratePlans.get(b).outputs();
            g.open("if (" + String.join(" || ", outputs.stream().map(w -> "field.equals(\"" + w + "\")").toList()) + ")");
            g.line("rateTableEager_" + b + " = true;");
            g.close();
        }
        g.close();
    }

    /** The engine Ion's per-node array that ion variable {@code var} is read from ("ion_na_reversal"). */
    private String ionArray(String var) {
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            if (ion.getValue().containsKey(var)) {
                return "ion_" + ion.getKey() + "_" + ion.getValue().get(var);
            }
        }
        throw new IllegalStateException(var + " is not an ion variable");
    }

    void emitRateTableMethods(RateTables.Plan p) {
        String b = p.block();
        String table = "rateTable_" + b;
        g.line("");
        g.line("/** Uses the table of " + b + " when tables are on and its parameters are the same in every instance;"
                + " rebuilds it when dt, celsius or those change. */");
        g.open("private void checkRateTable_" + b + "(CellState s)");
        g.line("rateTableOn_" + b + " = false;");
        g.open("if (!useTables || size == 0)");
        g.line("return;");
        g.close();
        List<String> changed = new ArrayList<>(List.of(table + " == null", "s.dt != rateTableDt_" + b,
                "s.celsius != rateTableCelsius_" + b));
        // the table is used when every input is the same in every instance, in each trial alone; with trials in
        // lanes, only when that holds in every lane with the same values (then each lane's table is this one)
        List<String> differ = new ArrayList<>();
        List<String> differFromLane0 = new ArrayList<>();
        for (String param : p.parameters()) {
            String col = "c_" + param;
            differ.add("!(" + col + "[k] == " + col + "[l])");
            differFromLane0.add("!(" + col + "[l] == " + col + "[0])");
            changed.add(col + "[0] != rateTable_" + b + "_" + param);
        }
        // an ion variable is read from the ion's per-node array: the columns are copied later, per instance
        List<String> ionChanged = new ArrayList<>();
        for (String var : p.ionInputs()) {
            String array = ionArray(var);
            differ.add("!(" + array + "[laneNode[k]] == " + array + "[laneNode[l]])");
            differFromLane0.add("!(" + array + "[laneNode[l]] == " + array + "[laneNode[0]])");
            ionChanged.add(array + "[laneNode[0]] != rateTable_" + b + "_" + var);
        }
        if (!differ.isEmpty()) {
            g.line("int uniformLanes = 0;");
            g.open("for (int l = 0; l < lanes; l++)");
            g.line("boolean uniform = true;");
            g.open("for (int k = l + lanes; k < slots && uniform; k += lanes)");
            g.line("uniform = !(" + String.join(" || ", differ) + ");");
            g.close();
            g.line("uniformLanes += uniform ? 1 : 0;");
            g.close();
            g.open("if (uniformLanes == 0)");
            g.line("return;");
            g.close();
            g.open("for (int l = 1; l < lanes; l++)");
            g.open("if (uniformLanes < lanes || " + String.join(" || ", differFromLane0) + ")");
            g.line("throw new UnsupportedOperationException(\"" + JavaGenerator.javaString(g.mod.file()) + ": the inputs of"
                    + " the table of v of " + b + " differ between trials in lanes: not supported yet\");");
            g.close();
            g.close();
        }
        if (!ionChanged.isEmpty()) {
            // a concentration that one compartment's pool changes every step would rebuild the table every step
            g.open("if (" + table + " != null && (" + String.join(" || ", ionChanged) + "))");
            g.open("if (rateTableIonRebuilds_" + b + " == " + JavaGenerator.ION_REBUILDS + ")");
            g.line("return;");
            g.close();
            g.line("rateTableIonRebuilds_" + b + "++;");
            g.close();
            changed.addAll(ionChanged);
        }
        g.open("if (" + String.join(" || ", changed) + ")");
        g.line("rateTableState_" + b + " = s;");
        g.line("rateTableDt_" + b + " = s.dt;");
        g.line("rateTableCelsius_" + b + " = s.celsius;");
        for (String param : p.parameters()) {
            g.line("rateTable_" + b + "_" + param + " = c_" + param + "[0];");
        }
        for (String var : p.ionInputs()) {
            g.line("rateTable_" + b + "_" + var + " = " + ionArray(var) + "[laneNode[0]];");
        }
        g.line(table + " = new org.spineformer.nmodl.gen.VoltageTable(" + p.width()
                + ", new org.spineformer.engine.table.RateTable.Functions() {");
        g.text.indent(1);
        g.open("public void evaluate(double x, double[] out)");
        g.line("rateTableEvaluate_" + b + "(x, rateTableState_" + b + ", out);");
        g.close();
        g.text.indent(-1);
        g.line("}, rateTableExactAt_" + b + ");");
        g.close();
        g.line("rateTableOn_" + b + " = true;");
        g.close();

        g.line("");
        g.line("/** The table's functions at v = x: the block run on instance 0's columns, which are restored. */");
        g.open("private void rateTableEvaluate_" + b + "(double x, CellState s, double[] out)");
        g.line("int k = 0;");
        g.line("double saved_v = c_v[0];");
        g.line("c_v[0] = x;");
        for (String w : p.outputs()) {
            g.line("double saved_" + w + " = c_" + w + "[k];");
        }
        for (String var : p.ionInputs()) {
            g.line("double saved_" + var + " = c_" + var + "[k];");
            g.line("c_" + var + "[k] = rateTable_" + b + "_" + var + ";");
        }
        g.tableOut = new LinkedHashMap<>();
        for (int j = 0; j < p.states().size(); j++) {
            g.tableOut.put(p.states().get(j), 2 * j);
        }
        g.derivativeBlock = b;
        g.vLocal = "c_v[0]"; // the instance the block runs on, as its PROCEDUREs read it (c_v[k] with k = 0)
        g.open("");
        g.body(g.derivatives.get(b).body(), Set.of());
        g.close();
        g.vLocal = null;
        g.derivativeBlock = null;
        g.tableOut = null;
        for (int j = 0; j < p.outputs().size(); j++) {
            String w = p.outputs().get(j);
            g.line("out[" + (2 * p.states().size() + j) + "] = c_" + w + "[k];");
            g.line("c_" + w + "[k] = saved_" + w + ";");
        }
        if (p.writesV()) {
            // where the block moves v (a file's nudge off a 0/0) the table is not used: NaN fails its check
            g.open("if (c_v[0] != x)");
            g.line("java.util.Arrays.fill(out, Double.NaN);");
            g.close();
        }
        g.line("c_v[0] = saved_v;");
        for (String var : p.ionInputs()) {
            g.line("c_" + var + "[k] = saved_" + var + ";");
        }
        g.close();

        g.line("");
        g.line("/** DERIVATIVE " + b + " by cnexp from the table of v, or exactly where the table is not used. */");
        g.open("private void tabulated_" + b + "(int k, CellState s)");
        boolean lazy = g.lazyOutputs.contains(b);
        g.line("double u = rateTableOn_" + b + " ? " + table + ".position(c_v[k]) : -1.0;");
        g.open("if (u < 0.0)");
        if (lazy) {
            g.open("if (!rateTableEager_" + b + ")");
            g.line("rateTableAt_" + b + "[k] = -1.0;");
            g.close();
        }
        g.line("d_" + b + "(k, s);");
        g.line("return;");
        g.close();
        g.line("int c = " + table + ".start(u);");
        g.line("double t = u - (int) u;");
        for (int j = 0; j < p.states().size(); j++) {
            String x = "c_" + p.states().get(j) + "[k]";
            g.line(x + " = " + x + " + " + table + ".value(c, " + 2 * j + ", t) * (" + table + ".value(c, " + (2 * j + 1)
                    + ", t) - " + x + ");");
        }
        if (lazy) {
            g.open("if (!rateTableEager_" + b + ")");
            g.line("rateTableAt_" + b + "[k] = u;");
            g.line("return;");
            g.close();
        }
        outputsAt(p);
        g.close();
        if (lazy) {
            g.line("");
            g.line("/** LazyTableOutputs: " + p.outputs() + " of the last state phase, where it read the table. */");
            g.open("private void rateTableOutputs_" + b + "()");
            g.open("if (!rateTableStale_" + b + ")");
            g.line("return;");
            g.close();
            g.line("rateTableStale_" + b + " = false;");
            g.open("for (int k = 0; k < slots; k++)");
            g.line("double u = rateTableAt_" + b + "[k];");
            g.open("if (u >= 0.0)");
            g.line("int c = " + table + ".start(u);");
            g.line("double t = u - (int) u;");
            outputsAt(p);
            g.close();
            g.close();
            g.close();
        }
    }

    /** The outputs of slot k read from interval c at t. */
    private void outputsAt(RateTables.Plan p) {
        String table = "rateTable_" + p.block();
        for (int j = 0; j < p.outputs().size(); j++) {
            g.line("c_" + p.outputs().get(j) + "[k] = " + table + ".value(c, " + (2 * p.states().size() + j)
                    + ", t);");
        }
    }
}
