package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A KINETIC block as nocmodl 8.2 lowers it for {@code METHOD sparse} (kinetic.cpp {@code kinetic_implicit},
 * {@code genderivterms}, {@code genmatterms}, {@code genconservterms}) and as scopmath's {@code sparse()} and
 * {@code _ss_sparse()} solve it: backward Euler with Newton iterations.
 *
 * <p>The block becomes a method filling an n x (n+1) matrix (the Jacobian, and the right-hand side in column n)
 * in the block's own statement order: first each state's row {@code rhs = -(x - x_old)/dt}, diagonal {@code 1/dt},
 * both times its COMPARTMENT volume; then, in place, each reaction's {@code f_flux} and {@code b_flux}, its terms
 * on the rows of its states and its Jacobian terms, as nocmodl writes them; a CONSERVE replaces the row of one of
 * its states (nocmodl's choice: the last one written not already taken) by the conservation law. The solve loop is
 * sparse()'s: update by the solution, clip negative states to 0 when the scheme is nonlinear, sum of |dx| below
 * 1e-6 (one step when linear), and a last call of the block after convergence; after 21 iterations without
 * convergence it returns with the last iterate and no last call (NEURON's nrn_state does not check sparse()'s
 * error), as after _ss_sparse's 7 tries without non-negative states. sparse()'s first call of the block calls it
 * twice more before anything else, with that first instance, to lay out its sparse matrix (create_coef_list); NEURON
 * does it again only when the model's structure changes (its thread data are made anew, not at a second
 * finitialize), here once per simulation and trial. A block with side effects shows it, such as a PROCEDURE that
 * counts its calls (ModelDB 113446's na.mod: {@code interval = interval + dt/2}).
 *
 * <p>The linear systems are solved by Gaussian elimination with partial pivoting (scopmath's simeq) where NEURON's
 * sparse solver eliminates in its minimum-degree order without pivoting: the same solution, to rounding.
 */
final class KineticLowering {
    /** scopmath errcodes.h: CONVERGE, MAXSTEPS, ROUNDOFF. */
    static final double CONVERGE = 1e-6;
    static final int MAX_STEPS = 20;
    /** _ss_sparse: the step of a steady state and how many tries it makes when the scheme is nonlinear. */
    static final double STEADY_DT = 1e9;
    static final int STEADY_TRIES = 7;

    private final JavaGenerator g;
    private final Item.Block block;
    /**
     * State name -> its row and column (nocmodl's varnum: conservation diagonals first); a STATE array's elements
     * have the rows from it on, element e at row + e (nocmodl's {@code _RHS1(base + index)}).
     */
    private final Map<String, Integer> index = new LinkedHashMap<>();
    /** State name -> its array size, 0 for a scalar. */
    private final Map<String, Integer> dims = new LinkedHashMap<>();
    private int rows;
    private int conserved;
    /** State name -> the COMPARTMENT giving its volume (with an index: each element's, the index set to it). */
    private final Map<String, Stmt.Compartment> volumes = new LinkedHashMap<>();
    /** CONSERVE statement -> the row it replaces. */
    private final Map<Stmt.Conserve, Integer> conserveRows = new LinkedHashMap<>();
    private boolean linear = true;
    /**
     * True while the block is emitted in its derivative form (METHOD euler, runge: nocmodl's kinetic_intmethod):
     * each reaction adds its flux to its states' derivatives {@code dk_<block>}, CONSERVE does nothing.
     */
    private boolean derivativeForm;

    KineticLowering(JavaGenerator g, Item.Block block, Set<String> states) {
        this.g = g;
        this.block = block;
        List<Stmt.Reaction> reactions = new ArrayList<>();
        List<Stmt.Conserve> conserves = new ArrayList<>();
        List<Stmt.Compartment> compartments = new ArrayList<>();
        collect(block.body(), reactions, conserves, compartments);
        Set<String> used = new LinkedHashSet<>();
        for (Stmt.Conserve c : conserves) {
            c.species().forEach(sp -> used.add(sp.species().name()));
        }
        for (Stmt.Reaction r : reactions) {
            r.lhs().forEach(sp -> used.add(sp.species().name()));
            r.rhs().forEach(sp -> used.add(sp.species().name()));
        }
        used.retainAll(states);
        // conservation diagonals first: CONSERVE statements last to first, each its states last to first, scalars
        // only (kinetic.cpp: "can't use array as conservation diagonal"; an array's elements are columns of the law)
        for (int c = conserves.size() - 1; c >= 0; c--) {
            List<Stmt.Species> species = conserves.get(c).species();
            boolean found = false;
            for (int j = species.size() - 1; j >= 0 && !found; j--) {
                String x = species.get(j).species().name();
                if (used.contains(x) && !index.containsKey(x) && !g.arrays.containsKey(x)) {
                    conserveRows.put(conserves.get(c), rows);
                    index.put(x, rows++);
                    dims.put(x, 0);
                    found = true;
                }
            }
            if (!found) {
                g.error(conserves.get(c).pos(), "CONSERVE in KINETIC " + block.name() + ": no state of it is left"
                        + " for its equation, an array's elements cannot take it (nocmodl: failed to diagonalize"
                        + " the kinetic matrix)");
            }
        }
        conserved = rows;
        for (String x : states) {
            if (used.contains(x) && !index.containsKey(x)) {
                index.put(x, rows);
                dims.put(x, g.arrays.getOrDefault(x, 0));
                rows += Math.max(1, dims.get(x));
            }
        }
        if (index.isEmpty()) {
            g.error(block.pos(), "KINETIC " + block.name() + " contains no reactions");
        }
        for (Stmt.Compartment c : compartments) {
            for (String n : c.names()) {
                if (c.index() != null && index.containsKey(n) && dims.get(n) == 0) {
                    g.notYet(c.pos(), "COMPARTMENT with an index of the scalar STATE " + n);
                }
                volumes.put(n, c);
            }
        }
        for (Stmt.Reaction r : reactions) {
            if (r.arrow().equals("<<")) {
                if (r.lhs().size() != 1 || r.lhs().get(0).coefficient() != 1) {
                    g.error(r.pos(), "a flux equation (<<) involves only one state");
                } else if (!index.containsKey(r.lhs().get(0).species().name())) {
                    g.error(r.pos(), r.lhs().get(0).species().name() + " must be a (solved) STATE in a flux"
                            + " reaction");
                } else if (index.get(r.lhs().get(0).species().name()) < conserved) {
                    g.error(r.pos(), r.lhs().get(0).species().name() + " is conserved and has a flux");
                }
                continue;
            }
            // genmatterms: a Jacobian term with a factor besides the state differentiated makes it nonlinear
            for (List<Stmt.Species> side : List.of(r.lhs(), r.rhs())) {
                int total = side.stream().mapToInt(Stmt.Species::coefficient).sum();
                boolean hasState = side.stream().anyMatch(sp -> index.containsKey(sp.species().name()));
                if (hasState && total > 1) {
                    linear = false;
                }
            }
        }
        for (Stmt.Conserve c : conserves) {
            for (Stmt.Species sp : c.species()) {
                if (!index.containsKey(sp.species().name())) {
                    g.error(c.pos(), sp.species().name() + ": only (solved) STATE are allowed in CONSERVE"
                            + " equations");
                }
            }
        }
    }

    private static void collect(List<Stmt> body, List<Stmt.Reaction> reactions, List<Stmt.Conserve> conserves,
                                List<Stmt.Compartment> compartments) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Reaction r) {
                reactions.add(r);
            } else if (s instanceof Stmt.Conserve c) {
                conserves.add(c);
            } else if (s instanceof Stmt.Compartment c) {
                compartments.add(c);
            } else if (s instanceof Stmt.If i) {
                collect(i.then(), reactions, conserves, compartments);
                collect(i.otherwise(), reactions, conserves, compartments);
            } else if (s instanceof Stmt.Block b) {
                collect(b.body(), reactions, conserves, compartments);
            } else if (s instanceof Stmt.While w) {
                collect(w.body(), reactions, conserves, compartments);
            } else if (s instanceof Stmt.From f) {
                collect(f.body(), reactions, conserves, compartments);
            }
        }
    }

    String name() {
        return block.name();
    }

    /** nocmodl's _linmat: every reaction first order in its states (one Newton step solves it). */
    boolean isLinear() {
        return linear;
    }

    int size() {
        return rows;
    }

    private String state(String x) {
        return g.ref(new Expr.Var(block.pos(), x, null));
    }

    /** Each state's element: its row -> its Java (a scalar once, an array's elements in order). */
    private Map<Integer, String> elements() {
        Map<Integer, String> out = new LinkedHashMap<>();
        index.forEach((x, row) -> {
            if (dims.get(x) == 0) {
                out.put(row, state(x));
            } else {
                for (int e = 0; e < dims.get(x); e++) {
                    out.put(row + e, g.ref(new Expr.Var(block.pos(), x, new Expr.Num(block.pos(),
                            Integer.toString(e), ""))));
                }
            }
        });
        return out;
    }

    /**
     * The Java of a state's volume; with the COMPARTMENT's index, the volume of the element whose int the caller has
     * declared as {@code i_<index>} (nocmodl's loop variable _i in {@code vol[((int) _i)]}).
     */
    private String volume(Stmt.Compartment c) {
        if (c.index() == null) {
            return g.num(c.volume());
        }
        g.locals.push(new java.util.HashSet<>(Set.of(c.index())));
        boolean outer = g.fromIndices.add(c.index());
        String java = g.num(c.volume());
        if (outer) {
            g.fromIndices.remove(c.index());
        }
        g.locals.pop();
        return java;
    }

    /** A species' row (and column) in the generated Java: its base, plus its index's int for an array element. */
    private String row(Stmt.Species sp) {
        int base = index.get(sp.species().name());
        if (sp.species().index() == null) {
            return Integer.toString(base);
        }
        return base + " + " + g.expressions.integer(sp.species().index());
    }

    /** The per-block work arrays (allocated once per generated block, reused by every instance and step). */
    void emitFields() {
        int n = size();
        String b = block.name();
        g.line("private final double[][] m_" + b + " = new double[" + n + "][" + (n + 1) + "];");
        g.line("private final double[] x_" + b + " = new double[" + n + "];");
        g.line("private final double[] o_" + b + " = new double[" + n + "];");
        g.line("private final int[] p_" + b + " = new int[" + n + "];");
        g.line("private final double[] dk_" + b + " = new double[" + n + "];");
        g.line("/** Per trial: whether sparse() has laid out the block's matrix (create_coef_list) yet. */");
        g.line("private final boolean[] laidOut_" + b + " = new boolean[lanes()];");
    }

    /**
     * The block as nocmodl's C for sparse: {@code kin_<name>(k, s, dt)} fills the matrix and right-hand side at
     * the current states (o_ holds the states at the start of the step), {@code sparse_<name>} is scopmath's
     * sparse() and {@code ss_<name>} its _ss_sparse() (STEADYSTATE sparse).
     */
    void emitMethods(String where) {
        int n = size();
        String b = block.name();
        g.line("");
        g.line("/** KINETIC " + b + ": the Newton system at the current states (" + (linear ? "linear"
                : "nonlinear") + " scheme). */");
        g.open("private void kin_" + b + "(int k, CellState s, double dt)");
        g.line("double[][] m = m_" + b + ";");
        g.open("for (int r = 0; r < " + n + "; r++)");
        g.open("for (int c = 0; c <= " + n + "; c++)");
        g.line("m[r][c] = 0.0;");
        g.close();
        g.close();
        g.line("double l_f_flux = 0.0;");
        g.line("double l_b_flux = 0.0;");
        g.line("double term = 0.0;");
        g.line("double dt1 = 1.0 / dt;");
        for (Map.Entry<Integer, String> e : elements().entrySet()) {
            int i = e.getKey();
            if (i < conserved) {
                continue;
            }
            g.line("m[" + i + "][" + n + "] = -dt1 * (" + e.getValue() + " - o_" + b + "[" + i + "]);");
            g.line("m[" + i + "][" + i + "] = dt1;");
        }
        g.kineticDt = true;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            Stmt.Compartment volume = volumes.get(e.getKey());
            int base = e.getValue();
            if (volume != null && base >= conserved) {
                int dim = dims.get(e.getKey());
                if (dim == 0) {
                    String vol = volume(volume);
                    g.line("m[" + base + "][" + n + "] *= " + vol + ";");
                    g.line("m[" + base + "][" + base + "] *= " + vol + ";");
                } else {
                    // kinetic.cpp: a loop over the array's elements, its int as the COMPARTMENT's index
                    String i = "i_" + (volume.index() == null ? "element" : volume.index());
                    g.open("for (int " + i + " = 0; " + i + " < " + dim + "; " + i + "++)");
                    String vol = volume(volume);
                    g.line("m[" + base + " + " + i + "][" + n + "] *= " + vol + ";");
                    g.line("m[" + base + " + " + i + "][" + base + " + " + i + "] *= " + vol + ";");
                    g.close();
                }
            }
        }
        g.kinetic = this;
        g.body(block.body(), Set.of("f_flux", "b_flux"));
        g.kinetic = null;
        g.kineticDt = false;
        g.close();

        g.line("");
        g.line("/** scopmath's sparse(): backward Euler by Newton iterations (one when linear). */");
        g.open("private void sparse_" + b + "(int k, CellState s, double dt, boolean linear)");
        g.open("if (!laidOut_" + b + "[k % lanes()])");
        // scopmath's create_coef_list: the block's two calls that lay out the matrix (phases 1 and 2)
        g.line("laidOut_" + b + "[k % lanes()] = true;");
        g.line("kin_" + b + "(k, s, dt);");
        g.line("kin_" + b + "(k, s, dt);");
        g.close();
        g.line("double[] o = o_" + b + ";");
        g.line("double[] x = x_" + b + ";");
        for (Map.Entry<Integer, String> e : elements().entrySet()) {
            g.line("o[" + e.getKey() + "] = " + e.getValue() + ";");
        }
        g.line("double err = 1.0;");
        g.open("for (int j = 0; err > " + CONVERGE + "; j++)");
        g.line("kin_" + b + "(k, s, dt);");
        g.open("if (!simeq(" + n + ", m_" + b + ", x, p_" + b + "))");
        g.line("throw new IllegalStateException(\"" + where + ": singular matrix (instance \" + k + \")\");");
        g.close();
        g.line("err = 0.0;");
        for (Map.Entry<Integer, String> e : elements().entrySet()) {
            String x = e.getValue();
            int i = e.getKey();
            g.line(x + " += x[" + i + "];");
            g.open("if (!linear && " + x + " < 0.0)");
            g.line(x + " = 0.0;");
            g.close();
            g.line("err += Math.abs(x[" + i + "]);");
        }
        g.open("if (j > " + MAX_STEPS + ")");
        // sparse() returns EXCEED_ITERS here, before its last call of the block; nrn_state and INITIAL do not check
        // it, so NEURON goes on with the last iterate
        g.line("return;");
        g.close();
        g.open("if (linear)");
        g.line("break;");
        g.close();
        g.close();
        g.line("kin_" + b + "(k, s, dt);");
        g.close();

        g.line("");
        g.line("/** scopmath's _ss_sparse() (STEADYSTATE sparse): sparse() with dt = 1e9. */");
        g.open("private void ss_" + b + "(int k, CellState s)");
        if (linear) {
            g.line("sparse_" + b + "(k, s, " + STEADY_DT + ", false);");
        } else {
            g.open("for (int i = 0; i < " + STEADY_TRIES + "; i++)");
            g.line("sparse_" + b + "(k, s, " + STEADY_DT + ", true);");
            g.line("boolean nonNegative = true;");
            for (String x : elements().values()) {
                g.open("if (" + x + " < -1e-6)");
                g.line(x + " = 0.0;");
                g.line("nonNegative = false;");
                g.close();
            }
            g.open("if (nonNegative)");
            g.line("sparse_" + b + "(k, s, " + STEADY_DT + ", false);");
            g.line("return;");
            g.close();
            g.close();
            // _ss_sparse returns an error here, which INITIAL does not check: NEURON goes on with these states

        }
        g.close();
    }

    private boolean isState(Stmt.Species sp) {
        return index.containsKey(sp.species().name());
    }

    private String rhs(Stmt.Species sp) {
        return derivativeForm ? "dk[" + row(sp) + "]" : "m[" + row(sp) + "][" + size() + "]";
    }

    /** The state phase's call for a SOLVE of this block by {@code method} (sparse, euler or runge). */
    String call(String method) {
        return switch (method) {
            case "sparse" -> "sparse_" + name() + "(k, s, s.dt, " + linear + ");";
            case "euler", "runge" -> method + "_" + name() + "(k, s);";
            default -> throw new IllegalArgumentException(method);
        };
    }

    /**
     * METHOD euler and runge of the scheme, as nocmodl 8.2.2 makes them (kinetic.cpp {@code kinetic_intmethod}:
     * the derivative form, {@code D x} the sum of the fluxes of x's reactions, divided by its COMPARTMENT volume at
     * the end; CONSERVE ignored, as nocmodl says: "euler method ignores conservation") and as scopmath's euler() and
     * runge() integrate it, then the block once more at the new states (solve.cpp: "derivatives recalculated
     * after while loop"), so that its assigned variables end there. runge() moves t as for a DERIVATIVE block.
     */
    void emitIntegrators(Set<String> methods) {
        String b = block.name();
        int n = size();
        g.line("");
        g.line("/** KINETIC " + b + " in its derivative form: each state's D into dk_" + b + ". */");
        g.open("private void kd_" + b + "(int k, CellState s, double dt)");
        g.line("double[] dk = dk_" + b + ";");
        g.open("for (int r = 0; r < " + n + "; r++)");
        g.line("dk[r] = 0.0;");
        g.close();
        g.line("double l_f_flux = 0.0;");
        g.line("double l_b_flux = 0.0;");
        g.kineticDt = true;
        g.kinetic = this;
        derivativeForm = true;
        g.body(block.body(), Set.of("f_flux", "b_flux"));
        derivativeForm = false;
        g.kinetic = null;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            Stmt.Compartment volume = volumes.get(e.getKey());
            int base = e.getValue();
            int dim = dims.get(e.getKey());
            if (volume != null && dim == 0) {
                g.line("dk[" + base + "] /= " + volume(volume) + ";");
            } else if (volume != null) {
                String i = "i_" + (volume.index() == null ? "element" : volume.index());
                g.open("for (int " + i + " = 0; " + i + " < " + dim + "; " + i + "++)");
                g.line("dk[" + base + " + " + i + "] /= " + volume(volume) + ";");
                g.close();
            }
        }
        g.kineticDt = false;
        g.close();
        Map<Integer, String> x = elements();
        if (methods.contains("euler")) {
            g.line("");
            g.line("/** KINETIC " + b + " by METHOD euler (scopmath's euler()), then the block at the new states. */");
            g.open("private void euler_" + b + "(int k, CellState s)");
            g.line("kd_" + b + "(k, s, s.dt);");
            x.forEach((row, java) -> g.line(java + " += s.dt * dk_" + b + "[" + row + "];"));
            g.line("kd_" + b + "(k, s, s.dt);");
            g.close();
        }
        if (methods.contains("runge")) {
            g.line("");
            g.line("/** KINETIC " + b + " by METHOD runge (scopmath's runge.c), then the block at the new states. */");
            g.open("private void runge_" + b + "(int k, CellState s)");
            g.line("double[] dk = dk_" + b + ";");
            g.line("double[] w0 = x_" + b + ";");
            g.line("double[] w1 = o_" + b + ";");
            g.line("double temp;");
            g.line("kd_" + b + "(k, s, s.dt);");
            x.forEach((row, java) -> {
                g.line("w0[" + row + "] = " + java + ";");
                g.line("temp = (s.dt / 2.0) * dk[" + row + "];");
                g.line(java + " += temp;");
                g.line("w1[" + row + "] = w0[" + row + "] + temp / 3.0;");
            });
            g.line("s.t += s.dt / 2.0;");
            g.line("kd_" + b + "(k, s, s.dt);");
            x.forEach((row, java) -> {
                g.line("temp = s.dt * dk[" + row + "];");
                g.line(java + " = w0[" + row + "] + temp / 2.0;");
                g.line("w1[" + row + "] += temp / 3.0;");
            });
            g.line("kd_" + b + "(k, s, s.dt);");
            x.forEach((row, java) -> {
                g.line("temp = s.dt * dk[" + row + "];");
                g.line(java + " = w0[" + row + "] + temp;");
                g.line("w1[" + row + "] += temp / 3.0;");
            });
            g.line("s.t += s.dt / 2.0;");
            g.line("kd_" + b + "(k, s, s.dt);");
            x.forEach((row, java) -> g.line(java + " = w1[" + row + "] + (s.dt / 6.0) * dk[" + row + "];"));
            g.line("s.t -= s.dt;");
            g.line("kd_" + b + "(k, s, s.dt);");
            g.close();
        }
    }

    /**
     * nocmodl's {@code rate * species...} (each species of the side as many times as its coefficient, the one a
     * Jacobian term differentiates by once less and its coefficient first), made as its C reads: the species
     * after the rate's text, so into the right operand of the rate's outer + or - when it has one outside
     * parentheses ({@link Stmt.Reaction#forwardPaste()}).
     */
    private String product(Expr rate, int paste, List<Stmt.Species> side, Stmt.Species minusOne) {
        List<Expr> factors = new ArrayList<>();
        if (minusOne != null && minusOne.coefficient() != 1) {
            factors.add(new Expr.Num(block.pos(), Integer.toString(minusOne.coefficient()), ""));
        }
        for (Stmt.Species sp : side) {
            int times = sp.coefficient() - (sp == minusOne ? 1 : 0);
            for (int i = 0; i < times; i++) {
                factors.add(sp.species());
            }
        }
        return g.num(pasted(rate, paste, factors));
    }

    private static Expr pasted(Expr rate, int depth, List<Expr> factors) {
        if (depth > 0) {
            Expr.Binary b = (Expr.Binary) rate;
            return new Expr.Binary(b.pos(), b.op(), b.left(), pasted(b.right(), depth - 1, factors));
        }
        Expr e = rate;
        for (Expr f : factors) {
            e = new Expr.Binary(f.pos(), "*", e, f);
        }
        return e;
    }

    /** A reaction in place: genderivterms (or genfluxterm for <<) and genmatterms. */
    void reaction(Stmt.Reaction r) {
        if (r.arrow().equals("<<")) {
            g.line("l_f_flux = l_b_flux = 0.0;");
            g.line(rhs(r.lhs().get(0)) + " += (l_b_flux = " + g.num(r.forward()) + ");");
            return;
        }
        // nocmodl keeps each side's species last to first (a prepended list): its products and rows in that order
        List<List<Stmt.Species>> sides = List.of(reversed(r.lhs()), reversed(r.rhs()));
        Expr zero = new Expr.Num(r.pos(), "0", "");
        List<Expr> rates = new ArrayList<>();
        rates.add(r.forward());
        rates.add(r.backward() == null ? zero : r.backward());
        List<Integer> pastes = List.of(r.forwardPaste(), r.backwardPaste());
        g.line("l_f_flux = " + product(rates.get(0), pastes.get(0), sides.get(0), null) + ";");
        g.line("l_b_flux = " + product(rates.get(1), pastes.get(1), sides.get(1), null) + ";");
        for (int j = 0; j < 2; j++) {
            for (Stmt.Species sp : sides.get(j)) {
                // kinetic_intmethod has no conservation rows (its ncons is 0)
                if (!isState(sp) || !derivativeForm && index.get(sp.species().name()) < conserved) {
                    continue;
                }
                g.line(rhs(sp) + (j == 0 ? " -= " : " += ") + (sp.coefficient() > 1
                        ? sp.coefficient() + ".0 * " : "") + "(l_f_flux - l_b_flux);");
            }
        }
        if (derivativeForm) {
            return;
        }
        for (int j = 0; j < 2; j++) {
            if (j == 1 && r.backward() == null) {
                continue;
            }
            for (Stmt.Species by : sides.get(j)) {
                if (!isState(by)) {
                    continue;
                }
                g.line("term = " + product(rates.get(j), pastes.get(j), sides.get(j), by) + ";");
                String col = row(by);
                for (int j1 = 0; j1 < 2; j1++) {
                    for (Stmt.Species target : sides.get(j1)) {
                        if (!isState(target) || index.get(target.species().name()) < conserved) {
                            continue;
                        }
                        g.line("m[" + row(target) + "][" + col + "]" + (j == j1 ? " += "
                                : " -= ") + (target.coefficient() != 1 ? target.coefficient() + ".0 * " : "")
                                + "term;");
                    }
                }
            }
        }
    }

    private static List<Stmt.Species> reversed(List<Stmt.Species> side) {
        List<Stmt.Species> copy = new ArrayList<>(side);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /**
     * genconservterms: the row of the conservation diagonal becomes the law, states last to first; an array
     * element's column is its array's base plus its index's int, and its volume that of the element (nocmodl sets
     * {@code _i} to the index before the COMPARTMENT's expression).
     */
    void conserve(Stmt.Conserve c) {
        if (derivativeForm) {
            return;
        }
        int row = conserveRows.get(c);
        String rhs = "m[" + row + "][" + size() + "]";
        g.line(rhs + " = " + g.num(c.total()) + ";");
        List<Stmt.Species> species = c.species();
        for (int j = species.size() - 1; j >= 0; j--) {
            Stmt.Species sp = species.get(j);
            Stmt.Compartment volume = volumes.get(sp.species().name());
            boolean element = volume != null && volume.index() != null && sp.species().index() != null;
            if (element && g.fromIndices.contains(volume.index())) {
                // inside a FROM of the COMPARTMENT's index: an element at that index needs no _i of its own
                element = false;
                if (!(sp.species().index() instanceof Expr.Var i && i.name().equals(volume.index()))) {
                    g.notYet(c.pos(), "in a CONSERVE inside FROM " + volume.index() + ", an element of "
                            + sp.species().name() + " at another index than " + volume.index());
                }
            }
            if (element) {
                g.open("");
                g.line("int i_" + volume.index() + " = " + g.expressions.integer(sp.species().index()) + ";");
            }
            String vol = volume == null ? "" : " * " + volume(volume);
            g.line("m[" + row + "][" + row(sp) + "] = " + sp.coefficient() + ".0" + vol + ";");
            g.line(rhs + " -= " + g.ref(sp.species()) + vol + (sp.coefficient() != 1 ? " * " + sp.coefficient()
                    + ".0" : "") + ";");
            if (element) {
                g.close();
            }
        }
    }

    /** scopmath's simeq (Gaussian elimination, partial pivoting) on an n x (n+1) matrix; false when singular. */
    static void emitSimeq(JavaGenerator g) {
        g.line("");
        g.line("/** scopmath's simeq: coef is n x (n+1), the right-hand side in column n; false when singular. */");
        g.open("private static boolean simeq(int n, double[][] coef, double[] soln, int[] perm)");
        g.open("for (int i = 0; i < n; i++)");
        g.line("perm[i] = i;");
        g.close();
        g.open("for (int j = 0; j < n; j++)");
        g.line("int ipivot = perm[j];");
        g.line("int isave = 0;");
        g.open("for (int i = j + 1; i < n; i++)");
        g.line("int jrow = perm[i];");
        g.open("if (Math.abs(coef[ipivot][j]) < Math.abs(coef[jrow][j]))");
        g.line("ipivot = jrow;");
        g.line("isave = i;");
        g.close();
        g.close();
        g.open("if (Math.abs(coef[ipivot][j]) < 1e-20)");
        g.line("return false;");
        g.close();
        g.open("if (ipivot != perm[j])");
        g.line("perm[isave] = perm[j];");
        g.line("perm[j] = ipivot;");
        g.close();
        g.open("for (int kcol = j + 1; kcol <= n; kcol++)");
        g.line("coef[ipivot][kcol] /= coef[ipivot][j];");
        g.close();
        g.open("for (int i = j + 1; i < n; i++)");
        g.line("int jrow = perm[i];");
        g.open("for (int kcol = j + 1; kcol <= n; kcol++)");
        g.line("coef[jrow][kcol] -= coef[ipivot][kcol] * coef[jrow][j];");
        g.close();
        g.close();
        g.close();
        g.open("for (int i = n - 1; i >= 0; i--)");
        g.line("int jrow = perm[i];");
        g.line("soln[i] = coef[jrow][n];");
        g.open("for (int j = i + 1; j < n; j++)");
        g.line("soln[i] -= coef[jrow][j] * soln[j];");
        g.close();
        g.close();
        g.line("return true;");
        g.close();
    }
}
