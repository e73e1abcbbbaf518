package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.cell.TinySpinyDescription.PLASTIC;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell the experiments run on: the paper's gives the paper's constants (the values the experiments used to
 * hard-code), any other description its own, checked when loaded.
 */
class CellModelTest {
    private static Path write(Path dir, String synapses, String experiment) throws IOException {
        return TinySpinyDescription.write(dir, TinySpinyDescription.INLINE_SECTIONS, synapses, experiment);
    }

    @Test
    void thePapersCellHasThePapersConstants() {
        CellModel paper = CellModel.paper();
        assertThat(paper.isPaper()).isTrue();
        assertThat(CellModel.load("ellwood2024")).isSameAs(paper);
        assertThat(paper.spineCount()).isEqualTo(1500);
        assertThat(paper.axonCount()).isEqualTo(150);
        for (int a = 0; a < 150; a++) {
            assertThat(paper.firstSpine(a)).isEqualTo(10 * a);
        }
        for (int k = 0; k < 1500; k++) {
            assertThat(paper.axonOf(k)).isEqualTo(k / 10);
            assertThat(paper.branchOf(k)).isEqualTo(PyramidalCell.BRANCHES.get(k / 250));
        }
        assertThat(paper.queryAmpNa()).isEqualTo(4);
        assertThat(paper.queryDurMs()).isEqualTo(1);
        assertThat(paper.vInitMv()).isEqualTo(-75);
        assertThat(paper.bapVInitMv()).isEqualTo(-70);
        assertThat(paper.celsius()).isEqualTo(PyramidalCell.CELSIUS);
        assertThat(paper.netconDelayMs()).isEqualTo(CellParameters.paper().synapses().netconDelayMs());
        assertThat(paper.spikeTrace()).isEqualTo("v:soma(0.5)");
        PyramidalCell cell = PyramidalCell.build(CellParameters.paper());
        double[] d = paper.spineDistancesUm();
        for (int k = 0; k < 1500; k += 149) {
            assertThat(d[k]).isEqualTo(cell.morphology().pathDistance(cell.somaSection(), 0,
                    cell.spineHeadSection(k), 0.5));
        }
    }

    @Test
    void anotherDescriptionGivesItsOwnAxonsQueryAndSites(@TempDir Path dir) throws Exception {
        Path file = write(dir, PLASTIC, ", \"experiment\": {\"axons\": {\"groups\": [[3, 2], [0]]}, \"query\":"
                + " {\"amplitude_nA\": 2.5, \"duration_ms\": 2}, \"spike_site\": {\"section\": \"dend\", \"x\": 0.5}}");
        CellModel m = CellModel.load(file.toString());
        assertThat(m.isPaper()).isFalse();
        assertThat(m.name()).isEqualTo("tiny");
        assertThat(m.sha256()).hasSize(64);
        assertThat(m.axons()).isDeepEqualTo(new int[][] {{3, 2}, {0}});
        assertThat(m.groupedSpines()).containsExactly(0, 2, 3);
        assertThat(m.axonOf(1)).isEqualTo(-1);
        assertThat(m.firstSpine(0)).isEqualTo(3);
        assertThat(m.queryAmpNa()).isEqualTo(2.5);
        assertThat(m.queryDurMs()).isEqualTo(2);
        assertThat(m.vInitMv()).isEqualTo(-65);
        assertThat(m.spikeTrace()).isEqualTo("v:dend(0.5)");
        assertThat(m.branchOf(3)).isEqualTo("dend");
        assertThat(m.netconDelayMs()).isEqualTo(1);
        PyramidalCell cell = m.build(2e-14);
        assertThat(cell.spineCount()).isEqualTo(4);
        // Serialized (a Spark task), it is the same model, read again on first use.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            CellModel back = (CellModel) in.readObject();
            assertThat(back.sha256()).isEqualTo(m.sha256());
            assertThat(back.axons()).isDeepEqualTo(m.axons());
        }
    }

    @Test
    void aModelIsRefusedWhenItsSpinesLackThePlasticSynapseOrDisagreeOnTheDelay(@TempDir Path dir)
            throws IOException {
        String experiment = ", \"experiment\": {\"axons\": {\"consecutive\": 2}}";
        Path nmdaOnly = write(dir, "{\"name\": \"nmda\", \"mechanism\": \"NMDA\", \"x\": 0.5, \"weight\": 0.001,"
                + " \"delay_ms\": 1}", experiment);
        assertThatThrownBy(() -> CellModel.load(nmdaOnly.toString())).hasMessage(nmdaOnly.toAbsolutePath()
                + ": spine 0 has no AMPA_WITH_CA synapse: the experiments set its threshold and read its calcium"
                + " integral on every spine");
        Path noExperiment = write(dir, PLASTIC, "");
        assertThatThrownBy(() -> CellModel.load(noExperiment.toString()))
                .hasMessageContaining(": no \"experiment\" part: the experiments need its \"axons\"");
        Path badSite = write(dir, PLASTIC, ", \"experiment\": {\"axons\": {\"consecutive\": 1}, \"spike_site\":"
                + " {\"section\": \"axon\", \"x\": 0.5}}");
        assertThatThrownBy(() -> CellModel.load(badSite.toString()))
                .hasMessageStartingWith(badSite.toAbsolutePath() + ": /experiment/spike_site: ");
    }
}
