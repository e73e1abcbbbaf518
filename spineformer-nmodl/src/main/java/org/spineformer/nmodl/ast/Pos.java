package org.spineformer.nmodl.ast;

/** A place in a mod file: 1-based line and column; {@link #NONE} for the file as a whole. */
public record Pos(int line, int column) {
    /** No place: a problem of the whole file (it cannot be read). */
    public static final Pos NONE = new Pos(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
