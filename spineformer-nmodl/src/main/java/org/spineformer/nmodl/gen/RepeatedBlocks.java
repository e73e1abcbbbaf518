package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.Stmt;

/**
 * Several BREAKPOINT or INITIAL blocks in one file, as nocmodl 8.2.2 joins them: parse1.ypp moves each one's
 * statements to the end of one list (brkptblk's {@code movelist(..., modelfunc)}, initblk's {@code movelist(...,
 * initfunc)}), so they run as one block, in file order (ModelDB 37819's NMDA.mod: netcon.inc's BREAKPOINT, then its
 * own that scales the current by the magnesium block). The joined block takes the first one's place.
 */
final class RepeatedBlocks {
    private static final Set<String> JOINED = Set.of("BREAKPOINT", "INITIAL");

    private RepeatedBlocks() {
    }

    static ModFile joined(ModFile mod) {
        List<Item> items = new ArrayList<>(mod.items());
        for (String keyword : JOINED) {
            List<Item.Block> blocks = mod.blocks(keyword).toList();
            if (blocks.size() < 2) {
                continue;
            }
            List<Stmt> body = new ArrayList<>();
            blocks.forEach(b -> body.addAll(b.body()));
            Item.Block first = blocks.get(0);
            items.set(items.indexOf(first), new Item.Block(first.pos(), keyword, first.name(), first.args(),
                    first.unit(), first.solveFor(), List.copyOf(body)));
            items.removeAll(blocks.subList(1, blocks.size()));
        }
        return items.equals(mod.items()) ? mod : new ModFile(mod.file(), List.copyOf(items));
    }
}
