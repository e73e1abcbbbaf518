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
 * cai = _ion_cai;} (Destexhe's channels, ModelDB 37819's Iahp, Ican and Ih, and their copies). nocmodl 8.2.2
 * (nocpout.cpp, iondef) defines {@code _ion_x} for every variable a USEION statement READs or WRITEs, the ion's value
 * at the instance's node ({@code #define _ion_cai *_ppvar[1]._pval}), and {@code x} is the mechanism's own copy, which
 * nrn_init, nrn_cur and nrn_state set from it before the blocks run (get_ion_variables) and write back after them
 * when written. The VERBATIM's text stays where it is in the C (parse1.ypp), so it sets x again at that point, to the
 * node's value, undoing whatever the file assigned x since. It is compiled as that assignment ({@link #rewrite}):
 * {@code x = _ion_x}, the name {@code _ion_x} (no NMODL name starts with '_') being the ion's value at the node
 * where the statement runs. The checker decides where it is accepted ({@code Checker}); any other text stays
 * refused.
 */
public final class IonCopyVerbatim {
    /** One C statement {@code x = _ion_x} (without its ';'), spaces where C allows them. */
    private static final Pattern COPY = Pattern.compile("\\s*([A-Za-z]\\w*)\\s*=\\s*_ion_([A-Za-z]\\w*)\\s*");
    /** The prefix of the name that stands for the node's value of ion variable x in the compiled file. */
    public static final String NODE_VALUE = "_ion_";

    private IonCopyVerbatim() {
    }

    /**
     * The variables a VERBATIM text copies, in order, when its whole text (C comments aside) is statements {@code x =
     * _ion_x;}, one or more, on any lines; else an empty list.
     */
    public static List<String> copies(String verbatimText) {
        String[] statements = ReturnZeroIdiom.C_COMMENT.matcher(verbatimText).replaceAll(" ").split(";", -1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < statements.length - 1; i++) {
            Matcher m = COPY.matcher(statements[i]);
            if (!m.matches() || !m.group(1).equals(m.group(2))) {
                return List.of();
            }
            names.add(m.group(1));
        }
        return statements[statements.length - 1].isBlank() ? names : List.of();
    }

    /** The C statement that copies x from the node, without its ';' ({@code x = _ion_x}), as messages name it. */
    static String copy(String x) {
        return x + " = " + NODE_VALUE + x;
    }

    /** What {@code nmodl check} says of each such VERBATIM statement. */
    public static List<Diagnostic> notes(ModFile mod) {
        List<Diagnostic> notes = new ArrayList<>();
        rewrite(mod, v -> notes.add(new Diagnostic(mod.file(), v.pos(), "note: VERBATIM of ion copies ("
                + String.join(", ", copies(v.text()).stream().map(IonCopyVerbatim::copy).toList()) + ") compiled"
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
                return copies(v.text()).stream().<Stmt>map(x -> new Stmt.Assign(v.pos(),
                        new Expr.Var(v.pos(), x, null), 0, new Expr.Var(v.pos(), NODE_VALUE + x, null))).toList();
            }
            return List.of(s);
        });
    }
}
