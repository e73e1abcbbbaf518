package org.spineformer.engine.discrete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;

/**
 * A sealed passive cable with a constant current into its 0-end converges to the analytic steady state
 * V(x) = I r_a lambda cosh((L - x)/lambda) / sinh(L/lambda) as nseg grows, with the second-order rate of the
 * centred discretization.
 */
class PassiveCableTest {
    private static final double LENGTH_UM = 1000;
    private static final double DIAM_UM = 2;
    private static final double RA_OHM_CM = 100;
    private static final double G_PAS = 1e-4;
    private static final double AMP_NA = 0.1;
    /**
     * With nseg = 243 the discretization error of this cable is about 1e-5 of the response (it falls as
     * 1/nseg^2); 1e-4 leaves room while still failing on any wrong area, resistance or attachment.
     */
    private static final double FINE_TOLERANCE = 1e-4;

    @Test
    void convergesToTheAnalyticSteadyState() {
        double coarse = error(9);
        double medium = error(27);
        double fine = error(243);
        assertThat(medium).isLessThan(coarse / 5);
        assertThat(fine).isLessThan(medium / 5).isLessThan(FINE_TOLERANCE);
    }

    /** Largest error of the steady-state potential along the cable, relative to the potential at x = 0. */
    private static double error(int nseg) {
        Morphology m = new Morphology();
        int cable = m.addRoot("cable", LENGTH_UM, nseg, RA_OHM_CM, 1, Morphology.filled(nseg, DIAM_UM));
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover());
        b.insert("pas", cable, Map.of("g", G_PAS, "e", 0.0));
        b.addPointProcess("IClamp", cable, 0, Map.of("del", 0.0, "dur", 1e9, "amp", AMP_NA));
        Simulation sim = b.build(0.025, 37);
        sim.initialize(0);
        sim.run(400); // 40 membrane time constants: the transient is gone to 1e-17

        double raPerUm = 4 * RA_OHM_CM * 1e4 / (Math.PI * DIAM_UM * DIAM_UM); // ohm per um
        double rmUm = 1 / (G_PAS * 1e-8) / (Math.PI * DIAM_UM); // ohm um (membrane resistance of 1 um)
        double lambda = Math.sqrt(rmUm / raPerUm);
        double scale = AMP_NA * 1e-9 * raPerUm * lambda / Math.sinh(LENGTH_UM / lambda) * 1e3; // mV
        double v0 = scale * Math.cosh(LENGTH_UM / lambda);
        double worst = 0;
        for (int j = 0; j < nseg; j++) {
            double x = (j + 0.5) / nseg * LENGTH_UM;
            double analytic = scale * Math.cosh((LENGTH_UM - x) / lambda);
            double v = sim.state().v[sim.discretization().segmentNode(cable, j)];
            worst = Math.max(worst, Math.abs(v - analytic) / v0);
        }
        return worst;
    }
}
