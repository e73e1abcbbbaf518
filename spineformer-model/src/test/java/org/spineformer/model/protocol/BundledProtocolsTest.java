package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bundled protocol reads, and says what its reference run's input.json says (one checked by hand). */
class BundledProtocolsTest {
    @Test
    void everyBundledProtocolReads() {
        int count = 0;
        for (Map.Entry<String, List<String>> e : BundledProtocols.NAMES.entrySet()) {
            for (String name : e.getValue()) {
                Protocol p = BundledProtocols.get(e.getKey(), name);
                assertThat(p.stimuli()).as(name).isNotEmpty();
                assertThat(p.dtMs()).isEqualTo(0.025);
                assertThat(p.saveEvery()).isEqualTo(4);
                count++;
            }
        }
        assertThat(count).isEqualTo(12); // one per reference run folder
    }

    @Test
    void bacFiringAsItsInputJsonSays() {
        Protocol p = BundledProtocols.get("hay2011_l5pc", "bac_firing");
        assertThat(p.tstopMs()).isEqualTo(600);
        assertThat(p.vInitMv()).hasValue(-80);
        assertThat(p.celsius()).hasValue(6.3);
        assertThat(p.stimuli().get(0)).isEqualTo(new Stimulus.CurrentClamp("iclamp0", new Site.At("soma[0]", 0.5),
                1.9, 295, 5, BundledProtocols.label("hay2011_l5pc", "bac_firing") + ": /stimuli/0"));
        Stimulus.PointProcessInput epsp = (Stimulus.PointProcessInput) p.stimuli().get(1);
        assertThat(epsp.mechanism()).isEqualTo("epsp");
        assertThat(epsp.parameters()).isEqualTo(Map.of("onset", 300.0, "tau0", 0.5, "tau1", 5.0, "imax", 0.5));
        Site.ByDistance at = (Site.ByDistance) epsp.at();
        assertThat(at.distanceUm()).isEqualTo(620);
        assertThat(at.from().toString()).isEqualTo("apic[0](0.0)");
        assertThat(at.region()).isEqualTo("apic");
        assertThat(p.recordings()).hasSize(8);
    }

    @Test
    void unknownNamesSayWhatThereIs() {
        assertThatThrownBy(() -> BundledProtocols.get("hay2011_l5pc", "bac"))
                .hasMessage("no bundled protocol 'bac' for model 'hay2011_l5pc'; its protocols: [bac_firing, "
                        + "bac_firing_celsius34, step_0p3, step_0p45, step_1p507]");
    }
}
