package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stimulus format: defaults, unknown keys, and errors that name the file, key, spine and value. */
class StimulusReaderTest {
    private static final int SPINES = 3;

    private static Stimulus parse(String json) {
        return StimulusReader.parse(json, "stim.json", SPINES);
    }

    @Test
    void readsTheReferenceFormatWithDefaultsAndIgnoresUnknownKeys() {
        Stimulus s = parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[1, 2.5], [], [50]], \"post\": [10],"
                + " \"protocol\": \"anything\", \"potentiation\": true, \"threshold\": 7.8e-14,"
                + " \"record_v\": [[\"soma\", 0.5]], \"record_spines\": [2], \"save_every\": 4}");
        assertThat(s.vInitMv()).isEqualTo(-75);
        assertThat(s.dtMs()).isEqualTo(0.025);
        assertThat(s.celsius()).isEqualTo(37);
        assertThat(s.pre()[0]).containsExactly(1, 2.5);
        assertThat(s.pre()[1]).isEmpty();
        assertThat(s.post()).containsExactly(10);
        assertThat(s.threshold()).isEqualTo(7.8e-14);
        assertThat(s.pulseAmpNa()).isEqualTo(4.0);
        assertThat(s.netconDelayMs()).isEqualTo(1.0);
        assertThat(s.recordV()).containsExactly(new Stimulus.Location("soma", 0.5));
        assertThat(s.recordSpines()).containsExactly(2);
        assertThat(s.saveEvery()).isEqualTo(4);
    }

    @Test
    void withoutCelsiusTheStimulusRunsAtTheCellsTemperatureAndItsOwnTakesPrecedence() {
        String stim = "{\"v_init\": -80, \"tstop\": 100, \"pre\": [[], [], []], \"post\": []";
        // a description at Hay's 6.3 degC: its temperature, not the paper's 37, unless the stimulus gives one
        StimulusReader.CellDefaults hay = new StimulusReader.CellDefaults(6.3, 15, 1);
        assertThat(StimulusReader.parse(stim + "}", "stim.json", SPINES, hay).celsius()).isEqualTo(6.3);
        assertThat(StimulusReader.parse(stim + ", \"celsius\": 34}", "stim.json", SPINES, hay).celsius())
                .isEqualTo(34);
        assertThat(StimulusReader.parse(stim + ", \"celsius\": 37}", "stim.json", SPINES, hay).celsius())
                .isEqualTo(37);
        assertThatThrownBy(() -> StimulusReader.parse(stim + ", \"celsius\": 310}", "stim.json", SPINES, hay))
                .hasMessageStartingWith("stim.json: key 'celsius' is 310.0 degC");
    }

    @Test
    void withoutAnIclampThePulsesAreTheCellsQueryPulsesAndItsOwnTakePrecedence() {
        String stim = "{\"v_init\": -80, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [10]";
        // Hay's description: 15 nA for 1 ms, where the paper's cell takes 4 nA for 1 ms
        StimulusReader.CellDefaults hay = new StimulusReader.CellDefaults(6.3, 15, 1.5);
        Stimulus none = StimulusReader.parse(stim + "}", "stim.json", SPINES, hay);
        assertThat(none.pulseAmpNa()).isEqualTo(15);
        assertThat(none.pulseDurMs()).isEqualTo(1.5);
        Stimulus ampOnly = StimulusReader.parse(stim + ", \"iclamp\": {\"amp_nA\": 3}}", "stim.json", SPINES, hay);
        assertThat(ampOnly.pulseAmpNa()).isEqualTo(3);
        assertThat(ampOnly.pulseDurMs()).isEqualTo(1.5);
        Stimulus paper = StimulusReader.parse(stim + "}", "stim.json", SPINES);
        assertThat(paper.pulseAmpNa()).isEqualTo(4);
        assertThat(paper.pulseDurMs()).isEqualTo(1);
    }

    @Test
    void withoutPotentiationTheThresholdIsInfinite() {
        Stimulus s = parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [], \"threshold\": 1}");
        assertThat(s.potentiation()).isFalse();
    }

    @Test
    void errorsNameFileKeySpineAndValue() {
        assertThatThrownBy(() -> parse("{\"tstop\": 100, \"pre\": [[], [], []], \"post\": []}"))
                .hasMessage("stim.json: key 'v_init' is required but missing");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], []], \"post\": []}"))
                .hasMessage("stim.json: key 'pre' has 2 spine lists, the cell has 3 spines");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [5, 3], []], \"post\": []}"))
                .hasMessageContaining("pre[1] (spine 1)[1]").hasMessageContaining("3.0").hasMessageContaining("increasing");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], [-1]], \"post\": []}"))
                .hasMessageContaining("pre[2] (spine 2)[0]").hasMessageContaining("-1");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], [101]], \"post\": []}"))
                .hasMessageContaining("beyond tstop");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [\"x\"]}"))
                .hasMessageContaining("post[0]").hasMessageContaining("must be a number");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [],"
                + " \"potentiation\": true, \"threshold\": -1}")).hasMessageContaining("threshold").hasMessageContaining("-1");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [],"
                + " \"record_spines\": [3]}")).hasMessageContaining("record_spines[0]");
        assertThatThrownBy(() -> parse("{not json")).hasMessageStartingWith("stim.json: not valid JSON");
    }

    @Test
    void absurdTemperaturesAndStepsAreRefused() {
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [],"
                + " \"celsius\": 310}")).hasMessageStartingWith("stim.json: key 'celsius' is 310.0 degC, outside "
                + "[-20.0, 60.0]");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [],"
                + " \"celsius\": -40}")).hasMessageContaining("'celsius' is -40.0 degC");
        assertThatThrownBy(() -> parse("{\"v_init\": -75, \"tstop\": 100, \"pre\": [[], [], []], \"post\": [],"
                + " \"dt\": 0.03}")).hasMessageStartingWith("stim.json: key 'dt' is 0.03 ms, which does not divide "
                + "tstop = 100.0 ms");
        // the bounds themselves and decimal steps that divide tstop only up to rounding are fine
        assertThat(parse("{\"v_init\": -75, \"tstop\": 3000, \"pre\": [[], [], []], \"post\": [],"
                + " \"celsius\": 60, \"dt\": 0.025}").celsius()).isEqualTo(60);
        assertThat(parse("{\"v_init\": -75, \"tstop\": 0.3, \"pre\": [[], [], []], \"post\": [],"
                + " \"celsius\": -20, \"dt\": 0.1}").dtMs()).isEqualTo(0.1);
    }
}
