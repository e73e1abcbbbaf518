package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.model.protocol.ProtocolTestSupport.protocol;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.model.Location;

/** The protocol format read strictly: defaults, names, and every error with file, JSON pointer and value. */
class ProtocolReaderTest {
    private static final String SOMA = "{\"section\": \"soma[0]\", \"x\": 0.5}";

    private static String with(String stimuli, String record) {
        return "{\"format\": \"spineformer-protocol/1\", \"tstop\": 100, \"stimuli\": [" + stimuli + "], "
                + "\"record\": [" + record + "]}";
    }

    @Test
    void defaultsAndStimulusNames() {
        Protocol p = protocol(with("""
                {"type": "IClamp", "at": %1$s, "amp_nA": 0.5, "delay_ms": 10, "dur_ms": 20},
                {"type": "point_process", "mechanism": "epsp", "at": {"path_distance_um": 620, "from": "apic[0](0)",
                 "region": "apic"}, "parameters": {"onset": 300, "imax": 0.5}},
                {"type": "IClamp", "at": %1$s, "amp_nA": -0.1, "delay_ms": 0, "dur_ms": 5},
                {"type": "SEClamp", "name": "clamp", "at": %1$s, "levels": [{"amp_mV": -70, "dur_ms": 10}]},
                {"type": "point_process", "mechanism": "ExpSyn", "at": %1$s, "spikes_ms": [1, 2, 2], "weight": 0.01}
                """.formatted(SOMA), "{\"variable\": \"v\", \"at\": " + SOMA + "}"));
        assertThat(p.dtMs()).isEqualTo(0.025); // NEURON's
        assertThat(p.vInitMv()).isEmpty();
        assertThat(p.celsius()).isEmpty();
        assertThat(p.saveEvery()).isEqualTo(1);
        assertThat(p.spikeThresholdMv()).isEqualTo(0);
        assertThat(p.stimuli()).extracting(Stimulus::name)
                .containsExactly("iclamp0", "epsp0", "iclamp1", "clamp", "expsyn0");
        assertThat(p.stimuli().get(1).at()).isEqualTo(new Site.ByDistance(620, new Location("apic[0]", 0), "apic"));
        Stimulus.VoltageClamp clamp = (Stimulus.VoltageClamp) p.stimuli().get(3);
        assertThat(clamp.rsMOhm()).isEqualTo(1); // NEURON's SEClamp default
        assertThat(clamp.levels()).containsExactly(new Stimulus.Level(-70, 10));
        Stimulus.PointProcessInput syn = (Stimulus.PointProcessInput) p.stimuli().get(4);
        assertThat(syn.spikeTimesMs()).containsExactly(1.0, 2.0, 2.0);
        assertThat(syn.weight()).isEqualTo(0.01);
        assertThat(syn.delayMs()).isEqualTo(0);
        assertThat(((Stimulus.PointProcessInput) p.stimuli().get(1)).parameters())
                .isEqualTo(Map.of("onset", 300.0, "imax", 0.5));
        assertThat(p.recordings()).containsExactly(new Recording.AtSite("v", new Site.At("soma[0]", 0.5), null,
                "p.json: /record/0"));
    }

    @Test
    void everyErrorNamesFilePointerAndValue() {
        String iclamp = "{\"type\": \"IClamp\", \"at\": " + SOMA + ", \"amp_nA\": 1, \"delay_ms\": 0, \"dur_ms\": 1}";
        List<String[]> cases = List.of(
                new String[]{"{\"format\": \"spineformer-protocol/1\"}", "p.json: /tstop: missing"},
                new String[]{"{\"format\": \"spineformer-protocol/2\", \"tstop\": 1}",
                        "p.json: /format: must be \"spineformer-protocol/1\", was \"spineformer-protocol/2\""},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": 1, \"tsop\": 2}",
                        "p.json: /tsop: unknown key (allowed here: [celsius, description, dt, format, init_steps, "
                                + "record, save_every, spike_threshold_mV, stimuli, tstop, v_init])"},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": -5}",
                        "p.json: /tstop: must be finite and > 0, was -5.0"},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": 1, \"dt\": 2}",
                        "p.json: /dt: is 2.0 ms, more than tstop 1.0 ms"},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": 1, \"celsius\": 310}",
                        "p.json: /celsius: is 310.0 degC, outside [-20.0, 60.0]: the channels' temperature scaling "
                                + "is meaningless there (a value in kelvin or fahrenheit?)"},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": 1, \"save_every\": 2.5}",
                        "p.json: /save_every: must be a whole number >= 1, was 2.5"},
                new String[]{with(iclamp.replace("\"amp_nA\": 1", "\"amp_nA\": \"1\""), ""),
                        "p.json: /stimuli/0/amp_nA: must be a number, was \"1\""},
                new String[]{with(iclamp.replace("\"amp_nA\": 1", "\"amp\": 1"), ""),
                        "p.json: /stimuli/0/amp: unknown key (allowed here: [amp_nA, at, delay_ms, dur_ms, name, "
                                + "type])"},
                new String[]{with(iclamp.replace("IClamp", "VClamp"), ""),
                        "p.json: /stimuli/0/type: unknown stimulus type \"VClamp\" (known: IClamp, SEClamp, "
                                + "point_process)"},
                new String[]{with(iclamp + ", " + iclamp.replace("\"type\"", "\"name\": \"iclamp0\", \"type\""), ""),
                        "p.json: /stimuli/1: a second stimulus named 'iclamp0'"},
                new String[]{with("{\"type\": \"SEClamp\", \"at\": " + SOMA + ", \"levels\": [{\"amp_mV\": 1, "
                                + "\"dur_ms\": 1}, {\"amp_mV\": 1, \"dur_ms\": 1}, {\"amp_mV\": 1, \"dur_ms\": 1}, "
                                + "{\"amp_mV\": 1, \"dur_ms\": 1}]}", ""),
                        "p.json: /stimuli/0/levels: has 4 levels; NEURON's SEClamp has 1 to 3"},
                new String[]{with("{\"type\": \"point_process\", \"mechanism\": \"ExpSyn\", \"at\": " + SOMA
                                + ", \"spikes_ms\": [5, 3]}", ""),
                        "p.json: /stimuli/0/spikes_ms/1: is 3.0 ms, before the previous time 5.0 ms: times must be "
                                + "in increasing order"},
                new String[]{with("{\"type\": \"point_process\", \"mechanism\": \"ExpSyn\", \"at\": " + SOMA
                                + ", \"weight\": 0.1}", ""),
                        "p.json: /stimuli/0/weight: belongs to spike delivery: give spikes_ms too"},
                new String[]{with(iclamp.replace("\"x\": 0.5", "\"x\": 1.5"), ""),
                        "p.json: /stimuli/0/at: location soma[0]: x must be in [0, 1], was 1.5"},
                new String[]{with(iclamp.replace(SOMA, "{\"path_distance_um\": 620, \"from\": \"apic[0]\", "
                                + "\"region\": \"apic\"}"), ""),
                        "p.json: /stimuli/0/at/from: must be a location section(x) such as \"soma[0](0.5)\", was "
                                + "\"apic[0]\""},
                new String[]{with(iclamp.replace(SOMA, "{\"path_distance_um\": 620, \"from\": \"apic[0](0)\", "
                                + "\"region\": \"apic\", \"choose\": \"smallest\"}"), ""),
                        "p.json: /stimuli/0/at/choose: must be \"largest_diameter\", was \"smallest\""},
                new String[]{with("", "{\"variable\": \"v\"}"), "p.json: /record/0/at: missing"},
                new String[]{with("", "{\"variable\": \"v\", \"at\": " + SOMA + ", \"column\": \"a\"}, "
                                + "{\"variable\": \"cai\", \"at\": " + SOMA + ", \"column\": \"a\"}"),
                        "p.json: /record/1: a second column named 'a'"},
                new String[]{"{\"format\": \"spineformer-protocol/1\", \"tstop\": 1,}",
                        "p.json: line 1, column 49: malformed JSON: Unexpected character ('}' (code 125)): was "
                                + "expecting double-quote to start field name"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> protocol(c[0])).as(c[0]).hasMessage(c[1]);
        }
    }
}
