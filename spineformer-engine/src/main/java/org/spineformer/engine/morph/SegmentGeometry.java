package org.spineformer.engine.morph;

/**
 * The electrical geometry of a section's segments, computed as NEURON 8.2's {@code nrn_area_ri}
 * ({@code src/nrnoc/treeset.cpp}) does: per segment its membrane area (um2), the resistances of its left and
 * right halves (MOhm) and its diameter (um).
 *
 * <p>A section of cylinders: area pi d L/nseg, each half Ra (L/nseg/2) / (pi d^2/4). A section with 3-D points
 * ({@code diam_from_list}): the points define a piecewise linear diameter over the arc length; each half segment
 * (boundaries at multiples of L/(2 nseg), split by arc length, interpolating the diameter) is integrated frustum by
 * frustum: area += pi (d1 + d2)/2 * sqrt(delta^2 + ((d2 - d1)/2)^2), resistance += 4 Ra/pi * delta/(d1 d2), and
 * the segment's diameter is the length-weighted mean of the trapezoid (d1 + d2)/2. The operations are NEURON's,
 * in NEURON's order, so the results agree to the last bits.
 *
 * @param areaUm2         membrane area per segment
 * @param leftHalfMOhm    resistance of each segment's half nearer the 0-end
 * @param rightHalfMOhm   resistance of each segment's half nearer the 1-end
 * @param diamUm          diameter per segment (for 3-D points their mean over the segment)
 */
public record SegmentGeometry(double[] areaUm2, double[] leftHalfMOhm, double[] rightHalfMOhm, double[] diamUm) {

    /** Below this length (um) NEURON treats a frustum as having this length, to keep 1/delta finite. */
    private static final double MIN_FRUSTUM_LENGTH = 1e-15;
    /** NEURON's stand-in for a zero d1 d2 / delta, to keep the resistance sum finite. */
    private static final double MIN_CONDUCTANCE_TERM = 1e-15;
    /** Arc lengths closer than this (um) count as the same point when interpolating a diameter. */
    private static final double SAME_POINT = 1e-10;

    @Override
    public double[] areaUm2() {
        return areaUm2.clone();
    }

    @Override
    public double[] leftHalfMOhm() {
        return leftHalfMOhm.clone();
    }

    @Override
    public double[] rightHalfMOhm() {
        return rightHalfMOhm.clone();
    }

    @Override
    public double[] diamUm() {
        return diamUm.clone();
    }

    /** The geometry of segments that are cylinders of the given diameters. */
    public static SegmentGeometry cylinders(double lengthUm, double raOhmCm, double[] diamUm) {
        int nseg = diamUm.length;
        double dx = lengthUm / nseg;
        double[] area = new double[nseg];
        double[] half = new double[nseg];
        for (int j = 0; j < nseg; j++) {
            area[j] = Math.PI * diamUm[j] * dx;
            half[j] = halfCylinderMOhm(raOhmCm, dx, diamUm[j]);
        }
        return new SegmentGeometry(area, half, half, diamUm.clone());
    }

    /** Resistance (MOhm) of half a cylindrical segment: Ra (ohm cm) * (dx/2) / (pi d^2 / 4), converted. */
    public static double halfCylinderMOhm(double raOhmCm, double segmentLengthUm, double diamUm) {
        return 1e-2 * raOhmCm * (segmentLengthUm / 2) / (Math.PI * diamUm * diamUm / 4.0);
    }

    /** The geometry of {@code nseg} equal segments along 3-D points ({@code diam_from_list}). */
    public static SegmentGeometry frusta(Pt3d points, int nseg, double raOhmCm) {
        int npt = points.size();
        double[] area = new double[nseg];
        double[] left = new double[nseg];
        double[] right = new double[nseg];
        double[] diams = new double[nseg];
        int j = 0;
        double x1 = points.arc(0);
        double y1 = Math.abs((double) points.diam(0));
        double ds = points.arc(npt - 1) / nseg;
        for (int inode = 0; inode < nseg; inode++) {
            double si = inode * ds;
            double diam = 0;
            double a = 0;
            for (int ihalf = 0; ihalf < 2; ihalf++) {
                double ri = 0;
                double sip = si + ds / 2.;
                for (;;) {
                    int jp = j + 1;
                    double xj = points.arc(j);
                    double xjp = points.arc(jp);
                    double x2;
                    double y2;
                    int jnext;
                    if (xjp > sip || jp == npt - 1) { // the half ends inside this frustum (or past the last point)
                        double frac = Math.abs(xjp - xj) < SAME_POINT ? 1 : (sip - xj) / (xjp - xj);
                        x2 = sip;
                        y2 = (1. - frac) * Math.abs((double) points.diam(j)) + frac * Math.abs((double) points.diam(jp));
                        jnext = j;
                    } else {
                        x2 = xjp;
                        y2 = Math.abs((double) points.diam(jp));
                        jnext = jp;
                    }
                    double delta = x2 - x1;
                    diam += (y2 + y1) * delta;
                    if (delta < MIN_FRUSTUM_LENGTH) {
                        delta = MIN_FRUSTUM_LENGTH;
                    }
                    double temp = y2 * y1 / delta;
                    if (temp == 0) {
                        temp = MIN_CONDUCTANCE_TERM;
                    }
                    ri += 1 / temp;
                    temp = .5 * (y2 - y1);
                    temp = Math.sqrt(delta * delta + temp * temp);
                    a += (y2 + y1) * temp;
                    x1 = x2;
                    y1 = y2;
                    if (j == jnext) {
                        break;
                    }
                    j = jnext;
                }
                double r = ri * raOhmCm / Math.PI * (4. * .01);
                if (ihalf == 0) {
                    left[inode] = r;
                } else {
                    right[inode] = r;
                }
                si = sip;
            }
            diams[inode] = diam * (.5 / ds);
            area[inode] = a * .5 * Math.PI;
        }
        return new SegmentGeometry(area, left, right, diams);
    }
}
