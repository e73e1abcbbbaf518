package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.model.protocol.ProtocolTestSupport.protocol;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;

/**
 * A protocol run as identical trials in lanes ({@code bench --lanes} with {@code --model}): every lane records and
 * detects what the protocol run alone gives, bit for bit.
 */
class ProtocolRunLanesTest {
    /** A current step into the tree's soma and a voltage clamp on a tuft branch, recorded at three kinds of site. */
    private static final String PROTOCOL = """
            {"format": "spineformer-protocol/1", "tstop": 30, "save_every": 2, "spike_threshold_mV": -64.9,
             "stimuli": [{"type": "IClamp", "at": {"section": "soma[0]", "x": 0.5},
                          "amp_nA": 0.5, "delay_ms": 2, "dur_ms": 5},
                         {"type": "SEClamp", "name": "vc", "at": {"section": "apic[3]", "x": 0.5}, "rs_MOhm": 5,
                          "levels": [{"amp_mV": -65, "dur_ms": 10}, {"amp_mV": -30, "dur_ms": 5}]}],
             "record": [{"variable": "v", "at": {"section": "apic[1]", "x": 0.3}},
                        {"variable": "i_pas", "at": {"section": "dend[0]", "x": 0.5}},
                        {"variable": "i", "stimulus": "vc"}]}
            """;

    @Test
    void everyLaneGivesTheProtocolRunAloneBitForBit() {
        AssembledCell cell = ProtocolTestSupport.tree(2);
        ProtocolRun.Result alone = ProtocolRun.prepare(cell, Catalogue.discover(), protocol(PROTOCOL)).run(null);
        assertThat(alone.somaSpikeTimesMs()).as("the step and the clamp give the soma peaks above -64.9 mV")
                .isNotEmpty();
        for (int lanes : new int[] {2, 3}) {
            List<ProtocolRun.Result> inLanes = ProtocolRun.prepare(cell, Catalogue.discover(), protocol(PROTOCOL),
                    lanes).runLanes(null);
            assertThat(inLanes).hasSize(lanes);
            for (int lane = 0; lane < lanes; lane++) {
                ProtocolRun.Result r = inLanes.get(lane);
                String which = lanes + " lanes, lane " + lane;
                assertThat(r.columns()).as(which).isEqualTo(alone.columns());
                for (int c = 0; c < r.columns().size(); c++) {
                    assertThat(r.traces().get(c)).as(which + ", " + r.columns().get(c))
                            .isEqualTo(alone.traces().get(c));
                }
                assertThat(r.somaSpikeTimesMs()).as(which).isEqualTo(alone.somaSpikeTimesMs());
            }
        }
    }

    @Test
    void runIsForOneLaneAndLanesMustBePositive() {
        AssembledCell cell = ProtocolTestSupport.soma();
        String json = """
                {"format": "spineformer-protocol/1", "tstop": 1,
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}}]}
                """;
        assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(json), 2).run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("use runLanes");
        assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(json), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lanes must be >= 1, was 0");
    }
}
