package org.spineformer.nmodl.check;

import org.spineformer.nmodl.ast.Pos;

/**
 * An error in a mod file, at a line and column; at a place in a file the mod file INCLUDEs, that file is named
 * instead.
 */
public record Diagnostic(String file, Pos pos, String message) {
    public Diagnostic {
        if (pos.file() != null) {
            file = pos.file();
        }
    }

    @Override
    public String toString() {
        return pos.equals(Pos.NONE) ? file + ": " + message
                : file + ":" + pos.line() + ":" + pos.column() + ": " + message;
    }
}
