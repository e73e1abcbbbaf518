package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;

/**
 * What a vector DERIVATIVE kernel computes from parameters only, kept per slot: its quotients of parameters
 * (cadspine's {@code -1/taur} and {@code (cainf - 0)/taur}, AMPA_WITH_CA's {@code -0/tau_plasticity}) and the kept
 * slopes of cnexp equations whose slope (and f0) read parameters only (a, {@code 1 - exp(dt a)}, {@code -f0/a}: a
 * synapse's decays), read by one vector load (one broadcast when every slot has the same bits) and computed again
 * only when dt, celsius or one of the parameters may have changed, not checked group by group as DecayMemo's kept
 * slopes are.
 *
 * <p>A parameter changes only where the block is told (MechanismBlock's fieldSet: computed again at the next state
 * phase; fieldAccess, a column handed out that its holder may write at any time: computed again at every state
 * phase from then on) or by the file's own statements: only PARAMETERs no statement assigns but INITIAL's (after
 * which they are computed again) are inputs. The kept value is the expression's scalar operations in the vector
 * kernel's order (+, -, *, /, negation and the exponential, {@code StrictExp.exp}, whose bits every lane of {@code
 * LaneMath} has), so the same bits as computing it in lanes at every step.
 */
final class ParameterQuotients {
    private final JavaGenerator g;
    /** The scalar Java of each kept expression, for slot k; the kept value i is the array {@code pq_i}. */
    private final List<String> kept = new ArrayList<>();
    /** The parameters each kept expression reads. */
    private final List<Set<String>> inputs = new ArrayList<>();

    ParameterQuotients(JavaGenerator g) {
        this.g = g;
    }

    /**
     * Whether {@code e} is kept: + - * / and negation of numbers, constants, dt, celsius and PARAMETERs no statement
     * but INITIAL's assigns (not hidden by a LOCAL: {@code isLocal}), with a division in it (what is worth keeping).
     */
    boolean keeps(Expr e, Predicate<String> isLocal) {
        return !(e instanceof Expr.Num) && !(e instanceof Expr.Var) && hasDivision(e) && ofParameters(e, isLocal);
    }

    /**
     * Whether a cnexp equation's kept slope (and with {@code atZero} its {@code -f0/a}) is kept here: each of
     * parameters only ({@link #keeps} without the division).
     */
    boolean keepsSlope(Expr slope, Expr atZero, Predicate<String> isLocal) {
        return ofParameters(slope, isLocal) && (atZero == null || ofParameters(atZero, isLocal));
    }

    /** Whether a statement of a block other than INITIAL assigns {@code name} (FunctionEmitter.assigns). */
    private boolean assignedBeyondInitial(String name) {
        for (Item item : g.mod.items()) {
            if (item instanceof Item.Block b && !b.keyword().equals("INITIAL")
                    && FunctionEmitter.assigns(b.body(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDivision(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().equals("/") || hasDivision(b.left()) || hasDivision(b.right());
        }
        return e instanceof Expr.Unary u && hasDivision(u.operand());
    }

    private boolean ofParameters(Expr e, Predicate<String> isLocal) {
        if (e instanceof Expr.Num) {
            return true;
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            if (v.index() != null || isLocal.test(n)) {
                return false;
            }
            return n.equals("dt") || n.equals("celsius") || n.equals("PI") && g.builtinPi()
                    || g.constants.containsKey(n) || g.parameterNames().contains(n) && !assignedBeyondInitial(n);
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") && ofParameters(u.operand(), isLocal);
        }
        if (e instanceof Expr.Binary b) {
            return List.of("+", "-", "*", "/").contains(b.op()) && ofParameters(b.left(), isLocal)
                    && ofParameters(b.right(), isLocal);
        }
        return false;
    }

    /** The kept value of {@code e} ({@link #keeps}, {@link #keepsSlope}) as the group's vector at slot k0. */
    String lanes(Expr e) {
        Set<String> read = new LinkedHashSet<>();
        return keep(scalar(e, read), read);
    }

    /** The kept {@code 1 - exp(dt a)} of a kept slope a ({@link #keepsSlope}), as VectorEmitter's lanes compute it. */
    String decayLanes(Expr slope) {
        Set<String> read = new LinkedHashSet<>();
        return keep("(1.0 - " + STRICT_EXP + "(s.dt * " + scalar(slope, read) + "))", read);
    }

    /** The kept cnexp target {@code -f0/a} of a kept slope ({@link #keepsSlope}), as the lanes compute it. */
    String targetLanes(Expr atZero, Expr slope) {
        Set<String> read = new LinkedHashSet<>();
        return keep("((-" + scalar(atZero, read) + ") / " + scalar(slope, read) + ")", read);
    }

    /** The exponential whose bits every lane of LaneMath.exp has. */
    private static final String STRICT_EXP = "org.spineformer.engine.simd.StrictExp.exp";

    private String keep(String java, Set<String> read) {
        int i = kept.indexOf(java);
        if (i < 0) {
            i = kept.size();
            kept.add(java);
            inputs.add(read);
        }
        return "(pqOne ? pqv_" + i + " : DoubleVector.fromArray(VS, pq_" + i + ", k0))";
    }

    /**
     * The lines before a kernel's groups (the state phase's, a power pass's group method) that read the kept values
     * there: whether every slot has the same bits, and each kept value broadcast once for all groups. In the groups'
     * loop a broadcast of {@code pq_i[0]} is loaded again after every store to a column (C2 cannot tell the arrays
     * apart): AMPA_WITH_CA's state phase, nine kept values, 3.3-3.5 us per step against 3.9-4.4 so (docs/dev/nmodl.md,
     * "g17, session 41"). The same values, so the same bits.
     */
    List<String> locals() {
        List<String> lines = new ArrayList<>();
        lines.add("boolean pqOne = pqSame;");
        for (int i = 0; i < kept.size(); i++) {
            lines.add("DoubleVector pqv_" + i + " = DoubleVector.broadcast(VS, pqOne ? pq_" + i + "[0] : 0.0);");
        }
        return lines;
    }

    /** The scalar operations of {@code e} at slot k, as VectorEmitter's lanes do them (constants hoisted alike). */
    private String scalar(Expr e, Set<String> read) {
        if ((e instanceof Expr.Binary || e instanceof Expr.Call) && g.expressions.isConstant(e)) {
            return g.num(e);
        }
        if (e instanceof Expr.Num n) {
            return ExpressionEmitter.literal(n.value());
        }
        if (e instanceof Expr.Var v) {
            String n = v.name();
            if (n.equals("PI") && g.builtinPi()) {
                return "Math.PI";
            }
            return switch (n) {
                case "dt" -> "s.dt";
                case "celsius" -> "s.celsius";
                default -> {
                    if (!g.instanceVars.contains(n)) {
                        yield "K_" + n;
                    }
                    read.add(n);
                    yield "c_" + n + "[k]";
                }
            };
        }
        if (e instanceof Expr.Unary u) {
            return "(-" + scalar(u.operand(), read) + ")";
        }
        Expr.Binary b = (Expr.Binary) e;
        return "(" + scalar(b.left(), read) + " " + b.op() + " " + scalar(b.right(), read) + ")";
    }

    /** How many values are kept so far (to drop those of a kernel that is not lowered after all: {@link #dropFrom}). */
    int count() {
        return kept.size();
    }

    void dropFrom(int count) {
        kept.subList(count, kept.size()).clear();
        inputs.subList(count, inputs.size()).clear();
    }

    boolean any() {
        return !kept.isEmpty();
    }

    /** The fields: the kept values per slot, and what they were computed with. */
    void emitFields() {
        g.line("/** ParameterQuotients: quotients of parameters per slot, whether every slot has the same bits, the dt"
                + " and celsius they were computed at, whether " + parameters() + " were set since, and whether a"
                + " holder of one of their columns may set them at any time. */");
        for (int i = 0; i < kept.size(); i++) {
            g.line("private final double[] pq_" + i + " = new double[size * lanes];");
        }
        g.line("private boolean pqSame;");
        g.line("private double pqDt = Double.NaN, pqCelsius = Double.NaN;");
        g.line("private boolean pqSet, pqHeld;");
    }

    /** In initialize(), after INITIAL: it may have assigned an input. */
    void emitAfterInitial() {
        g.line("pqSet = true;");
    }

    /** The state phase's line before its groups: the kept values computed again where they may have changed. */
    String refresh() {
        return "if (pqSet || pqHeld || s.dt != pqDt || s.celsius != pqCelsius) parameterQuotients(s);";
    }

    /** The method computing every kept value at every slot. */
    void emitMethod() {
        g.line("");
        g.line("/** ParameterQuotients: every kept value computed at every slot, as the lanes compute it. */");
        g.open("private void parameterQuotients(CellState s)");
        g.open("for (int k = 0; k < slots; k++)");
        for (int i = 0; i < kept.size(); i++) {
            g.line("pq_" + i + "[k] = " + kept.get(i) + ";");
        }
        g.close();
        g.line("pqSame = true;");
        g.open("for (int k = 1; k < slots && pqSame; k++)");
        List<String> same = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            same.add("Double.doubleToRawLongBits(pq_" + i + "[k]) == Double.doubleToRawLongBits(pq_" + i + "[0])");
        }
        g.line("pqSame = " + String.join(" && ", same) + ";");
        g.close();
        g.line("pqDt = s.dt;");
        g.line("pqCelsius = s.celsius;");
        g.line("pqSet = false;");
        g.close();
    }

    /** In fieldAccess: a holder of an input's column may set it at any time. */
    void emitOnAccess() {
        emitOn("pqHeld");
    }

    /** In fieldSet: an input set, the kept values computed again at the next state phase. */
    void emitOnSet() {
        emitOn("pqSet");
    }

    private void emitOn(String flag) {
        List<String> parameters = parameters();
        if (!parameters.isEmpty()) {
            g.open("if (" + RateTableEmitter.isOneOf(parameters) + ")");
            g.line(flag + " = true;");
            g.close();
        }
    }

    /** The parameters the kept values read. */
    private List<String> parameters() {
        Set<String> all = new LinkedHashSet<>();
        inputs.forEach(all::addAll);
        return List.copyOf(all);
    }
}
