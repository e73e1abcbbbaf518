package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How NEURON 8.2's Import3d turns a soma outline into a section: {@code contourcenter} (import3d_sec.hoc) and
 * {@code contour2centroid} (import3d_gui.hoc), operation for operation.
 *
 * <p>The closed outline is resampled at 101 points equally spaced along its perimeter as projected on the xy
 * plane (the closing edge is not counted); their mean is the centre. The principal axes of the resampled points (eigenvectors of their scatter
 * matrix, as NEURON's Matrix.symmeig computes them, see {@link SymmetricEigen}) give the major axis and, in the xy
 * plane, the minor one. Each point is projected on both; the outline is cut at its extreme points along the major
 * axis into two sides, non-monotonic points are dropped, and both sides are interpolated at 21 positions spaced
 * evenly between the second-smallest and second-largest projections. The section's points lie on the major axis at
 * those positions, with the distance between the two sides as diameter (the end diameters averaged with their
 * neighbours, to avoid zero).
 */
final class ContourCentroid {
    /** hoc Vector.indgen's allowance when counting the points of a range. */
    private static final double INDGEN_EPSILON = 1e-9;
    /** contourcenter resamples the outline at this many intervals (101 points). */
    private static final int RESAMPLED_INTERVALS = 100;
    /** contour2centroid places the soma points at this many intervals (21 points). */
    private static final int CENTRELINE_INTERVALS = 20;

    private ContourCentroid() {
    }

    /**
     * {@code contourcenter}: resamples the closed outline (in place, as hoc does: the arrays are replaced by 101
     * points, returned) and returns its centre as the means of the resampled coordinates.
     *
     * @return {x, y, z, centre} where centre = {cx, cy, cz}
     */
    static double[][] contourCenter(double[] x, double[] y, double[] z) {
        int n = x.length;
        double[][] xyz = {x, y, z};
        double[][] step = new double[3][n];
        // hoc fills only the x and y rows of its point matrix ("for i=1,2"): the perimeter is measured in the xy
        // plane, z steps count as 0 (visible only for contours that are not flat, e.g. Migliore's)
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < n; i++) {
                double next = i + 1 < n ? xyz[r][i + 1] : xyz[r][0];
                step[r][i] = (next - xyz[r][i]) / 1;
            }
        }
        double[] perim = new double[n];
        for (int i = 1; i < n; i++) {
            double sq = 0.;
            sq += step[0][i - 1] * step[0][i - 1];
            sq += step[1][i - 1] * step[1][i - 1];
            sq += step[2][i - 1] * step[2][i - 1];
            perim[i] = perim[i - 1] + Math.sqrt(sq);
        }
        double[] at = new double[RESAMPLED_INTERVALS + 1];
        double spacing = perim[n - 1] / RESAMPLED_INTERVALS;
        for (int i = 0; i < at.length; i++) {
            at[i] = (double) i * spacing + 0;
        }
        double[][] out = new double[4][];
        double[] centre = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = interpolate(at, perim, xyz[r]);
            centre[r] = mean(out[r]);
        }
        out[3] = centre;
        return out;
    }

    /** contour2centroid: the centreline points {x, y, z, diam} of an outline. */
    static double[][] centreline(double[] x0, double[] y0, double[] z0) {
        double[][] resampled = contourCenter(x0, y0, z0);
        double[] mean = resampled[3];
        int n = resampled[0].length;
        double[][] pts = new double[3][n];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < n; i++) {
                pts[r][i] = resampled[r][i] - mean[r];
            }
        }
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double sum = 0.;
                for (int k = 0; k < n; k++) {
                    sum += pts[i][k] * pts[j][k];
                }
                m[i][j] = sum;
                m[j][i] = sum;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(m);
        double[] values = eig.values();
        int maxInd = firstMax(values);
        int minInd = firstMin(values);
        double[] major = eig.vector(maxInd);
        double[] minor = eig.vector(3 - minInd - maxInd);
        minor[2] = 0;
        double mag = Math.sqrt(0. + minor[0] * minor[0] + minor[1] * minor[1] + minor[2] * minor[2]);
        for (int k = 0; k < 3; k++) {
            minor[k] /= mag;
        }
        double[] d = new double[n];
        double[] rad = new double[n];
        for (int i = 0; i < n; i++) {
            double[] pt = {pts[0][i], pts[1][i], pts[2][i]};
            d[i] = dot(pt, major);
            rad[i] = dot(pt, minor);
        }
        int imax = firstMax(d);
        d = rotateLeft(d, imax);
        rad = rotateLeft(rad, imax);
        int imin = firstMin(d);
        List<Double> side2 = list(Arrays.copyOfRange(d, imin, n));
        List<Double> rad2 = list(Arrays.copyOfRange(rad, imin, n));
        List<Double> side1 = reversed(Arrays.copyOf(d, imin));
        List<Double> rad1 = reversed(Arrays.copyOf(rad, imin));
        makeIncreasing(side1, rad1);
        makeIncreasing(side2, rad2);

        double[] all = new double[side1.size() + side2.size()];
        for (int i = 0; i < side1.size(); i++) {
            all[i] = side1.get(i);
        }
        for (int i = 0; i < side2.size(); i++) {
            all[side1.size() + i] = side2.get(i);
        }
        Arrays.sort(all);
        double start = all[1];
        double end = all[all.length - 2];
        double step = (end - start) / CENTRELINE_INTERVALS;
        int count = (int) (Math.floor((end - start) / step + INDGEN_EPSILON) + 1.);
        double[] at = new double[count];
        for (int i = 0; i < count; i++) {
            at[i] = (double) i * step + start;
        }
        double[] r1 = interpolate(at, toArray(side1), toArray(rad1));
        double[] r2 = interpolate(at, toArray(side2), toArray(rad2));

        double[][] out = new double[4][count];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 3; k++) {
                out[k][i] = major[k] * at[i] + mean[k];
            }
            out[3][i] = Math.abs(r1[i] - r2[i]);
        }
        double[] diam = out[3];
        diam[0] = (diam[0] + diam[1]) / 2;
        int last = count - 1;
        diam[last] = (diam[last] + diam[last - 1]) / 2;
        return out;
    }

    /**
     * {@code contourstack2centroid}: a soma given as a stack of contours becomes one point per contour, at the
     * contour's centre with its mean diameter ({@link #circle}).
     *
     * @param contours each contour's {x, y, z} outline, the stack in file order
     * @return {x, y, z, diam}
     */
    static double[][] stackCentreline(List<double[][]> contours) {
        double[][] out = new double[4][contours.size()];
        for (int i = 0; i < contours.size(); i++) {
            double[] c = circle(contours.get(i));
            for (int k = 0; k < 4; k++) {
                out[k][i] = c[k];
            }
        }
        return out;
    }

    /**
     * {@code approximate_contour_by_circle}: the contour's centre ({@link #contourCenter}) and a diameter that is the
     * mean distance of the 101 resampled points from that centre plus the radius of a circle of the same perimeter
     * (the closed outline's, in 3-D).
     *
     * @return {cx, cy, cz, diameter}
     */
    static double[] circle(double[][] outline) {
        double[] x = outline[0];
        double[] y = outline[1];
        double[] z = outline[2];
        int n = x.length;
        double perim = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double dx = x[i] - x[j];
            double dy = y[i] - y[j];
            double dz = z[i] - z[j];
            perim += Math.sqrt(0. + dx * dx + dy * dy + dz * dz);
        }
        double[][] resampled = contourCenter(x.clone(), y.clone(), z.clone());
        double[] centre = resampled[3];
        int m = resampled[0].length;
        double sum = 0.0;
        for (int i = 0; i < m; i++) {
            double dx = resampled[0][i] - centre[0];
            double dy = resampled[1][i] - centre[1];
            double dz = resampled[2][i] - centre[2];
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return new double[] {centre[0], centre[1], centre[2], sum / m + perim / (2 * Math.PI)};
    }

    /**
     * {@code stk_center}: the point halfway along the polyline through the contours' centres (the first centre if
     * they all coincide), where trees inside the stack are wired to.
     */
    static double[] stackCentre(List<double[][]> contours) {
        int n = contours.size();
        double[][] centres = new double[n][];
        double[] cumulative = new double[n];
        double len = 0;
        for (int i = 0; i < n; i++) {
            double[][] c = contours.get(i);
            centres[i] = contourCenter(c[0].clone(), c[1].clone(), c[2].clone())[3];
            if (i > 0) {
                double sq = 0.;
                for (int k = 0; k < 3; k++) {
                    double d = centres[i][k] - centres[i - 1][k];
                    sq += d * d;
                }
                len += Math.sqrt(sq);
                cumulative[i] = len;
            }
        }
        len = len / 2;
        if (HocCompare.eq(len, 0)) {
            return centres[0];
        }
        int i = 0;
        while (!HocCompare.gt(cumulative[i], len)) { // Vector.indwhere(">", len)
            i++;
        }
        double th = (len - cumulative[i - 1]) / (cumulative[i] - cumulative[i - 1]);
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = th * centres[i][k] + (1 - th) * centres[i - 1][k];
        }
        return c;
    }

    /**
     * The hoc loop that drops points so that the side increases: walking down from the end, a point not above its
     * predecessor (by hoc's fuzzy {@code <=}) is removed (and the walk steps back up one unless it removed the last
     * point).
     */
    private static void makeIncreasing(List<Double> side, List<Double> rad) {
        for (int j = side.size() - 1; j > 0; j -= 1) {
            if (HocCompare.le(side.get(j), side.get(j - 1))) {
                side.remove(j);
                rad.remove(j);
                if (j != side.size()) {
                    j += 1;
                }
            }
        }
    }

    /** hoc's {@code Vector.interpolate(xdest, xsrc)} on {@code ysrc}: piecewise linear, constant outside. */
    static double[] interpolate(double[] xd, double[] xs, double[] ys) {
        int nd = xd.length;
        int ns = xs.length;
        double[] yd = new double[nd];
        int id = 0;
        for (; id < nd && xd[id] <= xs[0]; ++id) {
            yd[id] = ys[0];
        }
        for (int is = 1; is < ns && id < nd; ++is) {
            if (xs[is] <= xs[is - 1]) {
                continue;
            }
            while (xd[id] <= xs[is]) {
                double thet = (xd[id] - xs[is - 1]) / (xs[is] - xs[is - 1]);
                yd[id] = (1. - thet) * ys[is - 1] + thet * ys[is];
                ++id;
                if (id >= nd) {
                    break;
                }
            }
        }
        for (; id < nd; ++id) {
            yd[id] = ys[ns - 1];
        }
        return yd;
    }

    private static double mean(double[] v) {
        double sum = 0.0;
        for (double e : v) {
            sum += e;
        }
        return sum / v.length;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static int firstMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int firstMin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** hoc's {@code Vector.rotate(-k)}: element k comes first. */
    private static double[] rotateLeft(double[] v, int k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[(i + k) % v.length];
        }
        return out;
    }

    private static List<Double> list(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double e : v) {
            l.add(e);
        }
        return l;
    }

    private static List<Double> reversed(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (int i = v.length - 1; i >= 0; i--) {
            l.add(v[i]);
        }
        return l;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
