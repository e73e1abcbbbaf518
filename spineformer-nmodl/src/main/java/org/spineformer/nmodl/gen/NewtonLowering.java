package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A DERIVATIVE block solved by {@code METHOD derivimplicit} as NEURON 8.2 does when its equations are coupled or
 * not linear in their states: nocmodl's generated block (deriv.cpp) saves the states and hands the block itself, as
 * the residual {@code D x - (x - x_saved)/dt}, to scopmath's {@code nrn_newton_thread} (newton_thread.c): a Jacobian
 * by central differences (increment max(|0.02 x|, 1e-6), each state moved up, down and back, the block evaluated
 * each time), rebuilt while the largest relative change of a state exceeds 0.05; iterations until that change is at
 * most 1e-6 and every residual at most 1e-8, an error after 50; then the block runs once more at the converged
 * states (its assigned variables end there). The same iterations as NEURON's; the Jacobian's linear system is solved
 * by Gaussian elimination with partial pivoting (scopmath's simeq) where NEURON uses its Crout factorization, the
 * same to rounding.
 *
 * <p>An equation inside an IF puts its derivative in the state's held column (JavaGenerator.heldDerivatives), which
 * the residual reads whether or not the IF ran it: NEURON's Dx, kept from the last evaluation that assigned it.
 *
 * <p>A block of uncoupled equations linear in their states, none inside an IF, keeps the generator's closed form
 * (what this iteration converges to).
 */
final class NewtonLowering {
    /** newton_struct.h and errcodes.h. */
    static final double STEP = 1e-6;
    static final double MAX_CHANGE = 0.05;
    static final double CONVERGE = 1e-6;
    static final double ZERO = 1e-8;
    static final int MAX_ITERS = 50;

    private final JavaGenerator g;
    private final Item.Block block;
    /** State -> its equation's index (in the order of the block's equations). */
    private final Map<String, Integer> index = new LinkedHashMap<>();

    NewtonLowering(JavaGenerator g, Item.Block block) {
        this.g = g;
        this.block = block;
        addEquations(block.body());
    }

    /** The states of the equations in statements, IF branches included, in order of appearance. */
    private void addEquations(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.primes() == 1) {
                index.putIfAbsent(a.target().name(), index.size());
            } else if (s instanceof Stmt.If i) {
                addEquations(i.then());
                addEquations(i.otherwise());
            }
        }
    }

    /**
     * Whether the block needs the Newton iteration: an equation uses another state of the block before the last
     * equation, or is not linear in its own state, or the block holds a statement the closed form does not handle.
     */
    static boolean needed(Item.Block d) {
        List<String> states = new ArrayList<>();
        int last = -1;
        for (int j = 0; j < d.body().size(); j++) {
            if (d.body().get(j) instanceof Stmt.Assign a && a.primes() > 0) {
                states.add(a.target().name());
                last = j;
            }
        }
        for (int j = 0; j <= last; j++) {
            Stmt st = d.body().get(j);
            List<Expr> used = new ArrayList<>();
            if (!JavaGenerator.expressions(st, used)) {
                return true;
            }
            String own = st instanceof Stmt.Assign a && a.primes() > 0 ? a.target().name() : null;
            for (String x : states) {
                if (!x.equals(own) && used.stream().anyMatch(e -> Linear.dependsOn(e, x))) {
                    return true;
                }
            }
            if (own != null) {
                try {
                    Linear.derivative(((Stmt.Assign) st).value(), own);
                } catch (Linear.NotLinear e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where {@code x' = f} puts f: {@code dv_<block>[i]}, i its equation's index, or the state's held column when its
     * equation is inside an IF (JavaGenerator.heldDerivatives: NEURON's Dx, kept when the IF skips it).
     */
    String derivative(String state) {
        return held(state) ? JavaGenerator.heldDerivative(block.name(), state) + "[k]"
                : "dv_" + block.name() + "[" + index.get(state) + "]";
    }

    private boolean held(String state) {
        return g.heldDerivatives.getOrDefault(block.name(), Set.of()).contains(state);
    }

    private String state(String x) {
        return g.ref(new Expr.Var(block.pos(), x, null));
    }

    void emitFields() {
        int n = index.size();
        String b = block.name();
        g.line("private final double[] dv_" + b + " = new double[" + n + "];");
        g.line("private final double[] sv_" + b + " = new double[" + n + "];");
        emitIterationFields(g, b, n);
    }

    /** The work arrays of {@link #emitIteration} for block b of n unknowns. */
    static void emitIterationFields(JavaGenerator g, String b, int n) {
        g.line("private final double[] val_" + b + " = new double[" + n + "];");
        g.line("private final double[] hi_" + b + " = new double[" + n + "];");
        g.line("private final double[] dx_" + b + " = new double[" + n + "];");
        g.line("private final double[][] jac_" + b + " = new double[" + n + "][" + n + "];");
        g.line("private final double[][] m_" + b + " = new double[" + n + "][" + (n + 1) + "];");
        g.line("private final int[] p_" + b + " = new int[" + n + "];");
    }

    void emitMethods(String where) {
        String b = block.name();
        g.line("");
        g.line("/** DERIVATIVE " + b + " as derivimplicit's residual: D x - (x - x_saved)/dt into val_" + b + ". */");
        g.open("private void res_" + b + "(int k, CellState s)");
        g.newton = this;
        g.body(block.body(), Set.of());
        g.newton = null;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            int i = e.getValue();
            g.line("val_" + b + "[" + i + "] = " + derivative(e.getKey()) + " - (" + state(e.getKey()) + " - sv_" + b
                    + "[" + i + "]) / s.dt;");
        }
        g.close();

        g.line("");
        g.line("/** DERIVATIVE " + b + " solved by derivimplicit: nrn_newton_thread on its residual. */");
        g.open("private void d_" + b + "(int k, CellState s)");
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            g.line("sv_" + b + "[" + e.getValue() + "] = " + state(e.getKey()) + ";");
        }
        emitIteration(g, b, index, this::state, where);
        g.line("res_" + b + "(k, s);");
        g.close();
    }

    /**
     * scopmath's Newton iteration (newton_thread.c, and newton.c for NONLINEAR blocks: the same steps) on the
     * residual {@code res_<b>(k, s)} fills into {@code val_<b>}, over the unknowns of index (name -> position),
     * ending with the residual evaluated at the converged unknowns.
     */
    static void emitIteration(JavaGenerator g, String b, Map<String, Integer> index, Function<String, String> ref,
                              String where) {
        int n = index.size();
        g.line("double[] val = val_" + b + ";");
        g.line("double[] dx = dx_" + b + ";");
        g.line("double change = 1.0;");
        g.line("int count = 0;");
        g.open("while (count++ < " + MAX_ITERS + ")");
        g.open("if (change > " + MAX_CHANGE + ")");
        g.line("double increment;");
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String x = ref.apply(e.getKey());
            int j = e.getValue();
            g.line("increment = Math.max(Math.abs(0.02 * " + x + "), " + STEP + ");");
            g.line(x + " += increment;");
            g.line("res_" + b + "(k, s);");
            g.line("System.arraycopy(val, 0, hi_" + b + ", 0, " + n + ");");
            g.line(x + " -= 2.0 * increment;");
            g.line("res_" + b + "(k, s);");
            g.open("for (int i = 0; i < " + n + "; i++)");
            g.line("jac_" + b + "[i][" + j + "] = (hi_" + b + "[i] - val[i]) / (2.0 * increment);");
            g.close();
            g.line(x + " += increment;");
            g.line("res_" + b + "(k, s);");
        }
        g.open("for (int i = 0; i < " + n + "; i++)");
        g.line("val[i] = -val[i];");
        g.close();
        g.close();
        g.open("for (int i = 0; i < " + n + "; i++)");
        g.line("System.arraycopy(jac_" + b + "[i], 0, m_" + b + "[i], 0, " + n + ");");
        g.line("m_" + b + "[i][" + n + "] = val[i];");
        g.close();
        g.open("if (!simeq(" + n + ", m_" + b + ", dx, p_" + b + "))");
        g.line("throw new IllegalStateException(\"" + where + ": singular Jacobian (instance \" + k + \")\");");
        g.close();
        g.line("change = 0.0;");
        g.line("double temp;");
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String x = ref.apply(e.getKey());
            int i = e.getValue();
            g.open("if (Math.abs(" + x + ") > " + ZERO + " && (temp = Math.abs(dx[" + i + "] / " + x
                    + ")) > change)");
            g.line("change = temp;");
            g.close();
            g.line(x + " += dx[" + i + "];");
        }
        g.line("res_" + b + "(k, s);");
        g.line("double maxDev = 0.0;");
        g.open("for (int i = 0; i < " + n + "; i++)");
        g.line("val[i] = -val[i];");
        g.open("if ((temp = Math.abs(val[i])) > maxDev)");
        g.line("maxDev = temp;");
        g.close();
        g.close();
        g.open("if (change <= " + CONVERGE + " && maxDev <= " + ZERO + ")");
        g.line("break;");
        g.close();
        g.open("if (count == " + MAX_ITERS + ")");
        g.line("throw new IllegalStateException(\"" + where + ": no convergence in " + MAX_ITERS
                + " Newton iterations (instance \" + k + \")\");");
        g.close();
        g.close();
    }
}
