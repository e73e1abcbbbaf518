package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The paper's defaults, variation, and clear errors for invalid values. */
class CellParametersTest {
    private static final CellParameters PAPER = CellParameters.paper();

    private static CellParameters withTuft(CellParameters.Tuft tuft) {
        return new CellParameters(PAPER.axosomatic(), PAPER.apical(), tuft, PAPER.spine(), PAPER.synapses());
    }

    @Test
    void thePapersCellHas1500SpinesAndNoPotentiation() {
        assertThat(PAPER.spineCount()).isEqualTo(1500);
        assertThat(PAPER.synapses().potentiation()).isFalse();
        assertThat(PAPER.withPotentiationThreshold(7.8688e-14).synapses().potentiation()).isTrue();
    }

    @Test
    void fewerSpinesPerBranchBuildASmallerCell() {
        CellParameters.Tuft t = PAPER.tuft();
        PyramidalCell cell = PyramidalCell.build(withTuft(new CellParameters.Tuft(t.branchLengthUm(),
                t.branchDiamUm(), t.raOhmCm(), 10, t.proximalPaddingUm(), t.distalPaddingUm(), t.leakConductance(),
                t.leakReversalMv(), t.nataGbar(), t.skv31Gbar(), t.imGbar(), t.naReversalMv(), t.kReversalMv())));
        assertThat(cell.spineCount()).isEqualTo(60);
        assertThat(cell.morphology().section(cell.spineNeckSection(59)).name()).isEqualTo("spine_59_neck");
    }

    @Test
    void structuralErrorsNameTheParameterAndValue() {
        CellParameters.Tuft t = PAPER.tuft();
        assertThatThrownBy(() -> new CellParameters.Tuft(t.branchLengthUm(), t.branchDiamUm(), t.raOhmCm(), 0,
                t.proximalPaddingUm(), t.distalPaddingUm(), t.leakConductance(), t.leakReversalMv(), t.nataGbar(),
                t.skv31Gbar(), t.imGbar(), t.naReversalMv(), t.kReversalMv()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spinesPerBranch").hasMessageContaining("0");
        assertThatThrownBy(() -> new CellParameters.Tuft(t.branchLengthUm(), t.branchDiamUm(), t.raOhmCm(),
                t.spinesPerBranch(), 200, 100, t.leakConductance(), t.leakReversalMv(), t.nataGbar(), t.skv31Gbar(),
                t.imGbar(), t.naReversalMv(), t.kReversalMv()))
                .hasMessageContaining("proximalPaddingUm").hasMessageContaining("200.0");
        CellParameters.Spine s = PAPER.spine();
        assertThatThrownBy(() -> new CellParameters.Spine(s.neckLengthUm(), Double.NaN, s.headLengthUm(),
                s.headDiamUm(), s.raOhmCm(), s.cmUfPerCm2(), s.leakConductance(), s.leakReversalMv(),
                s.caShellDepthUm(), s.caTauMs(), s.caRestMM())).hasMessageContaining("neckDiamUm").hasMessageContaining("NaN");
    }

    @Test
    void mechanismParameterErrorsNameTheMechanismFieldAndValue() {
        CellParameters.Tuft t = PAPER.tuft();
        CellParameters negativeSodium = withTuft(new CellParameters.Tuft(t.branchLengthUm(), t.branchDiamUm(),
                t.raOhmCm(), t.spinesPerBranch(), t.proximalPaddingUm(), t.distalPaddingUm(), t.leakConductance(),
                t.leakReversalMv(), -0.1, t.skv31Gbar(), t.imGbar(), t.naReversalMv(), t.kReversalMv()));
        assertThatThrownBy(() -> PyramidalCell.build(negativeSodium))
                .hasMessageContaining("NaTa_t").hasMessageContaining("gNaTa_tbar").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> PyramidalCell.build(PAPER.withPotentiationThreshold(0)))
                .hasMessageContaining("AMPA_WITH_CA").hasMessageContaining("ca_potentiation_threshold");
        assertThatThrownBy(() -> PyramidalCell.build(PAPER.withPotentiationThreshold(Double.NaN)))
                .hasMessageContaining("ca_potentiation_threshold").hasMessageContaining("NaN");
    }
}
