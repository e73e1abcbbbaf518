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

    /**
     * Whether the table of the plan's block can differ between trials in lanes: it reads parameters (settable per
     * lane) or ion variables (per node and lane). Then each lane has its own table, built and used as that trial's
     * alone would be; a table of v alone is the same in every lane, and one serves them all.
     */
    static boolean perLane(RateTables.Plan p) {
        return !p.parameters().isEmpty() || !p.ionInputs().isEmpty();
    }

    /** The index of a per-lane table field for lane expression {@code lane}; "" when one table serves every lane. */
    private static String at(RateTables.Plan p, String lane) {
        return perLane(p) ? "[" + lane + "]" : "";
    }

    void emitRateTableFields(RateTables.Plan p) {
        String b = p.block();
        g.line("/** DERIVATIVE " + b + " as a table of v (RateTables): per state F and X, then " + p.outputs()
                + (perLane(p) ? "; one per lane" : "") + ". */");
        if (perLane(p)) {
            g.line("private final org.spineformer.nmodl.gen.VoltageTable[] rateTable_" + b
                    + " = new org.spineformer.nmodl.gen.VoltageTable[lanes];");
            g.line("private final boolean[] rateTableOn_" + b + " = new boolean[lanes];");
            g.line("private final double[] rateTableDt_" + b + " = new double[lanes], rateTableCelsius_" + b
                    + " = new double[lanes];");
            for (String param : p.parameters()) {
                g.line("private final double[] rateTable_" + b + "_" + param + " = new double[lanes];");
            }
            for (String var : p.ionInputs()) {
                g.line("private final double[] rateTable_" + b + "_" + var + " = new double[lanes];");
            }
        } else {
            g.line("private org.spineformer.nmodl.gen.VoltageTable rateTable_" + b + ";");
            g.line("private boolean rateTableOn_" + b + ";");
            g.line("private double rateTableDt_" + b + " = Double.NaN, rateTableCelsius_" + b + " = Double.NaN;");
        }
        if (!p.parameters().isEmpty()) {
            g.line("/** Whether " + p.parameters() + " may have changed since the instances' values were last compared: set"
                    + " when one is set (fieldSet); for good while a caller keeps the column of one (fieldAccess)"
                    + (writesParameters(p) ? " or, as here, the file's own code writes one" : "") + ". */");
            g.line("private boolean rateTableParametersSet_" + b + " = true, rateTableParametersKept_" + b + " = "
                    + writesParameters(p) + ";");
            g.line("/** Per lane: whether every instance had those parameters of the lane's instance 0 when compared. */");
            g.line("private final boolean[] rateTableParametersSame_" + b + " = new boolean[lanes];");
        }
        if (!p.ionInputs().isEmpty()) {
            g.line("/** Rebuilds (per lane) because an ion variable changed; beyond " + JavaGenerator.ION_REBUILDS
                    + " the lane runs exactly. */");
            g.line("private final int[] rateTableIonRebuilds_" + b + " = new int[lanes];");
        }
        g.line("private CellState rateTableState_" + b + ";");
        g.line("/** The slots whose step from the table of " + b + " was not used: computed exactly after the loop. */");
        g.line("private final int[] rateTableExactSlots_" + b + " = new int[size * lanes];");
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

    /** Whether the generated class overrides MechanismBlock's fieldAccess and fieldSet ({@link #emitFieldHooks}). */
    boolean hasFieldHooks() {
        return !g.lazyOutputs.isEmpty() || g.ratePlans.values().stream().anyMatch(p -> !p.parameters().isEmpty());
    }

    /**
     * MechanismBlock.fieldAccess and fieldSet: every lazy output brought up to date before any column is handed out
     * or set, and the block's outputs written at every state phase once one of theirs is (the caller may read it at
     * any time); a table's parameters compared again once one is set, and at every step from when the
     * column of one is handed out (the caller may write it at any time); the same for the vector kernels' kept
     * {@code quotients} of parameters (null: none).
     */
    void emitFieldHooks(ParameterQuotients quotients) {
        g.line("");
        g.open("@Override protected void fieldAccess(String field)");
        emitLazyOutputs();
        if (quotients != null) {
            quotients.emitOnAccess();
        }
        for (RateTables.Plan p : g.ratePlans.values()) {
            if (!p.parameters().isEmpty()) {
                g.open("if (" + isOneOf(p.parameters()) + ")");
                g.line("rateTableParametersKept_" + p.block() + " = rateTableParametersSet_" + p.block() + " = true;");
                g.close();
            }
        }
        g.close();
        g.line("");
        g.open("@Override protected void fieldSet(String field)");
        emitLazyOutputs(); // what MechanismBlock's fieldSet does by default
        if (quotients != null) {
            quotients.emitOnSet();
        }
        for (RateTables.Plan p : g.ratePlans.values()) {
            if (!p.parameters().isEmpty()) {
                g.open("if (" + isOneOf(p.parameters()) + ")");
                g.line("rateTableParametersSet_" + p.block() + " = true;");
                g.close();
            }
        }
        g.close();
    }

    private void emitLazyOutputs() {
        for (String b : g.lazyOutputs) {
            g.line("rateTableOutputs_" + b + "();");
            g.open("if (" + isOneOf(g.ratePlans.get(b).outputs()) + ")");
            g.line("rateTableEager_" + b + " = true;");
            g.close();
        }
    }

    /** The generated hooks' test that {@code field} is one of {@code fields}. */
    static String isOneOf(List<String> fields) {
        return String.join(" || ", fields.stream().map(f -> "field.equals(\"" + f + "\")").toList());
    }

    /**
     * Whether the file's own code writes one of the parameters the table depends on (an assignment anywhere, in
     * any block): then the block is not told when it changes, and the instances' values are compared at every step.
     */
    private boolean writesParameters(RateTables.Plan p) {
        return p.parameters().stream().anyMatch(RateTables.assigned(g.mod)::contains);
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
        String l = at(p, "l");
        g.line("");
        g.line("/** Checks the table of " + b + (perLane(p) ? " of each lane." : ".") + " */");
        g.open("private void checkRateTable_" + b + "(CellState s)");
        g.open("for (int l = 0; l < " + (perLane(p) ? "lanes" : "1") + "; l++)");
        g.line("checkRateTable_" + b + "(s, l);");
        g.close();
        if (!p.parameters().isEmpty()) {
            // compared in every lane (tables on): again only once one is set, or at every step while one is kept
            g.open("if (useTables)");
            g.line("rateTableParametersSet_" + b + " = rateTableParametersKept_" + b + ";");
            g.close();
        }
        g.close();
        g.line("");
        g.line("/** Uses the table of " + b + (perLane(p) ? " in lane l" : "") + " when tables are on and its parameters"
                + " are the same in every instance; rebuilds it when dt, celsius or those change. */");
        g.open("private void checkRateTable_" + b + "(CellState s, int l)");
        g.line("rateTableOn_" + b + l + " = false;");
        g.open("if (!useTables || size == 0)");
        g.line("return;");
        g.close();
        List<String> changed = new ArrayList<>(List.of(table + l + " == null", "s.dt != rateTableDt_" + b + l,
                "s.celsius != rateTableCelsius_" + b + l));
        // the table is used when every input is the same in every instance of the trial (lane l: slots l, l + lanes,
        // ...), with that trial's values, as the trial alone would
        List<String> parameterDiffers = new ArrayList<>();
        List<String> parameterChanged = new ArrayList<>();
        for (String param : p.parameters()) {
            String col = "c_" + param;
            parameterDiffers.add("!(" + col + "[k] == " + col + "[l])");
            parameterChanged.add(col + "[l] != rateTable_" + b + "_" + param + "[l]");
        }
        if (!parameterChanged.isEmpty()) {
            // the table's parameters against the instances' only when one may have changed (set since the last
            // check, or kept): otherwise they are those the table was built or checked for; a one-slot block then
            // touches two arrays fewer per parameter and step (Allen's soma, performance.md "s36")
            changed.add("rateTableParametersSet_" + b + " && (" + String.join(" || ", parameterChanged) + ")");
        }
        if (!parameterDiffers.isEmpty()) {
            // the parameters change only where the block is told (fieldSet, fieldAccess): compared only then
            String same = "rateTableParametersSame_" + b + "[l]";
            g.open("if (rateTableParametersSet_" + b + ")");
            g.line(same + " = true;");
            g.open("for (int k = l + lanes; k < slots && " + same + "; k += lanes)");
            g.line(same + " = !(" + String.join(" || ", parameterDiffers) + ");");
            g.close();
            g.close();
            g.open("if (!" + same + ")");
            g.line("return;");
            g.close();
        }
        // an ion variable is read from the ion's per-node array (the columns are copied later, per instance), which
        // the simulation changes without telling the block: compared at every step
        List<String> ionDiffers = new ArrayList<>();
        List<String> ionChanged = new ArrayList<>();
        for (String var : p.ionInputs()) {
            String array = ionArray(var);
            ionDiffers.add("!(" + array + "[laneNode[k]] == " + array + "[laneNode[l]])");
            ionChanged.add(array + "[laneNode[l]] != rateTable_" + b + "_" + var + "[l]");
        }
        if (!ionDiffers.isEmpty()) {
            g.open("for (int k = l + lanes; k < slots; k += lanes)");
            g.open("if (" + String.join(" || ", ionDiffers) + ")");
            g.line("return;");
            g.close();
            g.close();
        }
        if (!ionChanged.isEmpty()) {
            // a concentration that one compartment's pool changes every step would rebuild the table every step
            g.open("if (" + table + l + " != null && (" + String.join(" || ", ionChanged) + "))");
            g.open("if (rateTableIonRebuilds_" + b + "[l] == " + JavaGenerator.ION_REBUILDS + ")");
            g.line("return;");
            g.close();
            g.line("rateTableIonRebuilds_" + b + "[l]++;");
            g.close();
            changed.addAll(ionChanged);
        }
        g.open("if (" + String.join(" || ", changed) + ")");
        g.line("rateTableState_" + b + " = s;");
        g.line("rateTableDt_" + b + l + " = s.dt;");
        g.line("rateTableCelsius_" + b + l + " = s.celsius;");
        for (String param : p.parameters()) {
            g.line("rateTable_" + b + "_" + param + "[l] = c_" + param + "[l];");
        }
        for (String var : p.ionInputs()) {
            g.line("rateTable_" + b + "_" + var + "[l] = " + ionArray(var) + "[laneNode[l]];");
        }
        g.line("final int lane = l;");
        // everything the table depends on but v, as the inputs of a table shared by the JVM's simulations
        List<String> inputs = new ArrayList<>(List.of("s.dt", "s.celsius"));
        p.parameters().forEach(param -> inputs.add("c_" + param + "[l]"));
        p.ionInputs().forEach(var -> inputs.add("rateTable_" + b + "_" + var + "[l]"));
        // lazy outputs: the states' F and X, read at every step, apart from the outputs, read when read
        g.line(table + l + " = org.spineformer.nmodl.gen.VoltageTable.shared(getClass(), \"" + b
                + "\", new double[] {" + String.join(", ", inputs) + "}, " + p.width() + ", " + leading(p)
                + ", new org.spineformer.engine.table.RateTable.Functions() {");
        g.text.indent(1);
        g.open("public void evaluate(double x, double[] out)");
        g.line("rateTableEvaluate_" + b + "(x, lane, rateTableState_" + b + ", out);");
        g.close();
        g.text.indent(-1);
        g.line("}, rateTableExactAt_" + b + ");");
        g.close();
        g.line("rateTableOn_" + b + l + " = true;");
        g.close();

        g.line("");
        g.line("/** The table's functions at v = x: the block run on lane's slot of instance 0, whose columns are"
                + " restored. */");
        g.open("private void rateTableEvaluate_" + b + "(double x, int lane, CellState s, double[] out)");
        g.line("int k = lane;");
        g.line("double saved_v = c_v[lane];");
        g.line("c_v[lane] = x;");
        for (String w : p.outputs()) {
            g.line("double saved_" + w + " = c_" + w + "[k];");
        }
        for (String var : p.ionInputs()) {
            g.line("double saved_" + var + " = c_" + var + "[k];");
            g.line("c_" + var + "[k] = rateTable_" + b + "_" + var + "[lane];");
        }
        g.tableOut = new LinkedHashMap<>();
        for (int j = 0; j < p.states().size(); j++) {
            g.tableOut.put(p.states().get(j), 2 * j);
        }
        g.derivativeBlock = b;
        g.vLocal = "c_v[lane]"; // the slot the block runs on, as its PROCEDUREs read it (c_v[k] with k = lane)
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
            g.open("if (c_v[lane] != x)");
            g.line("java.util.Arrays.fill(out, Double.NaN);");
            g.close();
        }
        g.line("c_v[lane] = saved_v;");
        for (String var : p.ionInputs()) {
            g.line("c_" + var + "[k] = saved_" + var + ";");
        }
        g.close();

        g.line("");
        g.line("/** DERIVATIVE " + b + " by cnexp from the table of v, or exactly where the table is not used. */");
        g.open("private void tabulated_" + b + "(int k, CellState s)");
        g.open("if (!tableStep_" + b + "(k, s))");
        g.line("d_" + b + "(k, s);");
        g.close();
        g.close();
        g.line("");
        g.line("/** DERIVATIVE " + b + " by cnexp from the table of v; false (nothing done) where it must be computed"
                + " exactly. */");
        g.open("private boolean tableStep_" + b + "(int k, CellState s)");
        boolean lazy = g.lazyOutputs.contains(b);
        if (perLane(p)) {
            g.line("int lane = lanes == 1 ? 0 : k % lanes; // no integer division per slot and step with one trial");
        }
        table += at(p, "lane");
        g.line("double u = rateTableOn_" + b + at(p, "lane") + " ? " + table + ".position(c_v[k]) : -1.0;");
        g.open("if (u < 0.0)");
        if (lazy) {
            g.open("if (!rateTableEager_" + b + ")");
            g.line("rateTableAt_" + b + "[k] = -1.0;");
            g.close();
        }
        g.line("return false;");
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
            g.line("return true;");
            g.close();
        }
        outputsAt(p, table);
        g.line("return true;");
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
            if (perLane(p)) {
                g.line("int lane = lanes == 1 ? 0 : k % lanes; // no integer division per slot and step with one trial");
            }
            if (leading(p) == p.width()) {
                g.line("int c = " + table + ".start(u);");
            }
            g.line("double t = u - (int) u;");
            outputsAt(p, table);
            g.close();
            g.close();
            g.close();
        }
    }

    /**
     * How many of the table's functions a state phase reads at every step: the states' F and X when the outputs are
     * read when read (kept apart from them: VoltageTable), otherwise all.
     */
    private int leading(RateTables.Plan p) {
        return g.lazyOutputs.contains(p.block()) && !p.outputs().isEmpty() ? 2 * p.states().size() : p.width();
    }

    /**
     * The outputs of slot k read from {@code table} at position u, t across its interval: from the table's other
     * functions where they are apart from the states', otherwise from interval c (its start, found before).
     */
    private void outputsAt(RateTables.Plan p, String table) {
        boolean apart = leading(p) < p.width();
        if (apart) {
            g.line("int r = " + table + ".restStart(u);");
        }
        for (int j = 0; j < p.outputs().size(); j++) {
            g.line("c_" + p.outputs().get(j) + "[k] = " + (apart ? table + ".restValue(r, " + j
                    : table + ".value(c, " + (2 * p.states().size() + j)) + ", t);");
        }
    }
}
