package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spineformer.engine.mech.BeforeAfter;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.nmodl.ast.Item;
import org.spineformer.nmodl.ast.NeuronStmt;

/**
 * NMODL's BEFORE and AFTER blocks as the engine's {@code MechanismBlock.beforeAfter} hook. nocmodl 8.2.2 makes each
 * block a function {@code _baN} that NEURON's nrn_ba calls per instance at its point of the step ({@link
 * BeforeAfter}): v copied from the node, the ion variables as nrn_cur has them (get_ion_variables(0): what USEION
 * READs and the concentrations it writes), the block's statements, then set_ion_variables(0): each ion current it
 * writes added to the ion's (as nrn_cur adds it; per area for a point process), each concentration and reversal
 * potential it writes copied back (nocpout.cpp, the loop over ba_list_). nocmodl inserts each of the two lists only
 * when it has two statements or more ({@code if (lst->next != lst->prev)}: a list of one is dropped), so a file
 * whose USEIONs READ one variable (and write no concentration) copies nothing in, and one that writes a single
 * concentration or reversal potential and no current copies nothing out: the block's change of it stays in the
 * mechanism's own variable (seen in nocmodl 8.2.2's C and in NEURON). Blocks of one kind run in the file's order,
 * each over every instance before the next (hoc_reg_ba keeps them in call order).
 */
final class BeforeAfterEmitter {
    private final JavaGenerator g;

    BeforeAfterEmitter(JavaGenerator g) {
        this.g = g;
    }

    /**
     * The kind of {@code b} (BEFORE BREAKPOINT ...), or null after reporting it: the three that NEURON 8.2.2 cannot
     * load (hoc_reg_ba exits with "before-after processing type N ... not implemented").
     */
    static BeforeAfter kind(Item.Block b) {
        return switch (b.keyword() + " " + b.name()) {
            case "BEFORE INITIAL" -> BeforeAfter.BEFORE_INITIAL;
            case "AFTER INITIAL" -> BeforeAfter.AFTER_INITIAL;
            case "BEFORE BREAKPOINT" -> BeforeAfter.BEFORE_BREAKPOINT;
            case "AFTER SOLVE" -> BeforeAfter.AFTER_SOLVE;
            case "BEFORE STEP" -> BeforeAfter.BEFORE_STEP;
            default -> null;
        };
    }

    /** The statements of nocmodl's get_ion_variables(0): one per variable READ, one per concentration written. */
    private int copiesIn() {
        return useIons().mapToInt(u -> u.read().size() + (int) u.write().stream()
                .filter(w -> w.equals(u.ion() + "i") || w.equals(u.ion() + "o")).count()).sum();
    }

    /** The statements of nocmodl's set_ion_variables(0): two per current written ("+= ix" and ";"), one per other. */
    private int copiesOut() {
        return useIons().mapToInt(u -> u.write().stream().mapToInt(w -> w.equals("i" + u.ion()) ? 2 : 1).sum()).sum();
    }

    private java.util.stream.Stream<NeuronStmt.UseIon> useIons() {
        return g.mod.neuron().filter(NeuronStmt.UseIon.class::isInstance).map(NeuronStmt.UseIon.class::cast);
    }

    void emit() {
        if (g.beforeAfter.isEmpty()) {
            return;
        }
        Set<BeforeAfter> kinds = new LinkedHashSet<>();
        List<String> methods = new ArrayList<>();
        for (Item.Block b : g.beforeAfter) {
            kinds.add(kind(b));
            methods.add("ba" + methods.size());
        }
        String type = BeforeAfter.class.getName();
        g.line("");
        g.line("private static final java.util.Set<" + type + "> BEFORE_AFTER = java.util.Collections.unmodifiableSet("
                + "java.util.EnumSet.of(" + String.join(", ", kinds.stream().map(k -> type + "." + k).toList())
                + "));");
        g.line("");
        g.open("@Override public java.util.Set<" + type + "> beforeAfterKinds()");
        g.line("return BEFORE_AFTER;");
        g.close();
        g.line("");
        g.open("@Override public void beforeAfter(CellState s, " + type + " when)");
        for (int i = 0; i < methods.size(); i++) {
            g.open("if (when == " + type + "." + kind(g.beforeAfter.get(i)) + ")");
            g.open("for (int k = 0; k < slots; k++)");
            g.line(methods.get(i) + "(k, s);");
            g.close();
            g.close();
        }
        g.close();
        String scale = g.kind == Mechanism.Kind.POINT_PROCESS ? " * s.pointScale[geoNode[k]]" : "";
        for (int i = 0; i < methods.size(); i++) {
            Item.Block b = g.beforeAfter.get(i);
            g.line("");
            g.line("/** " + b.keyword() + " " + b.name() + " (line " + b.pos().line() + "), for slot k. */");
            g.open("private void " + methods.get(i) + "(int k, CellState s)");
            if (copiesIn() >= 2) {
                g.nodeCopies.readNode(false);
            } else {
                g.line("int nd = laneNode[k];");
                g.line("c_v[k] = s.v[nd];");
            }
            g.body(b.body(), Set.of());
            if (copiesOut() >= 2) {
                g.ionCurrentsWritten().forEach((ion, var) ->
                        g.line("ion_" + ion + "_current[nd] += c_" + var + "[k]" + scale + ";"));
                g.nodeCopies.writeNode(false);
            }
            g.close();
        }
    }
}
