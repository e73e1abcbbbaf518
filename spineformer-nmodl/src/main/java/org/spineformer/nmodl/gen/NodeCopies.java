package org.spineformer.nmodl.gen;

import java.util.Map;

/** The copies between a node and instance k's columns: v and the ion variables in, written ions out. */
final class NodeCopies {
    private final JavaGenerator g;

    NodeCopies(JavaGenerator g) {
        this.g = g;
    }

    /**
     * Copies the node's potential and the ion variables into instance k's columns (a concentration the mechanism
     * writes too: it integrates from the ion's value), all but the currents it writes. In the current phase, first
     * the reversal potential of an ion whose concentration some mechanism writes follows it by Nernst (NEURON's
     * ion_cur with eadvance; every block reading or writing it does so, with the same concentrations, so the
     * order of blocks does not matter).
     */
    void readNode(boolean currentPhase) {
        readNode(currentPhase, null);
    }

    /** As {@link #readNode(boolean)}; in the current phase, only what {@code phase} reads (null: everything). */
    void readNode(boolean currentPhase, CurrentPhase phase) {
        g.line("int nd = laneNode[k];");
        if (phase == null || !phase.vAsArgument()) {
            g.line("c_v[k] = s.v[nd];");
        }
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            String x = ion.getKey();
            if (currentPhase && (ion.getValue().containsValue("reversal") || g.writesConcentration(x))) {
                g.open("if (ion_" + x + ".nernstCharge != 0.0)");
                g.line("ion_" + x + "_reversal[nd] = nernst(ion_" + x + "_concentration[nd], ion_" + x
                        + "_outside[nd], ion_" + x + ".nernstCharge, s.celsius);");
                g.close();
            }
            ion.getValue().forEach((var, role) -> {
                if (!(role.equals("current") && g.written.contains(var)) && (phase == null || phase.reads(var))) {
                    g.line("c_" + var + "[k] = ion_" + x + "_" + role + "[nd];");
                }
            });
        }
    }

    /**
     * After INITIAL or the state update: the concentrations written go back to the ion; after INITIAL the reversal
     * potential of an ion whose concentration the mechanism reads or writes follows by Nernst (NEURON's einit).
     */
    void writeNode(boolean initialization) {
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            String x = ion.getKey();
            for (Map.Entry<String, String> var : ion.getValue().entrySet()) {
                if (g.written.contains(var.getKey()) && !var.getValue().equals("current")) {
                    g.line("ion_" + x + "_" + var.getValue() + "[nd] = c_" + var.getKey() + "[k];");
                }
            }
            boolean readsConcentration = ion.getValue().containsValue("concentration")
                    || ion.getValue().containsValue("outside");
            if (initialization && readsConcentration && g.valences.containsKey(x)) {
                g.line("ion_" + x + "_reversal[nd] = nernst(ion_" + x + "_concentration[nd], ion_" + x
                        + "_outside[nd], " + ExpressionEmitter.literal(g.valences.get(x)) + ", s.celsius);");
            }
        }
    }
}
