package org.spineformer.nmodl.gen;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Expr;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;

/**
 * Which tables of v ({@link RateTables}) read their outputs (the variables the DERIVATIVE block writes besides its
 * states: mInf, mTau, mAlpha ...) only when something reads them: docs/dev/nmodl.md ("Table outputs when read").
 *
 * <p>The state phase needs from the table only each state's F and X; a gate block writes two to four more values
 * per gate, which nothing of the mechanism reads in most files. Where that is so, the state phase keeps, per
 * instance, where it read the table (its position, or -1 where the block ran exactly and wrote them itself), and
 * the outputs are read from the same interval of the same table when they are read: before INITIAL, and before
 * {@code MechanismBlock.column} hands out any field (recording, a structure dump, a parameter set), from when an
 * output's column is handed out on, every state phase writes them as before. They are the same bits as when
 * written at each step: the same table, interval and position.
 *
 * <p>Lazy when no other code that runs in a phase mentions an output: not BREAKPOINT, NET_RECEIVE, another SOLVEd
 * block, nor any FUNCTION or PROCEDURE they call (directly or not). INITIAL and what it calls may: the outputs are
 * brought up to date before it runs.
 */
final class LazyTableOutputs {
    private LazyTableOutputs() {
    }

    /** Whether {@code plan}'s outputs may be read from its table only when read. */
    static boolean lazy(ModFile mod, RateTables.Plan plan, Map<String, Item.Block> functions,
                        Map<String, Item.Block> procedures) {
        if (plan.outputs().isEmpty()) {
            return false;
        }
        Set<String> mentioned = new HashSet<>();
        for (Item item : mod.items()) {
            if (item instanceof Item.Block b && !Set.of("FUNCTION", "PROCEDURE", "INITIAL").contains(b.keyword())
                    && !(b.keyword().equals("DERIVATIVE") && b.name().equals(plan.block()))) {
                names(b.body(), mentioned);
            }
        }
        // what those blocks call, and what that calls
        Deque<String> calls = new ArrayDeque<>(mentioned);
        Set<String> seen = new HashSet<>();
        while (!calls.isEmpty()) {
            String name = calls.pop();
            Item.Block f = functions.containsKey(name) ? functions.get(name) : procedures.get(name);
            if (f != null && seen.add(name)) {
                Set<String> inner = new HashSet<>();
                names(f.body(), inner);
                mentioned.addAll(inner);
                calls.addAll(inner);
            }
        }
        return plan.outputs().stream().noneMatch(mentioned::contains);
    }

    /**
     * Every variable and called name in an AST subtree: the statement and expression records walked by their
     * components, so that no kind of statement (an IF's condition, a reaction's rates, a WATCH) can be missed.
     */
    private static void names(Object node, Set<String> out) {
        if (node instanceof Expr.Var v) {
            out.add(v.name());
        } else if (node instanceof Expr.Call c) {
            out.add(c.name());
        }
        if (node instanceof List<?> list) {
            list.forEach(x -> names(x, out));
        } else if (node instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    names(c.getAccessor().invoke(r), out);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + r, e);
                }
            }
        }
    }
}
