package org.spineformer.nmodl.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A VERBATIM block that leaves the block early where its C ends anyway: {@code VERBATIM return 0; ENDVERBATIM} as the
 * last statement of a PROCEDURE, an ending of many old channel files, or of INITIAL (Ferrante et al.'s and HNN's
 * ichan2.mod and their copies, 14 of ModelDB's mod files), and {@code return;} as the last statement of INITIAL (the
 * dentate gyrus channels of Santhakumar et al. and their copies, 55 of ModelDB's files). nocmodl 8.2.2 (parse1.ypp,
 * {@code procedblk}) makes a PROCEDURE a C function {@code static int name(...) { body return 0; }}, inserting
 * {@code return 0;} before the closing brace, and copies a VERBATIM block's text into the body as it is: the block's
 * {@code return 0;} is followed by nocmodl's own, so the procedure returns what and when it would without it.
 * INITIAL becomes {@code static void initmodel()}, whose C after the block's statements only gives t back the value
 * it had before INITIAL (solve.cpp: {@code _save = t; t = 0.0;} before them, {@code t = _save;} after; nothing after
 * them when the mechanism is THREADSAFE): finitialize has set t to 0 before, so leaving early changes nothing
 * (checked with NEURON 8.2.2: the same states and t, also at a second finitialize after a run). Anywhere else (not
 * last, in a FUNCTION, whose C returns the function's value, in BREAKPOINT, NET_RECEIVE ...), or with any other
 * text, a VERBATIM block stays refused.
 */
public final class ReturnZeroIdiom {
    /** {@code return 0;} with any whitespace around and between its tokens. */
    private static final Pattern RETURN_ZERO = Pattern.compile("\\s*return\\s+0\\s*;\\s*");
    /** {@code return;}, the same in INITIAL, whose C function returns nothing. */
    private static final Pattern RETURN = Pattern.compile("\\s*return\\s*;\\s*");
    /** C's comments: block comments and line comments. */
    static final Pattern C_COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private ReturnZeroIdiom() {
    }

    /** Whether a VERBATIM block's whole text is {@code return 0;}, C comments and whitespace aside. */
    static boolean isReturnZero(String verbatimText) {
        return RETURN_ZERO.matcher(C_COMMENT.matcher(verbatimText).replaceAll(" ")).matches();
    }

    /** Whether a VERBATIM block's whole text is {@code return;}, C comments and whitespace aside. */
    private static boolean isReturn(String verbatimText) {
        return RETURN.matcher(C_COMMENT.matcher(verbatimText).replaceAll(" ")).matches();
    }

    /** The VERBATIM statements of the file that are the idiom (one per PROCEDURE or INITIAL at most), in file order. */
    public static List<Stmt.Verbatim> find(ModFile mod) {
        return found(mod).stream().map(Found::verbatim).toList();
    }

    /**
     * What {@code nmodl check} says of each one found: that it was recognized and is left out, and why NEURON runs
     * the same.
     */
    public static List<Diagnostic> notes(ModFile mod) {
        return found(mod).stream().map(f -> new Diagnostic(mod.file(), f.verbatim().pos(), "note: VERBATIM '"
                + (isReturnZero(f.verbatim().text()) ? "return 0;" : "return;") + "' ending " + f.why())).toList();
    }

    private record Found(Stmt.Verbatim verbatim, String why) {
    }

    private static List<Found> found(ModFile mod) {
        List<Found> found = new ArrayList<>();
        mod.items().stream().filter(Item.Block.class::isInstance).map(Item.Block.class::cast).forEach(b -> {
            if (lastStatement(b.body()) instanceof Stmt.Verbatim v
                    && (isReturnZero(v.text()) || isReturn(v.text()) && b.keyword().equals("INITIAL"))) {
                if (b.keyword().equals("PROCEDURE")) {
                    found.add(new Found(v, "PROCEDURE " + b.name() + " recognized and left out: nocmodl ends every"
                            + " PROCEDURE's C with 'return 0;', so NEURON runs the same without it"));
                } else if (b.keyword().equals("INITIAL")) {
                    found.add(new Found(v, "INITIAL recognized and left out: nocmodl's C of INITIAL does nothing"
                            + " after it but give t back its value, which finitialize has set to 0, so NEURON runs"
                            + " the same without it"));
                }
            }
        });
        return found;
    }

    /** The file without the idiom's VERBATIM statements: what is compiled (NEURON runs the same). */
    public static ModFile strip(ModFile mod) {
        Set<Stmt> idioms = Collections.newSetFromMap(new IdentityHashMap<>());
        idioms.addAll(find(mod));
        if (idioms.isEmpty()) {
            return mod;
        }
        return StatementMap.map(mod, i -> true, s -> idioms.contains(s) ? List.of() : List.of(s));
    }

    /** The last statement of a block's body, COMMENT blocks aside (nocmodl writes nothing for them). */
    private static Stmt lastStatement(List<Stmt> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            if (!(body.get(i) instanceof Stmt.Comment)) {
                return body.get(i);
            }
        }
        return null;
    }
}
