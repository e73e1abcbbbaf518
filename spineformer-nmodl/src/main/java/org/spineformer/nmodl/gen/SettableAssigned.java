package org.spineformer.nmodl.gen;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The ASSIGNED variables NEURON's hoc sets, and which of the file's blocks assign them. nocmodl 8.2.2 (nocpout.cpp)
 * makes every GLOBAL a hoc variable {@code NAME_SUFFIX}, one value for all instances ({@code double NAME = 0;}), and
 * every RANGE ASSIGNED (and NONSPECIFIC_CURRENT) a per-instance hoc variable {@code seg.NAME_SUFFIX}, 0 when the
 * instance is made (nrn_alloc's {@code nrn_prop_data_alloc} is a calloc; only RANGE PARAMETERs get their default
 * there); an ASSIGNED neither RANGE nor GLOBAL has no hoc name. hoc's value stays until a statement of the file
 * assigns the variable: checked with NEURON 8.2.2 (docs/dev/nmodl.md, "RANGE variables hoc sets").
 *
 * <p>One such variable that no statement assigns is set by the model alone (ModelDB 84589's kahp.mod GLOBAL
 * {@code exp_ca}, 151458's ARTIFICIAL_CELL stim's RANGE {@code change}): here a parameter with default 0. One the
 * file assigns (a rate procedure's {@code minf}, a current) may be set too when it is RANGE, as hoc may, and the
 * file's assignment overwrites it: a settable assigned variable. A GLOBAL the file assigns stays an assigned variable
 * (here one value per instance, not NEURON's one for all, so setting it would not be hoc's).
 */
final class SettableAssigned {
    private SettableAssigned() {
    }

    /** The file's ASSIGNED variables listed GLOBAL, RANGE or NONSPECIFIC_CURRENT that no statement assigns. */
    static Set<String> neverAssigned(ModFile mod) {
        Set<String> settable = new HashSet<>();
        Set<String> named = hocNamed(mod);
        mod.declarations("ASSIGNED").forEach(d -> {
            if (named.contains(d.name())) {
                settable.add(d.name());
            }
        });
        settable.removeAll(assignedIn(mod).keySet());
        return settable;
    }

    /** The names the NEURON block lists GLOBAL, RANGE, NONSPECIFIC_CURRENT or ELECTRODE_CURRENT. */
    private static Set<String> hocNamed(ModFile mod) {
        Set<String> names = new HashSet<>();
        mod.neuron().forEach(s -> {
            if (s instanceof NeuronStmt.Names n && Set.of("GLOBAL", "RANGE", "NONSPECIFIC_CURRENT",
                    "ELECTRODE_CURRENT").contains(n.keyword())) {
                names.addAll(n.names());
            }
        });
        return names;
    }

    /**
     * Every name the file's statements assign, with the blocks that assign it in file order ("INITIAL",
     * "BREAKPOINT", "PROCEDURE rates" ...); a LOCAL or an argument of the same name hides the variable in its block.
     */
    static Map<String, Set<String>> assignedIn(ModFile mod) {
        Map<String, Set<String>> blocks = new LinkedHashMap<>();
        mod.items().stream().filter(Item.Block.class::isInstance).map(Item.Block.class::cast).forEach(b -> {
            Set<String> hidden = new HashSet<>();
            b.args().stream().map(Arg::name).forEach(hidden::add);
            ThreadSafety.each(b.body(), s -> {
                if (s instanceof Stmt.Local l) {
                    hidden.addAll(l.names());
                }
            });
            ThreadSafety.each(b.body(), s -> {
                String target = s instanceof Stmt.Assign a ? a.target().name()
                        : s instanceof Stmt.From f ? f.index() : null;
                if (target != null && !hidden.contains(target)) {
                    blocks.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(blockName(b));
                }
            });
        });
        return blocks;
    }

    private static String blockName(Item.Block b) {
        return b.name() == null || b.name().isEmpty() ? b.keyword() : b.keyword() + " " + b.name();
    }
}
