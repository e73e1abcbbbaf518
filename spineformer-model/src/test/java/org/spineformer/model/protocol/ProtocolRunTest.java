package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.model.protocol.ProtocolTestSupport.E_PAS;
import static org.spineformer.model.protocol.ProtocolTestSupport.G_PAS;
import static org.spineformer.model.protocol.ProtocolTestSupport.SOMA_AREA_UM2;
import static org.spineformer.model.protocol.ProtocolTestSupport.protocol;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.model.AssembledCell;

/** Protocols run on one passive compartment against the cable's own equations, and their recordings. */
class ProtocolRunTest {
    /**
     * Closeness to a steady state (mV): the leak's time constant is cm / g = 1 ms (0.003 ms under the clamp), and
     * backward Euler's decay after 20 ms at dt 0.025 is 1.025^-800 = 2.6e-9 of the step (about 1e-8 mV), while the
     * arithmetic of each step is exact to 1e-13 mV: 1e-6 mV tells a wrong equation from a right one by far.
     */
    private static final double STEADY_MV = 1e-6;
    /** The leak conductance of the compartment (uS): S/cm2 times um2 times 1e-8 cm2/um2, times 1e6 uS/S. */
    private static final double G_US = G_PAS * SOMA_AREA_UM2 * 1e-8 * 1e6;

    private static ProtocolRun.Result run(AssembledCell cell, String json) {
        return ProtocolRun.prepare(cell, Catalogue.discover(), protocol(json)).run(null);
    }

    private static double[] column(ProtocolRun.Result r, String name) {
        return r.traces().get(r.columns().indexOf(name));
    }

    @Test
    void currentClampSteadyStateIsLeakReversalPlusIOverG() {
        ProtocolRun.Result r = run(ProtocolTestSupport.soma(), """
                {"format": "spineformer-protocol/1", "tstop": 40,
                 "stimuli": [{"type": "IClamp", "at": {"section": "soma[0]", "x": 0.5},
                              "amp_nA": 0.01, "delay_ms": 5, "dur_ms": 30}],
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}},
                            {"variable": "i", "stimulus": "iclamp0"},
                            {"variable": "i_pas", "at": {"section": "soma[0]", "x": 0.5}, "column": "leak"}]}
                """);
        assertThat(r.columns()).containsExactly("t_ms", "v:soma[0](0.5)", "i:iclamp0", "leak");
        double[] t = column(r, "t_ms");
        double[] v = column(r, "v:soma[0](0.5)");
        int at34 = (int) Math.round(34 / 0.025);
        assertThat(t[at34]).isCloseTo(34, within(1e-9));
        assertThat(v[at34]).isCloseTo(E_PAS + 0.01 / G_US, within(STEADY_MV));
        assertThat(v[(int) Math.round(5 / 0.025) - 1]).isCloseTo(E_PAS, within(STEADY_MV)); // v_init = e_pas
        assertThat(column(r, "i:iclamp0")[at34]).isEqualTo(0.01);
        // the leak current density (mA/cm2) times the area carries the injected current
        assertThat(column(r, "leak")[at34] * SOMA_AREA_UM2 * 1e-8 * 1e6).isCloseTo(0.01, within(1e-9));
        assertThat(r.somaSpikeTimesMs()).isEmpty();
        assertThat(r.vInitMv()).isEqualTo(-65);
        assertThat(r.celsius()).isEqualTo(34);
    }

    /**
     * Backward Euler on the leak alone is v1 - e = (v0 - e) / (1 + dt/tau) with tau = cm/g = 1 ms; the engine's
     * arithmetic (currents in mA/cm2, cm/dt in S/cm2) rounds differently from this formula, by a few ulps of 65 mV.
     */
    private static final double ONE_STEP_MV = 1e-12;

    @Test
    void initStepsRunAtTheirOwnDtBeforeTheRunGoesOnFromWhereTheyEnded() {
        // Almog and Korngreen's init(): finitialize(-70), dt = 10, three fadvance() here, then dt back, t not reset
        ProtocolRun.Result r = run(ProtocolTestSupport.soma(), """
                {"format": "spineformer-protocol/1", "tstop": 31, "v_init": -70,
                 "init_steps": {"count": 3, "dt": 10},
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}}]}
                """);
        double[] t = column(r, "t_ms");
        double[] v = column(r, "v:soma[0](0.5)");
        assertThat(t).startsWith(0, 10, 20, 30);
        assertThat(t[4]).isCloseTo(30.025, within(1e-9));
        assertThat(t).hasSize(4 + 40); // 30.025 .. 31 at 0.025 ms
        double away = -5;
        for (int k = 1; k <= 3; k++) {
            away /= 1 + 10;
            assertThat(v[k]).isCloseTo(E_PAS + away, within(ONE_STEP_MV));
        }
        assertThat(v[4]).isCloseTo(E_PAS + away / (1 + 0.025), within(ONE_STEP_MV));

        assertThatThrownBy(() -> protocol("""
                {"format": "spineformer-protocol/1", "tstop": 31, "init_steps": {"count": 0, "dt": 10}}"""))
                .hasMessageContaining("p.json: /init_steps/count: must be a whole number >= 1, was 0");
        assertThatThrownBy(() -> protocol("""
                {"format": "spineformer-protocol/1", "tstop": 31, "init_steps": {"count": 3, "dt": -10}}"""))
                .hasMessageContaining("p.json: /init_steps/dt: must be finite and > 0, was -10.0");
        assertThatThrownBy(() -> protocol("""
                {"format": "spineformer-protocol/1", "tstop": 30, "init_steps": {"count": 3, "dt": 10}}"""))
                .hasMessageContaining("p.json: /init_steps: 3 steps of 10.0 ms end at or after tstop 30.0 ms");
    }

    @Test
    void voltageClampFollowsNeuronsSeClampEquations() {
        double rs = 2;
        ProtocolRun.Result r = run(ProtocolTestSupport.soma(), """
                {"format": "spineformer-protocol/1", "tstop": 60, "v_init": -70, "celsius": 6.3,
                 "stimuli": [{"type": "SEClamp", "name": "vc", "at": {"section": "soma[0]", "x": 0.5},
                              "rs_MOhm": %s, "levels": [{"amp_mV": -40, "dur_ms": 20}, {"amp_mV": -50, "dur_ms": 20}]}],
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}},
                            {"variable": "i", "stimulus": "vc"}, {"variable": "vc", "stimulus": "vc"}]}
                """.formatted(rs));
        double[] t = column(r, "t_ms");
        double[] v = column(r, "v:soma[0](0.5)");
        double[] i = column(r, "i:vc");
        double[] vc = column(r, "vc:vc");
        for (int k = 1; k < t.length; k++) {
            // the level is chosen at the middle of the step, and i recomputed with the new v (after_cvode)
            double mid = t[k] - 0.0125;
            double level = mid < 20 ? -40 : mid < 40 ? -50 : 0;
            assertThat(vc[k]).as("vc at %s ms", t[k]).isEqualTo(level);
            assertThat(i[k]).as("i at %s ms", t[k]).isEqualTo(mid < 40 ? (level - v[k]) / rs : 0);
        }
        // steady state under the clamp: (vc - v) / rs = G (v - e)
        int at19 = (int) Math.round(19 / 0.025);
        assertThat(v[at19]).isCloseTo((-40 / rs + G_US * E_PAS) / (1 / rs + G_US), within(STEADY_MV));
        int at39 = (int) Math.round(39 / 0.025);
        assertThat(v[at39]).isCloseTo((-50 / rs + G_US * E_PAS) / (1 / rs + G_US), within(STEADY_MV));
        assertThat(v[t.length - 1]).isCloseTo(E_PAS, within(STEADY_MV)); // 20 ms after the clamp, back at rest
        assertThat(r.vInitMv()).isEqualTo(-70);
        assertThat(r.celsius()).isEqualTo(6.3);
    }

    @Test
    void saveEveryKeepsEveryNthStepAndDefaultColumnsNameTheRecordedNode() {
        ProtocolRun.Result r = run(ProtocolTestSupport.tree(2), """
                {"format": "spineformer-protocol/1", "tstop": 1, "save_every": 4,
                 "record": [{"variable": "v", "at": {"section": "apic[1]", "x": 0.3}},
                            {"variable": "v", "at": {"path_distance_um": 350, "from": "apic[0](0)", "region": "apic"}},
                            {"variable": "g_pas", "at": {"section": "dend[0]", "x": 1}}]}
                """);
        // nseg 4: x 0.3 is recorded at the centre of segment 1, 0.375; apic[3](0.5) lies between two centres
        assertThat(r.columns()).containsExactly("t_ms", "v:apic[1](0.375)", "v:apic[3](0.625)", "g_pas:dend[0](1)");
        assertThat(column(r, "t_ms")).hasSize(11);
        assertThat(column(r, "t_ms")[10]).isCloseTo(1, within(1e-12));
        assertThat(column(r, "g_pas:dend[0](1)")[5]).isEqualTo(G_PAS);
    }

    @Test
    void namesTheCellDoesNotHaveAreErrorsBeforeAnyStep() {
        AssembledCell cell = ProtocolTestSupport.soma();
        String at = "{\"section\": \"soma[0]\", \"x\": 0.5}";
        List<String[]> cases = List.of(
                new String[]{"{\"variable\": \"m_NaTa_t\", \"at\": " + at + "}", "p.json: /record/0/variable: "
                        + "cannot record 'm_NaTa_t': record v, an ion's value (<ion>i, <ion>o, i<ion>, e<ion> for the "
                        + "ions []) or a density mechanism's field as field_mechanism (mechanisms: [pas])"},
                new String[]{"{\"variable\": \"q_pas\", \"at\": " + at + "}", "p.json: /record/0/variable: "
                        + "mechanism pas has no field 'q'; its fields: [g, e, i]"},
                new String[]{"{\"variable\": \"i\", \"stimulus\": \"iclamp1\"}", "p.json: /record/0/stimulus: no "
                        + "stimulus named 'iclamp1'; the stimuli: [iclamp0]"},
                new String[]{"{\"variable\": \"v\", \"at\": {\"section\": \"soma\", \"x\": 0.5}}", "p.json: "
                        + "/record/0/at: the cell has no section 'soma'"});
        for (String[] c : cases) {
            String json = """
                    {"format": "spineformer-protocol/1", "tstop": 1,
                     "stimuli": [{"type": "IClamp", "at": %s, "amp_nA": 0.01, "delay_ms": 0, "dur_ms": 1}],
                     "record": [%s]}
                    """.formatted(at, c[0]);
            assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(json)))
                    .hasMessage(c[1]);
        }
        String epsp = """
                {"format": "spineformer-protocol/1", "tstop": 1,
                 "stimuli": [{"type": "point_process", "mechanism": "epsp", "at": %s}]}
                """.formatted(at);
        assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(epsp)))
                .hasMessage("p.json: /stimuli/0/mechanism: unknown mechanism 'epsp' (not in the catalogue; a mod "
                        + "file's POINT_PROCESS is added with --mod DIR)");
        String param = """
                {"format": "spineformer-protocol/1", "tstop": 1,
                 "stimuli": [{"type": "point_process", "mechanism": "IClamp", "at": %s, "parameters": {"i": 1}}]}
                """.formatted(at);
        assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(param)))
                .hasMessage("p.json: /stimuli/0/parameters/i: IClamp.i is an assigned variable, not a parameter: it"
                        + " cannot be set (injected current)");
        String spikes = """
                {"format": "spineformer-protocol/1", "tstop": 1,
                 "stimuli": [{"type": "point_process", "mechanism": "IClamp", "at": %s, "spikes_ms": [0.5]}]}
                """.formatted(at);
        assertThatThrownBy(() -> ProtocolRun.prepare(cell, Catalogue.discover(), protocol(spikes)))
                .hasMessage("p.json: /stimuli/0/spikes_ms: mechanism IClamp has no NET_RECEIVE: it cannot receive "
                        + "spikes");
    }

    @Test
    void tracesThatWouldNotFitAreRefused() {
        Protocol p = protocol("""
                {"format": "spineformer-protocol/1", "tstop": 1e6, "dt": 0.001,
                 "record": [{"variable": "v", "at": {"section": "soma[0]", "x": 0.5}}]}
                """);
        assertThatThrownBy(() -> ProtocolRun.requireTracesFit(p, 1L << 30))
                .hasMessageStartingWith("tstop = 1000000.0 ms would record 1.00e+09 samples of 2 columns");
    }
}
