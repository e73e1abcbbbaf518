package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.model.DescriptionTestSupport.read;
import static org.spineformer.model.DescriptionTestSupport.twoSections;

import org.junit.jupiter.api.Test;

/**
 * The {@code experiment} part of a description: spine groups (axons), the query pulses, the spike site, the initial
 * voltages; bad groups rejected with file, JSON pointer and value.
 */
class ExperimentSettingsTest {
    /** The two-section description with an {@code experiment} part. */
    private static CellDescription withExperiment(String experiment) {
        return read(twoSections("[]").replace("\"v_init\": -70", "\"v_init\": -70, \"experiment\": " + experiment));
    }

    @Test
    void theBundledPaperCellHasThePapersAxonsAndQuery() {
        ExperimentSettings e = BundledDescriptions.get("ellwood2024").experiment();
        int[][] axons = e.axons().resolve(1500);
        assertThat(axons).hasNumberOfRows(150);
        assertThat(axons[0]).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(axons[149][0]).isEqualTo(1490);
        assertThat(e.queryAt()).isEqualTo(new Location("soma", 0.5));
        assertThat(e.spikeSite()).isEqualTo(new Location("soma", 0.5));
        assertThat(e.queryAmpNa()).isEqualTo(4);
        assertThat(e.queryDurMs()).isEqualTo(1);
        assertThat(e.vInitMv()).isEqualTo(-75);
        assertThat(e.bapVInitMv()).isEqualTo(-70);
    }

    @Test
    void withoutTheKeyThereAreNoSettingsAndOptionalKeysTakeTheirDefaults() {
        assertThat(read(twoSections("[]")).experiment()).isNull();
        ExperimentSettings e = withExperiment("{\"axons\": {\"groups\": [[3, 1], [0]]}}").experiment();
        assertThat(e.axons().resolve(4)).isDeepEqualTo(new int[][] {{3, 1}, {0}});
        assertThat(e.queryAt()).isNull();
        assertThat(e.spikeSite()).isNull();
        assertThat(e.queryAmpNa()).isEqualTo(ExperimentSettings.DEFAULT_QUERY_AMP_NA);
        assertThat(e.queryDurMs()).isEqualTo(ExperimentSettings.DEFAULT_QUERY_DUR_MS);
        assertThat(e.vInitMv()).isNull();
        assertThat(e.bapWindowMs()).isNull();
        assertThat(e.source()).isEqualTo("small.json: /experiment");
    }

    @Test
    void theBapPeakWindowIsReadAndMustBePositive() {
        assertThat(withExperiment("{\"axons\": {\"consecutive\": 2}, \"bap_window_ms\": 30}").experiment()
                .bapWindowMs()).isEqualTo(30);
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"consecutive\": 2}, \"bap_window_ms\": 0}"))
                .hasMessage("small.json: /experiment/bap_window_ms: must be > 0 (ms after the pulse), was 0.0");
    }

    @Test
    void queryValuesMayBeExpressionsOverTheParameters() {
        ExperimentSettings e = withExperiment("{\"axons\": {\"consecutive\": 2}, \"query\": {\"at\": {\"section\":"
                + " \"dend[0]\", \"x\": 0.25}, \"amplitude_nA\": \"gbase * 2e4\", \"duration_ms\": 2}}").experiment();
        assertThat(e.queryAt()).isEqualTo(new Location("dend[0]", 0.25));
        assertThat(e.queryAmpNa()).isEqualTo(2);
        assertThat(e.queryDurMs()).isEqualTo(2);
    }

    @Test
    void aSpineInTwoAxonsIsRefusedNamingBothPlaces() {
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"groups\": [[0, 1], [2, 1]]}}"))
                .hasMessage("small.json: /experiment/axons/groups/1/1: spine 1 is already in another axon"
                        + " (/experiment/axons/groups/0/1): a spine receives one presynaptic train");
    }

    @Test
    void emptyAndMalformedGroupsAreRefusedWithTheirValue() {
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"groups\": [[0], []]}}"))
                .hasMessage("small.json: /experiment/axons/groups/1: an axon must be a non-empty array of spine"
                        + " indices, was []");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"groups\": []}}"))
                .hasMessage("small.json: /experiment/axons/groups: is empty: give at least one axon");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"groups\": [[0, -1]]}}"))
                .hasMessage("small.json: /experiment/axons/groups/0/1: must be an integer >= 0, was -1");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"groups\": [[0, 1.5]]}}"))
                .hasMessage("small.json: /experiment/axons/groups/0/1: must be an integer >= 0, was 1.5");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"consecutive\": 0}}"))
                .hasMessage("small.json: /experiment/axons/consecutive: must be an integer >= 1, was 0");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"consecutive\": 2, \"groups\": [[0]]}}"))
                .hasMessageContaining("small.json: /experiment/axons: has both");
        assertThatThrownBy(() -> withExperiment("{\"query\": {\"amplitude_nA\": 4}}"))
                .hasMessage("small.json: /experiment/axons: missing");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"consecutive\": 1}, \"query\": {\"duration_ms\": 0}}"))
                .hasMessage("small.json: /experiment/query/duration_ms: must be > 0, was 0.0");
        assertThatThrownBy(() -> withExperiment("{\"axons\": {\"consecutive\": 1}, \"spines_per_axon\": 3}"))
                .hasMessageStartingWith("small.json: /experiment/spines_per_axon: unknown key");
    }

    @Test
    void groupsThatDoNotFitTheCellAreRefusedWhenResolvedAgainstItsSpines() {
        ExperimentSettings beyond = withExperiment("{\"axons\": {\"groups\": [[0, 1], [2, 40]]}}").experiment();
        assertThatThrownBy(() -> beyond.axons().resolve(40))
                .hasMessage("small.json: /experiment/axons/groups/1/1: spine 40 does not exist: the cell has 40 spines"
                        + " (0 to 39)");
        ExperimentSettings uneven = withExperiment("{\"axons\": {\"consecutive\": 3}}").experiment();
        assertThatThrownBy(() -> uneven.axons().resolve(40))
                .hasMessage("small.json: /experiment/axons/consecutive: 3 spines per axon do not divide the cell's 40"
                        + " spines");
    }
}
