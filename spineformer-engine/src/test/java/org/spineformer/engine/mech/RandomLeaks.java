package org.spineformer.engine.mech;

import java.util.Arrays;
import java.util.Random;

/**
 * Cell states and leak blocks of random values for the leak's bit-for-bit tests, drawn in a fixed order from the
 * caller's generator: equal seeds make equal inputs.
 */
final class RandomLeaks {
    private RandomLeaks() {
    }

    /**
     * {@code nodes} nodes of area 2 um2 (dt 0.025 ms, 37 degC), node by node v uniform in [-90, -90 + vSpan) mV, rhs
     * standard normal and d uniform in [0, 1) (neither reset).
     */
    static CellState state(int nodes, double vSpan, Random r) {
        double[] area = new double[nodes];
        Arrays.fill(area, 2.0);
        CellState s = new CellState(area, area.clone(), 0.025, 37);
        for (int j = 0; j < nodes; j++) {
            s.v[j] = -90 + vSpan * r.nextDouble();
            s.rhs[j] = r.nextGaussian();
            s.d[j] = r.nextDouble();
        }
        return s;
    }

    /**
     * A leak on the nodes, instance by instance g uniform in [1e-4, 2e-4) S/cm2 and e in [-80, -70) mV, attached to
     * the state and initialized.
     */
    static MechanismBlock initialized(Pas pas, int[] nodes, CellState s, Random r) {
        MechanismBlock block = pas.newBlock(nodes);
        for (int k = 0; k < nodes.length; k++) {
            block.setParameter("g", k, 1e-4 * (1 + r.nextDouble()));
            block.setParameter("e", k, -80 + 10 * r.nextDouble());
        }
        block.attach(s);
        block.initialize(s);
        return block;
    }
}
