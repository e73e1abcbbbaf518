package org.spineformer.engine.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.morph.Morphology;

/**
 * Areas, resistances and attachment nodes of a small tree with a tapered section and children at x = 0, x = 1
 * and an interior point, each computed by hand from NEURON's rules.
 */
class DiscretizationTest {
    /** Hand and code compute the same few floating-point operations; only their order may differ. */
    private static final double RELATIVE = 1e-12;

    private final Morphology m = new Morphology();
    private final int soma = m.addRoot("soma", 20, 1, 100, 1, new double[] {20});
    // tapered: three segments of 10 um with diameters 3, 2.5, 2; Ra 150
    private final int taper = m.addChild("taper", 30, 3, 150, 2, new double[] {3, 2.5, 2}, soma, 1);
    private final int atZero = m.addChild("atZero", 10, 1, 100, 1, new double[] {1}, soma, 0);
    private final int interior = m.addChild("interior", 8, 2, 200, 1, new double[] {0.5, 0.5}, taper, 0.5);
    private final int atTaperStart = m.addChild("atTaperStart", 4, 1, 100, 1, new double[] {1}, taper, 0);
    private final int atTaperEnd = m.addChild("atTaperEnd", 6, 1, 100, 1, new double[] {2}, taper, 1);
    private final int offCentre = m.addChild("offCentre", 2, 1, 100, 1, new double[] {1}, taper, 0.4);
    private final Discretization disc = new Discretization(m);

    private static double cylinderArea(double diam, double len) {
        return Math.PI * diam * len;
    }

    /** Half a segment's resistance in MOhm: Ra[ohm cm] * (len/2)[um] / (pi d^2/4)[um2] * 1e-2. */
    private static double half(double ra, double len, double diam) {
        return ra * (len / 2) / (Math.PI * diam * diam / 4) * 1e-2;
    }

    @Test
    void nodeCountIsSegmentsPlusEndNodesPlusRoot() {
        assertThat(disc.nodeCount()).isEqualTo(1 + (1 + 1) + (3 + 1) + (1 + 1) + (2 + 1) + (1 + 1) + (1 + 1) + (1 + 1));
    }

    @Test
    void taperedSegmentsAreCylindersOfTheirOwnDiameter() {
        double[] diam = {3, 2.5, 2};
        for (int j = 0; j < 3; j++) {
            int node = disc.segmentNode(taper, j);
            assertThat(disc.areaUm2(node)).isCloseTo(cylinderArea(diam[j], 10), within(1e-12 * cylinderArea(diam[j], 10)));
            assertThat(disc.cmUfPerCm2(node)).isEqualTo(2);
        }
        // first segment: only its own left half (the soma's right half belongs to the soma's end node)
        assertRelative(disc.riMOhm(disc.segmentNode(taper, 0)), half(150, 10, 3));
        assertRelative(disc.riMOhm(disc.segmentNode(taper, 1)), half(150, 10, 3) + half(150, 10, 2.5));
        assertRelative(disc.riMOhm(disc.segmentNode(taper, 2)), half(150, 10, 2.5) + half(150, 10, 2));
        assertRelative(disc.riMOhm(disc.node(taper, 1)), half(150, 10, 2));
        assertThat(disc.areaUm2(disc.node(taper, 1))).isZero();
    }

    @Test
    void childrenAttachByNeuronsRule() {
        int[] parent = disc.parent();
        int root = disc.node(soma, 0);
        assertThat(parent[root]).as("NEURON's root: the first section's 0-end").isEqualTo(-1);
        int somaCentre = disc.segmentNode(soma, 0);
        assertThat(parent[somaCentre]).as("soma hangs from the root node").isEqualTo(root);
        assertThat(parent[disc.segmentNode(taper, 0)]).as("x = 1: the parent's 1-end node").isEqualTo(disc.node(soma, 1));
        assertThat(parent[disc.segmentNode(atZero, 0)]).as("x = 0 on the root: the root node").isEqualTo(root);
        assertThat(parent[disc.segmentNode(interior, 0)]).as("x = 0.5: centre of segment floor(1.5) = 1")
                .isEqualTo(disc.segmentNode(taper, 1));
        assertThat(parent[disc.segmentNode(atTaperStart, 0)]).as("x = 0: the node the parent's 0-end is on")
                .isEqualTo(disc.node(soma, 1));
        assertThat(parent[disc.segmentNode(atTaperEnd, 0)]).isEqualTo(disc.node(taper, 1));
    }

    /**
     * The solver's tree is NEURON's, rooted at node 0 with parents first: the same edges, with a and b swapped
     * where an edge runs the other way, and no taller than NEURON's.
     */
    @Test
    void solverTreeIsNeuronsRerootedAtNodeZero() {
        int[] parent = disc.parent(), solverParent = disc.solverParent();
        double[] a = disc.matrixA(), b = disc.matrixB(), solverA = disc.solverA(), solverB = disc.solverB();
        assertThat(solverParent[0]).isEqualTo(-1);
        for (int i = 1; i < disc.nodeCount(); i++) {
            int p = solverParent[i];
            assertThat(p).as("parents precede children").isLessThan(i).isNotNegative();
            if (parent[i] == p) {
                assertThat(new double[] {solverA[i], solverB[i]}).as("edge %d-%d", i, p).containsExactly(a[i], b[i]);
            } else {
                assertThat(parent[p]).as("edge %d-%d is NEURON's, reversed", i, p).isEqualTo(i);
                assertThat(new double[] {solverA[i], solverB[i]}).as("edge %d-%d", i, p).containsExactly(b[p], a[p]);
            }
        }
        assertThat(height(solverParent)).isLessThanOrEqualTo(height(parent));
    }

    /** An unbranched cable of 101 segments: NEURON's root is one end; the solver's is the middle segment. */
    @Test
    void solverRootsACableAtItsMiddle() {
        Morphology cable = new Morphology();
        double[] diam = new double[101];
        Arrays.fill(diam, 1);
        int only = cable.addRoot("cable", 101, 101, 100, 1, diam);
        Discretization d = new Discretization(cable);
        assertThat(d.segmentNode(only, 50)).isZero();
        assertThat(height(d.solverParent())).isEqualTo(51);
        assertThat(height(d.parent())).isEqualTo(102);
    }

    /** The number of edges on the longest path from a leaf to the root. */
    private static int height(int[] parent) {
        int tallest = 0;
        for (int i = 0; i < parent.length; i++) {
            int h = 0;
            for (int u = i; parent[u] >= 0; u = parent[u]) {
                h++;
            }
            tallest = Math.max(tallest, h);
        }
        return tallest;
    }

    @Test
    void interiorChildHasOnlyItsOwnHalfSegment() {
        assertRelative(disc.riMOhm(disc.segmentNode(interior, 0)), half(200, 4, 0.5));
        assertRelative(disc.riMOhm(disc.segmentNode(interior, 1)), 2 * half(200, 4, 0.5));
    }

    @Test
    void matrixCoefficientsScaleByTheAreasOfBothEnds() {
        int node = disc.segmentNode(taper, 1);
        int parent = disc.segmentNode(taper, 0);
        double rinv = 1 / disc.riMOhm(node);
        assertRelative(disc.matrixA()[node], -1e2 * rinv / disc.areaUm2(parent));
        assertRelative(disc.matrixB()[node], -1e2 * rinv / disc.areaUm2(node));
        int first = disc.segmentNode(taper, 0);
        assertRelative(disc.matrixA()[first], -1e2 / disc.riMOhm(first) / Discretization.ZERO_AREA_NODE_MATRIX_AREA);
    }

    @Test
    void pathDistanceFollowsConnectionPoints() {
        assertThat(m.pathDistance(soma, 0, taper, 0.5)).isCloseTo(20 + 15, within(1e-12));
        assertThat(m.pathDistance(soma, 0, interior, 0.25)).isCloseTo(20 + 15 + 2, within(1e-12));
        assertThat(m.pathDistance(soma, 0, atZero, 1)).isCloseTo(10, within(1e-12));
        assertThat(m.pathDistance(atZero, 1, interior, 1)).isCloseTo(10 + 20 + 15 + 8, within(1e-12));
        assertThat(m.pathDistance(soma, 0.5, atTaperStart, 1)).isCloseTo(10 + 4, within(1e-12));
        // attached at x = 0.4, in segment 1 of 3: NEURON measures from that segment's centre (x = 0.5)
        assertThat(m.pathDistance(soma, 0, offCentre, 0.5)).isCloseTo(20 + 15 + 1, within(1e-12));
    }

    @Test
    void badInputIsRejectedWithTheSectionsName() {
        assertThatThrownBy(() -> m.addChild("bad", 10, 1, 100, 1, new double[] {-1}, soma, 0.5))
                .hasMessageContaining("bad").hasMessageContaining("diam");
        assertThatThrownBy(() -> m.addChild("soma", 10, 1, 100, 1, new double[] {1}, soma, 0.5))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> m.addChild("x", 10, 1, 100, 1, new double[] {1}, soma, 1.5))
                .hasMessageContaining("connection point");
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
    }
}
