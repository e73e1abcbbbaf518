package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.ast.NeuronStmt;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * Texts of published mod files that nocmodl 8.2.2 translates and an earlier version of this module refused (the
 * fresh sample of unseen models, docs/dev/nmodl.md).
 */
class AcceptedAsNocmodlTest {
    /** {@code USEION k ... CHARGE 1}: nocmodl's keyword table (init.cpp) makes CHARGE the token VALENCE. */
    @Test
    void chargeIsValence() {
        var uses = Parser.parse("c.mod", "NEURON { SUFFIX c\n    USEION k READ ek WRITE ik CHARGE 1\n"
                + "    USEION cl READ ecl WRITE icl CHARGE -1\n}\n").neuron().toList();
        assertThat(((NeuronStmt.UseIon) uses.get(1)).valence()).isEqualTo(1);
        NeuronStmt.UseIon cl = (NeuronStmt.UseIon) uses.get(2);
        assertThat(cl.valence()).isEqualTo(-1);
    }

    /**
     * A COMPARTMENT listing a name that is not a STATE, here not declared at all: nocmodl's massagecompart drops it,
     * so the scheme runs as without it (40 steps of a flux into a pool, bit for bit).
     */
    @Test
    void aCompartmentNameThatIsNotAStateIsDropped() {
        String scheme = "NEURON { SUFFIX pool }\nSTATE { q }\nINITIAL { q = 1 }\n"
                + "BREAKPOINT { SOLVE acc METHOD sparse }\nKINETIC acc {\n  COMPARTMENT 2.5 { %s }\n"
                + "  ~ q << (0.3 - 0.1*q)\n}\n";
        assertThat(afterSteps(String.format(scheme, "qna q"))).isEqualTo(afterSteps(String.format(scheme, "q")))
                .isNotEqualTo(1.0);
    }

    /**
     * An ASSIGNED variable listed GLOBAL that the file never assigns (ModelDB 84589's kahp.mod: exp_ca, which its
     * model sets from hoc as {@code exp_ca_kahp = 8}) is a parameter, default 0 as NEURON's, that a model sets; one
     * the file assigns (minf) stays an assigned variable, and a LOCAL of the same name does not assign the GLOBAL.
     */
    @Test
    void anAssignedGlobalNeverAssignedIsSettable() {
        NmodlMechanism m = NmodlMechanism.compile("kg.mod", "NEURON { SUFFIX kg GLOBAL expc, minf, w RANGE y }\n"
                + "ASSIGNED { expc minf w y }\nINITIAL { rates() y = expc * minf + w }\n"
                + "PROCEDURE rates() { LOCAL w\n  w = 100\n  minf = 2 + w\n}\n");
        FieldSpec expc = field(m, "expc");
        assertThat(expc.role()).isEqualTo(FieldRole.PARAMETER);
        assertThat(expc.defaultValue()).isZero();
        assertThat(expc.description()).contains("expc_kg");
        assertThat(field(m, "w").role()).isEqualTo(FieldRole.PARAMETER);
        assertThat(field(m, "minf").role()).isEqualTo(FieldRole.ASSIGNED);
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.setParameter("expc", 0, 8);
        block.setParameter("w", 0, 0.5);
        block.attach(s);
        block.initialize(s);
        assertThat(block.get("y", 0)).isEqualTo(8 * 102 + 0.5);
    }

    private static FieldSpec field(NmodlMechanism m, String name) {
        return m.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static double afterSteps(String text) {
        NmodlMechanism m = NmodlMechanism.compile("pool.mod", text);
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        for (int i = 0; i < 40; i++) {
            block.advance(s);
        }
        return block.get("q", 0);
    }
}
