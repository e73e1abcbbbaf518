package org.spineformer.nmodl.check;

import org.spineformer.nmodl.ast.Pos;

/** An error in a mod file, at a line and column. */
public record Diagnostic(String file, Pos pos, String message) {
    @Override
    public String toString() {
        return pos.equals(Pos.NONE) ? file + ": " + message
                : file + ":" + pos.line() + ":" + pos.column() + ": " + message;
    }
}
