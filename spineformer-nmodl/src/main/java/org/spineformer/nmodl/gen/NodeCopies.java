package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The copies between a node and instance k's columns: v and the ion variables in, written ions out. */
final class NodeCopies {
    private final JavaGenerator g;

    NodeCopies(JavaGenerator g) {
        this.g = g;
    }

    /**
     * Copies the node's potential and the ion variables into instance k's columns (a concentration the mechanism
     * writes too: it integrates from the ion's value), all but the currents it writes. (In the current phase the
     * reversal potential of an ion whose concentration some mechanism writes has followed it by Nernst already,
     * once per node: the engine's {@code Ion.followConcentrations}, at the nodes {@link #followConcentrations}
     * gives it.)
     */
    void readNode(boolean currentPhase) {
        readNode(currentPhase, null);
    }

    /**
     * The state phase's copies: those of {@link #readNode(boolean)} but v where the phase's code does not read it
     * (JavaGenerator#statePhaseReadsV; a synapse's decays).
     */
    void readNodeForStates() {
        g.line("int nd = laneNode[k];");
        List<String> pairs = statePhaseCopies();
        for (int i = g.statePhaseReadsV ? 0 : 2; i < pairs.size(); i += 2) {
            g.line(pairs.get(i) + "[k] = " + pairs.get(i + 1) + "[nd];");
        }
    }

    /** As {@link #readNode(boolean)}; in the current phase, only what {@code phase} reads (null: everything). */
    void readNode(boolean currentPhase, CurrentPhase phase) {
        g.line("int nd = laneNode[k];");
        if (phase == null) {
            List<String> pairs = statePhaseCopies();
            for (int i = 0; i < pairs.size(); i += 2) {
                g.line(pairs.get(i) + "[k] = " + pairs.get(i + 1) + "[nd];");
            }
            return;
        }
        if (!phase.vAsArgument()) {
            g.line("c_v[k] = s.v[nd];");
        }
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            String x = ion.getKey();
            ion.getValue().forEach((var, role) -> {
                // a reversal potential read and written goes back to the ion after the evaluations: read it in
                boolean writtenBack = role.equals("reversal") && g.written.contains(var);
                if (g.copiedIn(var, role) && (phase.reads(var) || writtenBack)) {
                    g.line("c_" + var + "[k] = ion_" + x + "_" + role + "[nd];");
                }
            });
        }
    }

    /**
     * The copies {@link #readNode(boolean)} makes (every phase but a current phase that reads less), as Java
     * expressions in pairs: the column, then the per-node array it copies from.
     */
    List<String> statePhaseCopies() {
        List<String> pairs = new ArrayList<>(List.of("c_v", "s.v"));
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            String x = ion.getKey();
            ion.getValue().forEach((var, role) -> {
                if (g.copiedIn(var, role)) {
                    pairs.add("c_" + var);
                    pairs.add("ion_" + x + "_" + role);
                }
            });
        }
        return pairs;
    }

    /**
     * In attach: the nodes where the reversal potential of an ion follows its concentrations by Nernst at each
     * current phase (NEURON's ion_cur with eadvance, which eion.cpp's nrn_promote sets at the nodes where a
     * mechanism writes a concentration of the ion): those of a block that writes a concentration; and those where
     * the block writes the reversal potential, where it never does (nor at initialization).
     */
    void followConcentrations() {
        for (String x : g.ions.keySet()) {
            if (g.writesConcentration(x)) {
                g.open("for (int k = 0; k < slots; k++)");
                g.line("ion_" + x + ".followConcentrationsAt(laneNode[k]);");
                g.close();
            }
            if (g.writesReversal(x)) {
                g.open("for (int k = 0; k < slots; k++)");
                g.line("ion_" + x + ".reversalWrittenAt(laneNode[k]);");
                g.close();
            }
        }
    }

    /**
     * After the current phase's evaluations (nocmodl's nrn_cur, set_ion_variables(0)): each reversal potential the
     * mechanism writes goes back to the ion, and each concentration it writes that the BREAKPOINT assigns (what
     * the second evaluation left; nrn_cur copies back every concentration written, a copy of what it read in
     * unless the BREAKPOINT assigned it).
     */
    void writeBack(Set<String> assignedByPhase) {
        for (Map.Entry<String, Map<String, String>> ion : g.ions.entrySet()) {
            ion.getValue().forEach((var, role) -> {
                if (g.written.contains(var) && (role.equals("reversal") || !role.equals("current")
                        && assignedByPhase.contains(var))) {
                    g.line("ion_" + ion.getKey() + "_" + role + "[nd] = c_" + var + "[k];");
                }
            });
        }
    }

    /**
     * After INITIAL or the state update: the concentrations and reversal potentials written go back to the ion;
     * after INITIAL the reversal potential of an ion whose concentration the mechanism reads or writes follows by
     * Nernst (NEURON's einit), but where a mechanism writes the reversal potential.
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
                g.open("if (!ion_" + x + ".reversalWritten(nd))");
                g.line("ion_" + x + "_reversal[nd] = nernst(ion_" + x + "_concentration[nd], ion_" + x
                        + "_outside[nd], " + ExpressionEmitter.literal(g.valences.get(x)) + ", s.celsius);");
                g.close();
            }
        }
    }
}
