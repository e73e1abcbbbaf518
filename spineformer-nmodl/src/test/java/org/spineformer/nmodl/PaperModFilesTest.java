package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The bundled mod files of the paper's cell: all compile, and AMPA_WITH_CA takes the cell's infinite threshold. */
class PaperModFilesTest {
    /** Roundings of a few operations on values of order 1. */
    private static final double ROUNDING = 1e-15;

    @Test
    void all12CompileUnderTheBuiltInsNames() {
        assertThat(PaperModFiles.compile()).extracting(NmodlMechanism::name).containsExactly("BahlEtAl_2012_km",
                "BahlEtAl_2012_ih", "BahlEtAl_2012_kfast", "BahlEtAl_2012_kslow", "BahlEtAl_2012_nap",
                "BahlEtAl_2012_nat", "AMPA_WITH_CA", "NMDA", "Im", "NaTa_t", "SKv3_1", "cadspine");
    }

    @Test
    void anInfiniteThresholdIsNoPotentiation() {
        NmodlMechanism ampa = compiled("AMPA_WITH_CA");
        FieldSpec threshold = ampa.fields().stream().filter(f -> f.name().equals("ca_potentiation_threshold"))
                .findFirst().orElseThrow();
        assertThatCode(() -> threshold.validate("AMPA_WITH_CA", Double.POSITIVE_INFINITY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> threshold.validate("AMPA_WITH_CA", Double.NaN))
                .hasMessage("AMPA_WITH_CA.ca_potentiation_threshold = NaN is invalid: it must be a number (infinities"
                        + " allowed)");

        CellState s = new CellState(new double[] {1}, new double[] {1}, 0.025, 37);
        MechanismBlock block = ampa.newBlock(new int[] {0, 0});
        block.attach(s);
        s.v[0] = -70;
        block.initialize(s);
        block.column("ca_potentiation_threshold")[0] = Double.POSITIVE_INFINITY;
        block.column("ca_potentiation_threshold")[1] = 1e50; // the default: finite, sig(0 - 20) of potentiation
        block.deliver(0, 1);
        block.deliver(1, 1);
        block.advance(s);
        block.currents(s);
        assertThat(block.get("alpha", 0)).isZero();
        assertThat(block.get("alpha", 1)).isCloseTo(1 / (1 + Math.exp(20)), within(ROUNDING * 1e-8));
    }

    private static NmodlMechanism compiled(String name) {
        List<NmodlMechanism> all = PaperModFiles.compile();
        return all.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
