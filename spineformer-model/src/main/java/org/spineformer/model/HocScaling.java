package org.spineformer.model;

import java.util.Arrays;
import org.spineformer.engine.morph.Pt3d;
import org.spineformer.engine.morph.SegmentGeometry;

/**
 * What hoc's {@code L = L * a} followed by {@code for (x) diam(x) = diam(x) * b} does to a section, replayed step by
 * step as NEURON 8.2 does it (Mainen and Sejnowski 1996's {@code add_spines}, which folds spine membrane into the
 * dendrites so).
 *
 * <p>{@code for (x)} visits x = 0, every segment centre, then x = 1; x = 0 and 1 name the first and the last segment
 * ({@code node_index}), so those two are scaled twice and a section of one segment three times. On a section of
 * cylinders that is all. On a section with 3-D points, setting L stretches the points ({@code nrn_length_change}),
 * and every diameter assignment rewrites them ({@code nrn_diam_change}: each point takes, as a float, the diameter
 * of the segment it lies in), after which the next read of {@code diam(x)} recomputes every segment's diameter from
 * the rewritten points ({@code nrn_area_ri}): the points end up constant along each segment, and a segment's
 * diameter is then the mean over it of the points' piecewise linear diameter, blended with its neighbours' at its
 * ends. NEURON keeps a segment's diameter when the recomputed mean is within {@link #KEPT_DIAMETER_UM} of it
 * ({@code diam_from_list}), so a read may give the value assigned before rather than the points' mean.
 */
final class HocScaling {
    /** diam_from_list's threshold (um): a segment's diameter is replaced only by a mean farther than this. */
    static final double KEPT_DIAMETER_UM = 1e-9;
    /** diam_from_list replaces a diameter below this (um) whatever it is. */
    private static final double SMALLEST_KEPT_UM = 1e-5;

    private HocScaling() {
    }

    /** The segment each value of hoc's {@code for (x)} names on a section of {@code nseg} segments, in order. */
    static int[] forXSegments(int nseg) {
        int[] out = new int[nseg + 2];
        for (int j = 0; j < nseg; j++) {
            out[j + 1] = j;
        }
        out[nseg + 1] = nseg - 1;
        return out;
    }

    /** Cylinder diameters after {@code for (x) diam(x) = diam(x) * b}. */
    static double[] cylinders(double[] diamUm, double b) {
        double[] d = diamUm.clone();
        for (int segment : forXSegments(d.length)) {
            d[segment] = d[segment] * b;
        }
        return d;
    }

    /** 3-D points after {@code L = lengthUm} and then {@code for (x) diam(x) = diam(x) * b}. */
    static Pt3d points(Pt3d points, int nseg, double lengthUm, double b) {
        double[] diam = SegmentGeometry.frusta(points, nseg, CellAssembler.DEFAULT_RA).diamUm(); // NEURON's, before
        Pt3d p = points.stretchedTo(lengthUm);
        for (int segment : forXSegments(nseg)) {
            // the read recomputes every segment's diameter from the points; the write rewrites the points
            double[] mean = SegmentGeometry.frusta(p, nseg, CellAssembler.DEFAULT_RA).diamUm();
            for (int j = 0; j < nseg; j++) {
                if (Math.abs(mean[j] - diam[j]) > KEPT_DIAMETER_UM || mean[j] < SMALLEST_KEPT_UM) {
                    diam[j] = mean[j];
                }
            }
            diam[segment] = diam[segment] * b;
            p = p.withDiameters(segmentDiametersAtPoints(p, diam));
        }
        return p;
    }

    /**
     * 3-D points after hoc's {@code diam = d}: every segment's diameter is d, and rewriting the points from them gives
     * every point d, as a float (a cylinder, whose segments then have the float's diameter, 5.76 um becoming
     * 5.760000228881836).
     */
    static Pt3d uniform(Pt3d points, double diamUm) {
        double[] d = new double[points.size()];
        Arrays.fill(d, diamUm);
        return points.withDiameters(d);
    }

    /** Per point, the diameter of the segment it lies in ({@code nrn_diam_change}, through {@code node_index}). */
    private static double[] segmentDiametersAtPoints(Pt3d p, double[] segmentDiam) {
        int nseg = segmentDiam.length;
        double length = p.lengthUm();
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            double x = Math.min(1.0, p.arc(i) / length);
            int segment = (int) (nseg * x);
            out[i] = segmentDiam[segment == nseg ? nseg - 1 : segment];
        }
        return out;
    }
}
