package org.spineformer.nmodl.ast;

/**
 * A place in a mod file: 1-based line and column; {@link #NONE} for the file as a whole.
 *
 * @param file null for the mod file itself, else the file an {@code INCLUDE} brought in (as it was found), so that
 *             messages name the file the text is in
 */
public record Pos(String file, int line, int column) {
    /** No place: a problem of the whole file (it cannot be read). */
    public static final Pos NONE = new Pos(0, 0);

    /** A place in the mod file itself. */
    public Pos(int line, int column) {
        this(null, line, column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
