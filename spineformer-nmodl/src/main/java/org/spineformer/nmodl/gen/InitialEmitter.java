package org.spineformer.nmodl.gen;

import java.util.Set;
import org.spineformer.nmodl.ast.Item;

/** The initialize() kernel and INITIAL as init(k, s): each instance from its START values. */
final class InitialEmitter {
    private final JavaGenerator g;

    InitialEmitter(JavaGenerator g) {
        this.g = g;
    }

    /** initialize() and init(k, s); {@code quotients}, the vector kernels' kept values of parameters (or null). */
    void emit(Item.Block initial, ParameterQuotients quotients) {
        g.line("");
        g.open("@Override public void initialize(CellState s)");
        // INITIAL may read an output of the last run's last state phase (LazyTableOutputs)
        g.lazyOutputs.forEach(b -> g.line("rateTableOutputs_" + b + "();"));
        if (!g.tables.isEmpty() && g.threadSafe) {
            g.line("checkTables(s);");
        }
        if (g.usesAdrunge()) {
            g.line("ninits += slots; // nocmodl's initmodel counts each instance's INITIAL in _ninits");
        }
        g.open("for (int k = 0; k < slots; k++)");
        g.nodeCopies.readNode(false);
        // nocmodl's initmodel starts each state x at x0 before INITIAL: the file's PARAMETER x0 when it declares one
        // (cabpump's pump0), else a static x0 of its START value (0 by default); an element of a STATE array at the
        // same x0 (an ion concentration state starts from the ion's value instead)
        g.mod.declarations("STATE").filter(d -> !g.isIonVariable(d.name())).forEach(d -> {
            String x0 = d.name() + "0";
            boolean parameter = g.mod.declarations("PARAMETER").anyMatch(p -> p.name().equals(x0) && p.size() == 0)
                    && g.instanceVars.contains(x0);
            String start = parameter ? "c_" + x0 + "[k]"
                    : ExpressionEmitter.literal(d.start() == null ? 0 : DeclaredDefault.of(d.start()));
            if (d.size() == 0) {
                g.line("c_" + d.name() + "[k] = " + start + ";");
            }
            for (int i = 0; i < d.size(); i++) {
                g.line("a_" + d.name() + "[" + i + "][k] = " + start + ";");
            }
        });
        if (g.usesNetMove) {
            g.line("tq_item[k] = -1L;");
        }
        if (initial != null) {
            g.line("init(k, s);");
        }
        g.nodeCopies.writeNode(true);
        g.close();
        if (g.netReceiveLowering != null && g.netReceiveLowering.perConnection()) {
            g.line("initConnections(s);");
        }
        if (quotients != null) {
            quotients.emitAfterInitial();
        }
        if (g.copyIonsOnce) {
            g.line("copyIonsIn = true;");
        }
        if (g.atV.reduced()) {
            g.line("wholeAtV = true;");
        }
        g.close();
        if (initial != null) {
            g.line("");
            g.open("private void init(int k, CellState s)");
            g.inInitial = true;
            g.body(initial.body(), Set.of());
            g.inInitial = false;
            g.close();
        }
    }
}
