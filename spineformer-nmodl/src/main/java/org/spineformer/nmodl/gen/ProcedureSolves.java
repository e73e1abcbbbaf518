package org.spineformer.nmodl.gen;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * nocmodl's SOLVE of a PROCEDURE outside BREAKPOINT (solve.cpp, case PROCED: the statement replaced by the call
 * {@code p();}): in INITIAL, a FUNCTION, a PROCEDURE or NET_RECEIVE it is a call of the procedure in place, so the
 * file is rewritten with that call before the generator analyses it (what the procedure writes and reads, whether
 * a FUNCTION is pure). The CVODE methods change nothing there (solve.cpp adds {@code if (!cvode_active_)} only in
 * BREAKPOINT); an IFERROR block never runs, as the C procedure returns 0.
 */
final class ProcedureSolves {
    private static final Set<String> CALL_METHODS = Set.of("", "after_cvode", "cvode_t", "cvode_t_v");

    private ProcedureSolves() {
    }

    static ModFile asCalls(ModFile mod) {
        Set<String> procedures = mod.blocks("PROCEDURE").map(Item.Block::name).collect(Collectors.toSet());
        List<Item> items = mod.items().stream().map(i -> i instanceof Item.Block b && !b.keyword().equals("BREAKPOINT")
                ? new Item.Block(b.pos(), b.keyword(), b.name(), b.args(), b.unit(), b.solveFor(),
                        body(b.body(), procedures)) : i).toList();
        return new ModFile(mod.file(), items);
    }

    /**
     * The BREAKPOINT's SOLVE of a DERIVATIVE block without METHOD as METHOD adrunge: nocmodl 8.2.2's default for
     * such a block (solve.cpp, case DERF: {@code method = lookup("adrunge")}).
     */
    static ModFile defaultMethods(ModFile mod) {
        Set<String> derivatives = mod.blocks("DERIVATIVE").map(Item.Block::name).collect(Collectors.toSet());
        List<Item> items = mod.items().stream().map(i -> i instanceof Item.Block b && b.keyword().equals("BREAKPOINT")
                ? new Item.Block(b.pos(), b.keyword(), b.name(), b.args(), b.unit(), b.solveFor(),
                        adrunge(b.body(), derivatives)) : i).toList();
        return new ModFile(mod.file(), items);
    }

    private static List<Stmt> adrunge(List<Stmt> body, Set<String> derivatives) {
        return body.stream().map(s -> {
            if (s instanceof Stmt.Solve sv && derivatives.contains(sv.block()) && sv.method().isEmpty()
                    && !sv.steadyState()) {
                return new Stmt.Solve(sv.pos(), sv.block(), "adrunge", false, sv.ifError());
            }
            if (s instanceof Stmt.If i) {
                return new Stmt.If(i.pos(), i.condition(), adrunge(i.then(), derivatives),
                        adrunge(i.otherwise(), derivatives));
            }
            if (s instanceof Stmt.Block b) {
                return new Stmt.Block(b.pos(), adrunge(b.body(), derivatives));
            }
            return s;
        }).toList();
    }

    private static List<Stmt> body(List<Stmt> body, Set<String> procedures) {
        return body.stream().map(s -> statement(s, procedures)).toList();
    }

    private static Stmt statement(Stmt s, Set<String> procedures) {
        if (s instanceof Stmt.Solve sv && procedures.contains(sv.block()) && !sv.steadyState()
                && CALL_METHODS.contains(sv.method())) {
            return new Stmt.CallStmt(sv.pos(), new Expr.Call(sv.pos(), sv.block(), List.of()));
        }
        if (s instanceof Stmt.If i) {
            return new Stmt.If(i.pos(), i.condition(), body(i.then(), procedures), body(i.otherwise(), procedures));
        }
        if (s instanceof Stmt.While w) {
            return new Stmt.While(w.pos(), w.condition(), body(w.body(), procedures));
        }
        if (s instanceof Stmt.From f) {
            return new Stmt.From(f.pos(), f.index(), f.from(), f.to(), f.by(), body(f.body(), procedures));
        }
        if (s instanceof Stmt.Block b) {
            return new Stmt.Block(b.pos(), body(b.body(), procedures));
        }
        if (s instanceof Stmt.Initial i) {
            return new Stmt.Initial(i.pos(), body(i.body(), procedures));
        }
        return s;
    }
}
