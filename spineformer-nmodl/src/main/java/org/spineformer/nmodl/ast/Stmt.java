package org.spineformer.nmodl.ast;

import java.util.List;

/** A statement inside a procedural block. */
public sealed interface Stmt {
    Pos pos();

    /** {@code LOCAL a, b[3]}; sizes holds each name's array size, 0 for a scalar. */
    record Local(Pos pos, List<String> names, List<Integer> sizes) implements Stmt {
    }

    /**
     * {@code target = value}; for a derivative {@code m' = ...} the target is the state {@code m} and
     * {@code primes} counts the primes (0 for a plain assignment).
     */
    record Assign(Pos pos, Expr.Var target, int primes, Expr value) implements Stmt {
        /**
         * The new value of {@code state_discontinuity(x, value)} outside NET_RECEIVE, which the parser makes
         * {@code x = state_discontinuity(x, value)} (NEURON assigns it only in some phases of a step); null for any
         * other assignment.
         */
        public Expr discontinuityValue() {
            return primes == 0 && value instanceof Expr.Call c && c.name().equals("state_discontinuity")
                    && c.args().size() == 2 && c.args().get(0).equals(target) ? c.args().get(1) : null;
        }
    }

    /** A procedure or function called for its effect. */
    record CallStmt(Pos pos, Expr.Call call) implements Stmt {
    }

    /** {@code { ... }} nested in a block. */
    record Block(Pos pos, List<Stmt> body) implements Stmt {
    }

    record If(Pos pos, Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }

    record While(Pos pos, Expr condition, List<Stmt> body) implements Stmt {
    }

    /** {@code FROM i = from TO to [BY by] { ... }}; by is null when absent. */
    record From(Pos pos, String index, Expr from, Expr to, Expr by, List<Stmt> body) implements Stmt {
    }

    /** {@code SOLVE block [METHOD method | STEADYSTATE method] [IFERROR { ... }]}; method "" when absent. */
    record Solve(Pos pos, String block, String method, boolean steadyState, List<Stmt> ifError) implements Stmt {
    }

    /** {@code TABLE names DEPEND depends FROM from TO to WITH points}. */
    record Table(Pos pos, List<String> names, List<String> depends, Expr from, Expr to, int points)
            implements Stmt {
    }

    /** One side of a reaction: stoichiometric coefficients and species. */
    record Species(int coefficient, Expr.Var species) {
    }

    /**
     * A KINETIC reaction: {@code ~ lhs <-> rhs (kf, kb)}, {@code ~ lhs << (flux)} (rhs empty, forward = flux,
     * backward null) or {@code ~ lhs -> (rate)} (rhs empty, backward null).
     *
     * @param forwardPaste  where nocmodl's flux {@code rate * species} puts the species, its text being pasted
     *                      after the rate's: 0 multiplies the whole rate; n &gt; 0 the right operand of the n-th
     *                      operator looser than '*' down the rate's right edge outside parentheses ({@code ka + kb}
     *                      gives {@code ka + kb * A}: 1)
     * @param backwardPaste the same for the backward rate
     */
    record Reaction(Pos pos, List<Species> lhs, String arrow, List<Species> rhs, Expr forward, Expr backward,
                    int forwardPaste, int backwardPaste) implements Stmt {
    }

    /** {@code ~ left = right} in a LINEAR or NONLINEAR block. */
    record Equation(Pos pos, Expr left, Expr right) implements Stmt {
    }

    /** {@code CONSERVE species = total}. */
    record Conserve(Pos pos, List<Species> species, Expr total) implements Stmt {
    }

    /**
     * {@code COMPARTMENT [index,] volume { names }} and {@code LONGITUDINAL_DIFFUSION [index,] rate { names }};
     * keyword says which, index is null when absent.
     */
    record Compartment(Pos pos, String keyword, String index, Expr volume, List<String> names) implements Stmt {
    }

    /** {@code VERBATIM ... ENDVERBATIM}: C code, kept as text. */
    record Verbatim(Pos pos, String text) implements Stmt {
    }

    /** {@code WATCH (l > r) flag, ...}, kept as its conditions. */
    record Watch(Pos pos, List<Expr> conditions, List<Expr> flags) implements Stmt {
    }

    /** {@code FOR_NETCONS(args) { ... }}. */
    record ForNetcons(Pos pos, List<Arg> args, List<Stmt> body) implements Stmt {
    }

    /** {@code INITIAL { ... }} inside NET_RECEIVE. */
    record Initial(Pos pos, List<Stmt> body) implements Stmt {
    }

    /** {@code PROTECT assignment}. */
    record Protect(Pos pos, Assign assignment) implements Stmt {
    }

    /**
     * A statement kept only by its keyword (the parser read its syntax; no semantics here): UNITSON, UNITSOFF,
     * MUTEXLOCK, MUTEXUNLOCK, CONDUCTANCE, LAG, RESET, SENS, PUTQ, GETQ, MATCH, the PARTIAL equations.
     */
    record Keyword(Pos pos, String keyword, List<String> names) implements Stmt {
    }

    /** A COMMENT ... ENDCOMMENT inside a block. */
    record Comment(Pos pos, String text) implements Stmt {
    }
}
