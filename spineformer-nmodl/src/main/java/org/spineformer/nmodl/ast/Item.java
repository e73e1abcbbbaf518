package org.spineformer.nmodl.ast;

import java.util.List;

/** A top-level item of a mod file. */
public sealed interface Item {
    Pos pos();

    record Title(Pos pos, String text) implements Item {
    }

    record Comment(Pos pos, String text) implements Item {
    }

    record Verbatim(Pos pos, String text) implements Item {
    }

    record Neuron(Pos pos, List<NeuronStmt> statements) implements Item {
    }

    /**
     * {@code (mV) = (millivolt)}: a unit alias; or {@code FARADAY = (faraday) (coulomb)}: a named constant.
     * leftAt and rightAt are where the two units' parentheses open (leftAt null when there is no left unit).
     */
    record UnitDef(Pos pos, String name, String left, String right, String value, Pos leftAt, Pos rightAt) {
    }

    record Units(Pos pos, List<UnitDef> definitions) implements Item {
    }

    /** PARAMETER, ASSIGNED, STATE, CONSTANT, INDEPENDENT or STEPPED, with its declarations. */
    record Declarations(Pos pos, String keyword, List<Decl> declarations) implements Item {
    }

    /**
     * {@code LOCAL} at top level: variables shared by every instance (not thread safe in NEURON); sizes has each
     * one's array size, 0 for a scalar.
     */
    record TopLocal(Pos pos, List<String> names, List<Integer> sizes) implements Item {
    }

    /** {@code DEFINE name integer}. */
    record Define(Pos pos, String name, int value) implements Item {
    }

    /**
     * {@code INCLUDE "file"}: the parser reads the file's text in its place (its items follow this one).
     *
     * @param path where it was found
     * @param text its text, which the compile cache's key includes
     */
    record Include(Pos pos, String file, String path, String text) implements Item {
    }

    /** UNITSON or UNITSOFF between blocks. */
    record UnitsSwitch(Pos pos, String keyword) implements Item {
    }

    /**
     * A block of statements: INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, LINEAR, NONLINEAR, DISCRETE, PARTIAL,
     * FUNCTION, PROCEDURE, NET_RECEIVE, FUNCTION_TABLE (no body), CONSTRUCTOR, DESTRUCTOR, BEFORE x, AFTER x,
     * TERMINAL.
     *
     * @param name     the block's name ("" for INITIAL, BREAKPOINT, NET_RECEIVE...; for BEFORE/AFTER the
     *                 phase: BREAKPOINT, SOLVE, INITIAL, STEP)
     * @param args     arguments of FUNCTION, PROCEDURE, NET_RECEIVE, FUNCTION_TABLE
     * @param unit     the unit of a FUNCTION's value, "" when none
     * @param solveFor SOLVEFOR names of KINETIC, LINEAR, NONLINEAR
     */
    record Block(Pos pos, String keyword, String name, List<Arg> args, String unit, List<String> solveFor,
                 List<Stmt> body) implements Item {
    }
}
