package org.spineformer.nmodl.check;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The one walk the VERBATIM idioms share to give what is compiled in place of their text ({@link IncludeOnlyVerbatim},
 * {@link ReturnZeroIdiom}, {@link IonCopyVerbatim}): a file's items kept or left out, and each statement of its
 * blocks, at any depth of the statements that hold others, replaced by nothing, itself or other statements.
 */
final class StatementMap {
    private StatementMap() {
    }

    /**
     * The file with the items {@code keep} accepts, in order, each statement of their blocks replaced by what {@code
     * map} gives for it; a statement it gives back alone and unchanged has the statements it holds mapped the same way.
     */
    static ModFile map(ModFile mod, Predicate<Item> keep, Function<Stmt, List<Stmt>> map) {
        List<Item> items = mod.items().stream().filter(keep).map(i -> i instanceof Item.Block b
                ? new Item.Block(b.pos(), b.keyword(), b.name(), b.args(), b.unit(), b.solveFor(), body(b.body(), map))
                : i).toList();
        return new ModFile(mod.file(), items);
    }

    private static List<Stmt> body(List<Stmt> body, Function<Stmt, List<Stmt>> map) {
        return body.stream().flatMap(s -> statement(s, map).stream()).toList();
    }

    private static List<Stmt> statement(Stmt s, Function<Stmt, List<Stmt>> map) {
        List<Stmt> mapped = map.apply(s);
        if (mapped.size() != 1 || mapped.get(0) != s) {
            return mapped;
        }
        if (s instanceof Stmt.If i) {
            return List.of(new Stmt.If(i.pos(), i.condition(), body(i.then(), map), body(i.otherwise(), map)));
        }
        if (s instanceof Stmt.While w) {
            return List.of(new Stmt.While(w.pos(), w.condition(), body(w.body(), map)));
        }
        if (s instanceof Stmt.From f) {
            return List.of(new Stmt.From(f.pos(), f.index(), f.from(), f.to(), f.by(), body(f.body(), map)));
        }
        if (s instanceof Stmt.Block b) {
            return List.of(new Stmt.Block(b.pos(), body(b.body(), map)));
        }
        if (s instanceof Stmt.ForNetcons f) {
            return List.of(new Stmt.ForNetcons(f.pos(), f.args(), body(f.body(), map)));
        }
        if (s instanceof Stmt.Initial i) {
            return List.of(new Stmt.Initial(i.pos(), body(i.body(), map)));
        }
        return mapped;
    }
}
