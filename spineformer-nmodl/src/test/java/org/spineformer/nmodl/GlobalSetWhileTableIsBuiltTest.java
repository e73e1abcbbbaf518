package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A GLOBAL that a tabulated PROCEDURE's body assigns, and so is assigned only while the table is built (Mainen and
 * Sejnowski's na.mod, kv.mod, km.mod as Branco et al. 2010 ship them: {@code tadj} in {@code rates()}, called from
 * the TABLE'd {@code trates()}): in NEURON one value for the mechanism, so every instance sees what the build gave,
 * not only the instance that built the table.
 */
class GlobalSetWhileTableIsBuiltTest {
    private static final String MOD = """
            : Spineformer's own test file: a GLOBAL set only while a TABLE is built
            NEURON { SUFFIX tg NONSPECIFIC_CURRENT i GLOBAL tadj, q10, temp RANGE g, minf }
            PARAMETER { g = 0.001 (S/cm2) q10 = 2.3 temp = 23 (degC) }
            ASSIGNED { v (mV) i (mA/cm2) celsius (degC) minf tadj }
            INITIAL { trates(v) }
            BREAKPOINT { trates(v) i = tadj * g * minf * v }
            PROCEDURE trates(v (mV)) {
              TABLE minf DEPEND celsius FROM -100 TO 100 WITH 200
              rates(v)
            }
            PROCEDURE rates(v (mV)) {
              tadj = q10^((celsius - temp)/10)
              minf = 1/(1 + exp(-v/10))
            }
            """;
    private static final int INSTANCES = 3;
    private static final double CELSIUS = 37;
    /** pow in the generated code and here: the same function, a few ulps at most. */
    private static final double ULPS = 1e-15;

    @Test
    void everyInstanceSeesTheGlobalTheTableBuildAssigned() {
        NmodlMechanism m = NmodlMechanism.compile("tg.mod", MOD);
        double[] area = new double[INSTANCES];
        Arrays.fill(area, 100);
        CellState s = new CellState(area, area.clone(), 0.025, CELSIUS);
        int[] nodes = {0, 1, 2};
        MechanismBlock block = m.newBlock(nodes);
        block.attach(s);
        Arrays.fill(s.v, -65);
        block.initialize(s);
        double tadj = Math.pow(2.3, (CELSIUS - 23) / 10); // 3.21, as rates() computes it
        double[] column = block.column("tadj");
        for (int k = 0; k < INSTANCES; k++) {
            assertThat(column[k]).as("tadj of instance " + k).isCloseTo(tadj, within(tadj * ULPS));
        }
    }
}
