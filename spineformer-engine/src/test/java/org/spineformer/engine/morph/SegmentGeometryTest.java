package org.spineformer.engine.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.discrete.Discretization;

/**
 * Segment geometry from 3-D points against hand computations: a frustum of diameters d1, d2 and length h has
 * lateral area pi (d1 + d2)/2 sqrt(h^2 + ((d2 - d1)/2)^2) and axial resistance 4 Ra h / (pi d1 d2); a segment's
 * halves are split at its centre by arc length and its diameter is the mean of the diameter over its length.
 */
class SegmentGeometryTest {
    /** Hand and code compute the same quantities by a few floating-point operations in different orders. */
    private static final double RELATIVE = 1e-12;
    /** Ra (ohm cm) * um / um2 = 1e4 ohm = 1e-2 MOhm. */
    private static final double MOHM_PER_OHM_CM_PER_UM = 1e-2;
    private static final double RA = 150;

    private static double frustumArea(double d1, double d2, double h) {
        return Math.PI * (d1 + d2) / 2 * Math.sqrt(h * h + (d2 - d1) * (d2 - d1) / 4);
    }

    private static double frustumMOhm(double d1, double d2, double h) {
        return 4 * RA * h / (Math.PI * d1 * d2) * MOHM_PER_OHM_CM_PER_UM;
    }

    private static Pt3d alongX(double[] x, double[] diam) {
        return Pt3d.of(x, new double[x.length], new double[x.length], diam);
    }

    @Test
    void aSingleFrustumIsSplitAtItsCentre() {
        // 10 um from diameter 2 to 4; the centre (5 um) has diameter 3
        SegmentGeometry g = SegmentGeometry.frusta(alongX(new double[] {0, 10}, new double[] {2, 4}), 1, RA);
        assertRelative(g.areaUm2()[0], frustumArea(2, 3, 5) + frustumArea(3, 4, 5));
        assertRelative(g.areaUm2()[0], frustumArea(2, 4, 10));
        assertRelative(g.leftHalfMOhm()[0], frustumMOhm(2, 3, 5));
        assertRelative(g.rightHalfMOhm()[0], frustumMOhm(3, 4, 5));
        assertRelative(g.diamUm()[0], 3);
    }

    @Test
    void aSectionIsSplitAtSegmentBoundariesByArcLength() {
        // a cylinder of diameter 2 for 3 um, then a cone to diameter 1 at 10 um; nseg 2: halves end at 2.5, 5, 7.5, 10
        Pt3d pts = alongX(new double[] {0, 3, 10}, new double[] {2, 2, 1});
        SegmentGeometry g = SegmentGeometry.frusta(pts, 2, RA);
        double d5 = 2 - 2.0 / 7;
        double d75 = 2 - 4.5 / 7;
        assertRelative(g.areaUm2()[0], frustumArea(2, 2, 3) + frustumArea(2, d5, 2));
        assertRelative(g.areaUm2()[1], frustumArea(d5, 1, 5));
        assertRelative(g.leftHalfMOhm()[0], frustumMOhm(2, 2, 2.5));
        assertRelative(g.rightHalfMOhm()[0], frustumMOhm(2, 2, 0.5) + frustumMOhm(2, d5, 2));
        assertRelative(g.leftHalfMOhm()[1], frustumMOhm(d5, d75, 2.5));
        assertRelative(g.rightHalfMOhm()[1], frustumMOhm(d75, 1, 2.5));
        assertRelative(g.diamUm()[0], (2 * 3 + (2 + d5) / 2 * 2) / 5);
        assertRelative(g.diamUm()[1], (d5 + 1) / 2);

        Morphology m = new Morphology();
        int root = m.add(Section.withPoints("dend", pts, 2, RA, new double[] {1, 1}, -1, 0));
        Discretization disc = new Discretization(m);
        assertThat(m.section(root).lengthUm()).isEqualTo(10);
        assertRelative(disc.riMOhm(disc.segmentNode(root, 0)), frustumMOhm(2, 2, 2.5));
        assertRelative(disc.riMOhm(disc.segmentNode(root, 1)), frustumMOhm(2, 2, 0.5) + frustumMOhm(2, d5, 2)
                + frustumMOhm(d5, d75, 2.5));
        assertRelative(disc.riMOhm(disc.node(root, 1)), frustumMOhm(d75, 1, 2.5));
        assertThat(disc.areaUm2(disc.node(root, 1))).isZero();
    }

    @Test
    void aThreePointSomaIsACylinderWithTheAreaOfItsSphere() {
        // NEURON's single-point SWC soma of radius 5: three points along x, L = diam = 10
        Pt3d pts = alongX(new double[] {-5, 0, 5}, new double[] {10, 10, 10});
        Section soma = Section.withPoints("soma[0]", pts, 1, RA, new double[] {1}, -1, 0);
        SegmentGeometry g = soma.geometry();
        assertThat(soma.lengthUm()).isEqualTo(10);
        assertRelative(g.areaUm2()[0], 4 * Math.PI * 5 * 5);
        assertRelative(g.leftHalfMOhm()[0], RA * 5 / (Math.PI * 5 * 5) * MOHM_PER_OHM_CM_PER_UM);
        assertRelative(soma.diamUm()[0], 10);
    }

    @Test
    void pointsAreStoredAsFloatsAndArcsSumFloatDifferences() {
        double x0 = 0.1;
        double x1 = 1000.3;
        Pt3d pts = alongX(new double[] {x0, x1}, new double[] {1, 1});
        assertThat(pts.x(1)).isEqualTo((float) x1);
        float step = (float) x1 - (float) x0; // rounded to float before widening, as in NEURON's C
        assertThat((double) step).as("the float step differs from the double one")
                .isNotEqualTo((double) (float) x1 - (double) (float) x0);
        assertThat(pts.arc(1)).isEqualTo(Math.sqrt((double) step * step));
        assertThat(pts.lengthUm()).isEqualTo(pts.arc(1));
    }

    @Test
    void defineShapeKeepsTheGivenLength() {
        Pt3d pts = alongX(new double[] {0.1, 15.2, 30.1}, new double[] {1, 1, 1}).withLength(30);
        assertThat(pts.lengthUm()).isEqualTo(30);
        assertThat(Section.withPoints("axon", pts, 1, RA, new double[] {1}, -1, 0).lengthUm()).isEqualTo(30);
    }

    @Test
    void defineShapeMovesPointsInFloatsAndKeepsTheArcLengths() {
        Pt3d pts = alongX(new double[] {0.1, 1000.3}, new double[] {1, 2});
        Pt3d moved = pts.translated(0.3f, -2f, 3f);
        assertThat(moved.x(1)).isEqualTo((float) 1000.3 + 0.3f);
        assertThat(moved.y(0)).isEqualTo(-2f);
        assertThat(moved.z(1)).isEqualTo(3f);
        assertThat(moved.diam(1)).isEqualTo(2f);
        // the float step between the moved points differs from the original one, the arc length does not change
        assertThat(moved.x(1) - moved.x(0)).isNotEqualTo(pts.x(1) - pts.x(0));
        assertThat(moved.arc(1)).isEqualTo(pts.arc(1));
    }

    @Test
    void cylinderSectionsKeepTheirFormula() {
        SegmentGeometry g = SegmentGeometry.cylinders(30, RA, new double[] {3, 2.5, 2});
        assertThat(g.areaUm2()[1]).isEqualTo(Math.PI * 2.5 * 10);
        assertThat(g.leftHalfMOhm()[1]).isEqualTo(g.rightHalfMOhm()[1]);
        assertRelative(g.leftHalfMOhm()[1], RA * 5 / (Math.PI * 2.5 * 2.5 / 4) * MOHM_PER_OHM_CM_PER_UM);
    }

    @Test
    void inconsistentGeometryIsRejected() {
        Pt3d pts = alongX(new double[] {0, 10}, new double[] {2, 2});
        assertThatThrownBy(() -> new Section("d", 11, 1, RA, new double[] {1}, new double[] {2}, -1, 0, pts))
                .hasMessageContaining("section d").hasMessageContaining("3-D points");
        assertThatThrownBy(() -> alongX(new double[] {1, 1}, new double[] {2, 2}))
                .hasMessageContaining("zero total length");
        assertThatThrownBy(() -> alongX(new double[] {0, 1}, new double[] {2, -1}))
                .hasMessageContaining("point 1").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> alongX(new double[] {0}, new double[] {2}))
                .hasMessageContaining("at least 2 points");
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }
}
