package org.spineformer.nmodl.ast;

/** A place in a mod file: 1-based line and column. */
public record Pos(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
