package org.spineformer.nmodl.gen;

import java.util.HashSet;
import java.util.Set;
import org.spineformer.nmodl.ast.Arg;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.ast.Stmt;

/**
 * The ASSIGNED variables a mod file lists GLOBAL and none of its statements assigns. NEURON makes every GLOBAL a hoc
 * variable {@code NAME_SUFFIX} that the user sets, one value for all instances, 0 until set (nocmodl 8.2.2,
 * nocpout.cpp: GLOBALs are registered with hoc_register_var and declared {@code double NAME = 0;}); a file that never
 * assigns one expects it set that way (ModelDB 84589's kahp.mod: {@code exp_ca_kahp = 8} from hoc). Here they are
 * parameters with default 0, so a model can set them. An ASSIGNED GLOBAL the file assigns (a rate procedure's
 * {@code minf}, {@code mtau}) stays an assigned variable: a value set before the run would be overwritten.
 */
final class SettableGlobals {
    private SettableGlobals() {
    }

    /** The file's ASSIGNED variables that are listed GLOBAL and never assigned by its statements. */
    static Set<String> of(ModFile mod) {
        Set<String> globals = new HashSet<>();
        mod.neuron().forEach(s -> {
            if (s instanceof NeuronStmt.Names n && n.keyword().equals("GLOBAL")) {
                globals.addAll(n.names());
            }
        });
        Set<String> settable = new HashSet<>();
        mod.declarations("ASSIGNED").forEach(d -> {
            if (globals.contains(d.name())) {
                settable.add(d.name());
            }
        });
        mod.items().stream().filter(Item.Block.class::isInstance).map(Item.Block.class::cast).forEach(b -> {
            // a LOCAL or an argument of the same name hides the GLOBAL in its block
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
                    settable.remove(target);
                }
            });
        });
        return settable;
    }
}
