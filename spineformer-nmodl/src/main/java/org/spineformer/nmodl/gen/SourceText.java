package org.spineformer.nmodl.gen;

/** The generated Java as it is written: lines at the current indentation (four spaces a level). */
final class SourceText {
    private final StringBuilder out = new StringBuilder();
    private int indent;

    void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    /** A line ending with an opening brace; what follows is indented one more level. */
    void open(String text) {
        line(text + " {");
        indent++;
    }

    void close() {
        indent--;
        line("}");
    }

    /** One level more (or, negative, less) without a brace: an anonymous class's body, an else. */
    void indent(int levels) {
        indent += levels;
    }

    /** The place the next line goes: lines known only later (declarations) can be put there ({@link #insert}). */
    int[] mark() {
        return new int[] {out.length(), indent};
    }

    /** Puts the lines at the mark, at its indentation, before what was written after it. */
    void insert(int[] mark, java.util.List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String text : lines) {
            b.append("    ".repeat(mark[1])).append(text).append('\n');
        }
        out.insert(mark[0], b);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
