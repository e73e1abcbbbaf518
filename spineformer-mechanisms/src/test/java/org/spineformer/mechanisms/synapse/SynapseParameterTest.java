package org.spineformer.mechanisms.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;

/** Parameter ranges of the synapses and the calcium pool, and AMPA_WITH_CA without potentiation. */
class SynapseParameterTest {

    @ParameterizedTest
    @CsvSource({
            "NMDA, gmax, -0.05",
            "NMDA, tau1, NaN",
            "NMDA, tau2, 0.0",
            "AMPA_WITH_CA, gmax, -0.002",
            "AMPA_WITH_CA, ca_potentiation_threshold, 0.0",
            "AMPA_WITH_CA, ca_potentiation_threshold, -3.0E-10",
            "AMPA_WITH_CA, ca_potentiation_threshold, NaN",
            "AMPA_WITH_CA, max_potentiation, -8.0",
            "AMPA_WITH_CA, tau_plasticity, NaN"})
    void synapseRejectsWithMechanismFieldAndValue(String mechanism, String field, double value) {
        assertThatThrownBy(() -> builder().addPointProcess(mechanism, 0, 0.5, Map.of(field, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mechanism + "." + field + " = " + value);
    }

    @ParameterizedTest
    @CsvSource({"depth, 0.0", "taur, -15.0", "cainf, NaN"})
    void calciumPoolRejectsWithMechanismFieldAndValue(String field, double value) {
        assertThatThrownBy(() -> builder().insert("cadspine", 0, Map.of(field, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cadspine." + field + " = " + value);
    }

    @Test
    void potentiationThresholdDefaultsToInfinityWhichIsValid() {
        assertThat(new AmpaWithCa().field("ca_potentiation_threshold").defaultValue())
                .isEqualTo(Double.POSITIVE_INFINITY);
        builder().addPointProcess("AMPA_WITH_CA", 0, 0.5,
                Map.of("ca_potentiation_threshold", Double.POSITIVE_INFINITY));
    }

    /**
     * With an infinite threshold (the default) alpha is exactly 0 and the current is exactly gmax g (v - e), the
     * no-potentiation variant's, even where the finite-threshold run potentiates (the event at 301 ms); the current
     * of row n uses the v of row n - 1.
     */
    @Test
    void infiniteThresholdMeansNoPotentiation() {
        SpineSynapseRun run = new SpineSynapseRun("vclamp_m30_probe300", p -> {
            Map<String, Double> q = new HashMap<>(p);
            q.remove("ca_potentiation_threshold");
            return q;
        });
        Recorder rec = run.run(true, List.of("ampa_alpha", "ampa_g", "ampa_i_nA"));
        double gmax = run.reference().settings().get("mechanism_parameters").get("AMPA_WITH_CA").get("range")
                .get("gmax").asDouble();
        double[] v = rec.column("v_mV"), g = rec.column("ampa_g"), i = rec.column("ampa_i_nA");
        assertThat(rec.column("ampa_alpha")).containsOnly(0.0);
        for (int n = 1; n < v.length; n++) {
            assertThat(i[n]).as("row %d", n).isEqualTo(gmax * g[n] * (v[n - 1] - 0.0));
        }
        assertThat(Arrays.stream(g).max().orElseThrow()).as("the late event arrived").isGreaterThan(0.007);
    }

    private static ModelBuilder builder() {
        Morphology morphology = new Morphology();
        morphology.addRoot("spine_head", 0.5, 1, 100, 1, Morphology.filled(1, 0.5));
        return new ModelBuilder(morphology, Catalogue.discover());
    }
}
