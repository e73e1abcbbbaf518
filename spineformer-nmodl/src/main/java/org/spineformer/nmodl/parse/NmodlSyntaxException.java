package org.spineformer.nmodl.parse;

import org.spineformer.nmodl.ast.Pos;

/** A mod file that does not parse: the message names file, line and column. */
public final class NmodlSyntaxException extends RuntimeException {
    private final String file;
    private final Pos pos;

    public NmodlSyntaxException(String file, Pos pos, String message) {
        super(file + ":" + pos.line() + ":" + pos.column() + ": " + message);
        this.file = file;
        this.pos = pos;
    }

    public String file() {
        return file;
    }

    public Pos pos() {
        return pos;
    }
}
