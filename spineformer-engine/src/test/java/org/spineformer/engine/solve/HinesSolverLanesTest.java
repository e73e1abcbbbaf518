package org.spineformer.engine.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.simd.Simd;

/**
 * The tree solve of L trials in lanes gives each lane the bits of that trial solved alone, in the vector path (L the
 * preferred species' length) and in the scalar loop over lanes (any other L).
 */
class HinesSolverLanesTest {
    /** A tree of 300 rows, then 40 zero-area leaves left to the pass-through copy. */
    private static final int ROWS = 300;
    private static final int LEAVES = 40;

    @Test
    void theTestsRunWithThePreferredSpeciesWider() {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the vector path is what is compared")
                .isTrue();
        assertThat(Simd.preferredLanes()).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3})
    void eachLaneGetsItsTrialAloneBits(int lanesOrPreferred) {
        int lanes = lanesOrPreferred == 0 ? Simd.preferredLanes() : lanesOrPreferred;
        Random r = new Random(11 + lanes);
        int n = ROWS + LEAVES;
        int[] parent = new int[n];
        parent[0] = -1;
        for (int i = 1; i < n; i++) {
            // cables with branches; the leaves hang anywhere on the tree
            parent[i] = i >= ROWS || r.nextInt(4) == 0 ? r.nextInt(Math.min(i, ROWS)) : i - 1;
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            cap[i] = i >= ROWS ? 0 : (0.5 + r.nextDouble()) * 0.04;
            if (i > 0) {
                a[i] = -(0.01 + r.nextDouble());
                b[i] = -(0.01 + r.nextDouble());
            }
        }
        double[][] v = new double[lanes][n];
        double[][] d = new double[lanes][n];
        double[][] rhs = new double[lanes][n];
        for (int l = 0; l < lanes; l++) {
            for (int i = 0; i < ROWS; i++) {
                v[l][i] = -70 + 10 * r.nextGaussian();
                d[l][i] = 1e-3 * r.nextDouble();
                rhs[l][i] = 1e-2 * r.nextGaussian();
            }
            for (int i = ROWS; i < n; i++) {
                v[l][i] = -70 + 10 * r.nextGaussian();
            }
        }
        double[] vLanes = interleave(v);
        double[] dLanes = interleave(d);
        double[] rhsLanes = interleave(rhs);

        new HinesSolver(parent, ROWS, lanes).step(a, b, cap, vLanes, dLanes, rhsLanes);
        for (int l = 0; l < lanes; l++) {
            new HinesSolver(parent, ROWS, false).step(a, b, cap, v[l], d[l], rhs[l]);
        }

        for (int l = 0; l < lanes; l++) {
            assertThat(lane(vLanes, l, lanes)).as("v of lane %d", l).isEqualTo(v[l]);
            assertThat(lane(rhsLanes, l, lanes)).as("dv of lane %d", l).isEqualTo(rhs[l]);
            assertThat(lane(dLanes, l, lanes)).as("eliminated diagonal of lane %d", l).isEqualTo(d[l]);
        }
    }

    /** [lane][node] to [node * lanes + lane]. */
    static double[] interleave(double[][] perLane) {
        int lanes = perLane.length, n = perLane[0].length;
        double[] out = new double[n * lanes];
        for (int l = 0; l < lanes; l++) {
            for (int i = 0; i < n; i++) {
                out[i * lanes + l] = perLane[l][i];
            }
        }
        return out;
    }

    static double[] lane(double[] interleaved, int lane, int lanes) {
        double[] out = new double[interleaved.length / lanes];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * lanes + lane];
        }
        return out;
    }
}
