package org.spineformer.nmodl.gen;

import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;

/** The generated Java as it is written: lines at the current indentation (four spaces a level). */
final class SourceText {
    private final StringBuilder out = new StringBuilder();
    private int indent;
    /** The blocks open now, innermost first, each by the number it got when opened (0: the text's top level). */
    private final ArrayDeque<Integer> blocks = new ArrayDeque<>(List.of(0));
    private int opened;

    void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    /** Each line of {@code text} (lines written by another SourceText) at the current indentation. */
    void lines(String text) {
        for (String l : text.split("\n")) {
            line(l);
        }
    }

    /** A line ending with an opening brace; what follows is indented one more level. */
    void open(String text) {
        line(text + " {");
        indent++;
        blocks.push(++opened);
    }

    void close() {
        indent--;
        blocks.pop();
        line("}");
    }

    /** One level more (or, negative, less) without a brace: an anonymous class's body, an else. */
    void indent(int levels) {
        indent += levels;
        for (int l = 0; l < Math.abs(levels); l++) {
            if (levels > 0) {
                blocks.push(++opened);
            } else {
                blocks.pop();
            }
        }
    }

    /** The innermost block open now: a local declared by the next line is in scope while it is open. */
    int block() {
        return blocks.peek();
    }

    /** Whether {@code block} ({@link #block}) is still open, so that its locals are in scope here. */
    boolean isOpen(int block) {
        return blocks.contains(block);
    }

    /** The length written so far: {@link #assignsSince} looks at what follows it. */
    int length() {
        return out.length();
    }

    /** Whether a line written after {@code from} ({@link #length}) assigns the local {@code name}. */
    boolean assignsSince(int from, String name) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + " = ")
                .matcher(out).region(Math.min(from, out.length()), out.length()).find();
    }

    /** The place the next line goes: lines known only later (declarations) can be put there ({@link #insert}). */
    int[] mark() {
        return new int[] {out.length(), indent};
    }

    /** Puts the lines at the mark, at its indentation, before what was written after it. */
    void insert(int[] mark, List<String> lines) {
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
