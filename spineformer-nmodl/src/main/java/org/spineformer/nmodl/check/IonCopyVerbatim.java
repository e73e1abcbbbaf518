package org.spineformer.nmodl.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * A VERBATIM block inside a block whose statements only copy ion variables from the node into the mechanism, {@code
 * cai = _ion_cai;} (Destexhe's channels, ModelDB 37819's Iahp, Ican and Ih, and their copies), or into another of its
 * variables, {@code carest = _ion_cai;} (a calcium pump's). nocmodl 8.2.2 (nocpout.cpp, iondef) defines {@code
 * _ion_x} for every variable a USEION statement READs or WRITEs, the ion's value at the instance's node ({@code
 * #define _ion_cai *_ppvar[1]._pval}), and {@code x} is the mechanism's own copy, which nrn_init, nrn_cur and
 * nrn_state set from it before the blocks run (get_ion_variables) and write back after them when written. The
 * VERBATIM's text stays where it is in the C (parse1.ypp), so it sets x again at that point, to the node's value,
 * undoing whatever the file assigned x since; another name y is the mechanism's variable of that name (a RANGE slot,
 * or a C global for a GLOBAL), set to the node's value, x left as the file set it. It is compiled as that assignment
 * ({@link #rewrite}): {@code y = _ion_x}, the name {@code _ion_x} (no NMODL name starts with '_') being the ion's
 * value at the node where the statement runs. The checker decides where it is accepted ({@code Checker}); any other
 * text stays refused.
 */
public final class IonCopyVerbatim {
    /** One C statement {@code y = _ion_x} (without its ';'), spaces where C allows them. */
    private static final Pattern COPY = Pattern.compile("\\s*([A-Za-z]\\w*)\\s*=\\s*_ion_([A-Za-z]\\w*)\\s*");
    /** The prefix of the name that stands for the node's value of ion variable x in the compiled file. */
    public static final String NODE_VALUE = "_ion_";

    private IonCopyVerbatim() {
    }

    /**
     * One statement {@code target = _ion_source;}: the mechanism's variable target (x itself, or another name) set to
     * the node's value of the ion variable source.
     */
    public record Copy(String target, String source) {
        /** The C statement without its ';' ({@code y = _ion_x}), as messages name it. */
        @Override
        public String toString() {
            return target + " = " + NODE_VALUE + source;
        }
    }

    /**
     * The copies a VERBATIM text makes, in order, when its whole text (C comments aside) is statements {@code y =
     * _ion_x;}, one or more, on any lines; else an empty list.
     */
    public static List<Copy> copies(String verbatimText) {
        String[] statements = ReturnZeroIdiom.C_COMMENT.matcher(verbatimText).replaceAll(" ").split(";", -1);
        List<Copy> copies = new ArrayList<>();
        for (int i = 0; i < statements.length - 1; i++) {
            Matcher m = COPY.matcher(statements[i]);
            if (!m.matches()) {
                return List.of();
            }
            copies.add(new Copy(m.group(1), m.group(2)));
        }
        return statements[statements.length - 1].isBlank() ? copies : List.of();
    }

    /** What {@code nmodl check} says of each such VERBATIM statement. */
    public static List<Diagnostic> notes(ModFile mod) {
        List<Diagnostic> notes = new ArrayList<>();
        rewrite(mod, v -> notes.add(new Diagnostic(mod.file(), v.pos(), "note: VERBATIM of ion copies ("
                + String.join(", ", copies(v.text()).stream().map(Copy::toString).toList()) + ") compiled"
                + " as assignments of the ion's values at the node, which nocmodl's C reads there")));
        return notes;
    }

    /** The file with each such VERBATIM statement replaced by its assignments: what is compiled. */
    public static ModFile rewrite(ModFile mod) {
        return rewrite(mod, v -> {
        });
    }

    /** The file rewritten, each VERBATIM statement replaced also given to {@code seen}, in file order. */
    private static ModFile rewrite(ModFile mod, Consumer<Stmt.Verbatim> seen) {
        return StatementMap.map(mod, i -> true, s -> {
            if (s instanceof Stmt.Verbatim v && !copies(v.text()).isEmpty()) {
                seen.accept(v);
                return copies(v.text()).stream().<Stmt>map(c -> new Stmt.Assign(v.pos(),
                        new Expr.Var(v.pos(), c.target(), null), 0,
                        new Expr.Var(v.pos(), NODE_VALUE + c.source(), null))).toList();
            }
            return List.of(s);
        });
    }
}
