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

    @Override
    public String toString() {
        return out.toString();
    }
}
