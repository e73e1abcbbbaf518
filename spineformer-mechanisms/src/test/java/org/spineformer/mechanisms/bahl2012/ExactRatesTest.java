package org.spineformer.mechanisms.bahl2012;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * The exact-mode rate functions ({@code usetable = 0}) at the removable 0/0 singularities of the mod files, where
 * NEURON's formulas give NaN: finite there and continuous with their neighbourhood.
 */
class ExactRatesTest {
    private static final double CELSIUS = 37;
    /** Steps away from the singular voltage (mV), from the linoid's series branch to well outside it. */
    private static final double[] STEPS = {1e-12, 1e-9, 1e-7, 1e-6, 1e-5, 1e-3};

    /** One instance with the given parameters, exact rates, initialized at v (plus the current phase for ih). */
    private static MechanismBlock exactAt(Mechanism mechanism, Map<String, Double> parameters, double v) {
        MechanismBlock block = mechanism.newBlock(new int[] {0});
        parameters.forEach((field, value) -> block.setParameter(field, 0, value));
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, CELSIUS);
        block.attach(s);
        block.setUseTables(false);
        s.v[0] = v;
        block.initialize(s);
        block.currents(s);
        return block;
    }

    private static Mechanism mechanism(String name) {
        return switch (name) {
            case "nat" -> new Nat();
            case "kfast" -> new Kfast();
            case "kslow" -> new Kslow();
            case "ih" -> new Ih();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * At each singular voltage the field is finite, and on both sides it changes by no more than its own size times
     * the step in mV (these curves have slopes well below 1/mV relative), plus rounding.
     */
    @ParameterizedTest(name = "{0} {2} at {3} mV (vshift {1})")
    @CsvSource({
            "nat, 0, minf, -28", "nat, 0, mtau, -28", "nat, 0, htau, -50", "nat, 0, htau, -75",
            "nat, 10, minf, -18", "nat, 10, mtau, -18", "nat, 10, htau, -40", "nat, 10, htau, -65",
            "kfast, 0, ninf, 25", "kfast, 0, ntau, 25", "kfast, 5, ntau, 30",
            "kslow, 0, ainf, 11.1", "kslow, 0, taua, 11.1",
            "ih, 0, qinf, -154.9", "ih, 0, qtau, -154.9", "ih, 0, qq, -154.9"})
    void isFiniteAndContinuousAtTheSingularity(String name, double vshift, String field, double v) {
        Mechanism mechanism = mechanism(name);
        double center = exactAt(mechanism, Map.of("vshift", vshift), v).get(field, 0);
        assertThat(center).as("%s at the singularity", field).isFinite();
        for (double step : STEPS) {
            for (double side : new double[] {-step, step}) {
                double near = exactAt(mechanism, Map.of("vshift", vshift), v + side).get(field, 0);
                assertThat(near).as("%s at %s mV", field, v + side)
                        .isCloseTo(center, within(Math.abs(center) * (step + 1e-12)));
            }
        }
    }

    /** kfast at v - vshift = tha: a = Ra qa, b = Rb qa, so ninf = Ra/(Ra + Rb) and ntau = 1/(tadj qa (Ra + Rb)). */
    @Test
    void kfastTakesTheAnalyticLimitAtTha() {
        MechanismBlock b = exactAt(new Kfast(), Map.of(), 25);
        double tadj = Math.pow(2.3, (CELSIUS - 23) / 10);
        assertThat(b.get("ninf", 0)).isCloseTo(0.02 / 0.022, within(1e-15));
        assertThat(b.get("ntau", 0)).isCloseTo(1 / (tadj * 9 * 0.022), within(1e-14));
    }

    /**
     * nat's trap0 guard tests |v/th| > 1e-6 rather than v - th, so at v - vshift = 0 NEURON's exact mode returns
     * a q for all four rates although the formula is regular there: minf = Ra/(Ra + Rb) instead of about 0.97.
     * Kept to match NEURON; its tables never sample this point.
     */
    @Test
    void natKeepsNeuronsTrap0GuardAtZero() {
        double guarded = exactAt(new Nat(), Map.of("vshift", 10.0), 10).get("minf", 0);
        double regular = exactAt(new Nat(), Map.of("vshift", 10.0), 10.001).get("minf", 0);
        assertThat(guarded).isCloseTo(0.182 / (0.182 + 0.124), within(1e-15));
        assertThat(regular).isCloseTo(0.97, within(0.01));
    }
}
