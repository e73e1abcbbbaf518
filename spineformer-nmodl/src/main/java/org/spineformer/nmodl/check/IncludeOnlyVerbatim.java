package org.spineformer.nmodl.check;

import java.util.List;
import java.util.regex.Pattern;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;

/**
 * A VERBATIM block between blocks that holds nothing but {@code #include} lines, C comments and blank lines (ModelDB's
 * channel files that include {@code <stdlib.h>} to silence a C compiler's warning about nocmodl's own C). nocmodl
 * 8.2.2 (parse1.ypp) copies the text into its C, where it declares C functions for C code; with no other VERBATIM
 * there is no C code to call them, so NEURON computes the same without it. Its one other effect is nocmodl's: the
 * mechanism is not thread safe unless a THREADSAFE statement came before the block ({@code gen.ThreadSafety}), which
 * changes when its TABLEs are checked, and so it does here. The same holds for a block whose lines are such lines
 * and static string constants, {@code static const char rcsid[] = "$Id: ... $";} (an RCS id: Mel's hh3.mod in
 * Larkum et al. 2009, ModelDB 124043): a C variable no code reads. Any other text ({@code #define}, another
 * declaration, code) stays refused.
 */
public final class IncludeOnlyVerbatim {
    /** One {@code #include <name>} or {@code #include "name"} line (spaces allowed where the preprocessor allows). */
    private static final Pattern INCLUDE = Pattern.compile(
            "[ \\t]*#[ \\t]*include[ \\t]*(<[^>\\n]+>|\"[^\"\\n]+\")[ \\t]*");
    /** One {@code static [const] char name[] = "text";} line: a string constant (no escapes, on one line). */
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "\\s*static\\s+(const\\s+)?char\\s+[A-Za-z_][A-Za-z0-9_]*\\s*\\[\\s*]\\s*=\\s*\"[^\"\\\\\\n]*\"\\s*;\\s*");

    private IncludeOnlyVerbatim() {
    }

    /** Whether the VERBATIM text is only {@code #include} lines, once C comments and blank lines are taken out. */
    private static boolean isIncludeOnly(String verbatimText) {
        return onlyLinesOf(verbatimText, INCLUDE);
    }

    /**
     * Whether the VERBATIM text is left out: only {@code #include} lines and static string constants, at least one
     * line, once C comments and blank lines are taken out.
     */
    public static boolean isLeftOut(String verbatimText) {
        return onlyLinesOf(verbatimText, INCLUDE, STRING_CONSTANT);
    }

    private static boolean onlyLinesOf(String verbatimText, Pattern... kinds) {
        String[] lines = ReturnZeroIdiom.C_COMMENT.matcher(verbatimText).replaceAll(" ").split("\\r?\\n|\\r");
        boolean any = false;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (java.util.Arrays.stream(kinds).noneMatch(k -> k.matcher(line).matches())) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The file's VERBATIM blocks between blocks that are left out ({@link #isLeftOut}), in file order. */
    public static List<Item.Verbatim> find(ModFile mod) {
        return mod.items().stream().filter(i -> i instanceof Item.Verbatim v && isLeftOut(v.text()))
                .map(Item.Verbatim.class::cast).toList();
    }

    /** What {@code nmodl check} says of each one found. */
    public static List<Diagnostic> notes(ModFile mod) {
        return find(mod).stream().map(v -> new Diagnostic(mod.file(), v.pos(), isIncludeOnly(v.text())
                ? "note: VERBATIM of #include lines only, left out: nocmodl copies it into its C, where it declares C"
                + " functions for C code the file does not have, so NEURON computes the same without it"
                : "note: VERBATIM of #include lines and string constants only, left out: nocmodl copies it into its"
                + " C, where no code reads the constants, so NEURON computes the same without it")).toList();
    }

    /** The file without those blocks: what is compiled. */
    public static ModFile strip(ModFile mod) {
        List<Item.Verbatim> found = find(mod);
        return found.isEmpty() ? mod : StatementMap.map(mod, i -> !found.contains(i), List::of);
    }
}
