package org.spineformer.engine.morph;

import java.util.Arrays;

/**
 * A section's 3-D points (x, y, z, diam in um) as NEURON holds them: the coordinates and diameters in single
 * precision ({@code float}, NEURON's {@code Pt3d} struct), the arc lengths in double precision, computed as
 * {@code nrn_pt3dmodified} does: {@code arc[i] = arc[i-1] + sqrt(dx^2 + dy^2 + dz^2)} where each difference is
 * taken between floats, in float arithmetic, and only then widened. The last arc length is the section's L.
 * Immutable.
 */
public final class Pt3d {
    private final float[] x;
    private final float[] y;
    private final float[] z;
    private final float[] diam;
    private final double[] arc;

    private Pt3d(float[] x, float[] y, float[] z, float[] diam, double[] arc) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.diam = diam;
        this.arc = arc;
    }

    /**
     * Points given in double precision, stored as NEURON's {@code pt3dadd} stores them: each value rounded to the
     * nearest float.
     */
    public static Pt3d of(double[] x, double[] y, double[] z, double[] diam) {
        return of(toFloat(x), toFloat(y), toFloat(z), toFloat(diam));
    }

    /** Points already in NEURON's single precision (e.g. read back from NEURON). */
    public static Pt3d of(float[] x, float[] y, float[] z, float[] diam) {
        int n = x.length;
        if (y.length != n || z.length != n || diam.length != n) {
            throw new IllegalArgumentException("3-D points need as many y, z and diam as x values (" + n + "), got "
                    + y.length + ", " + z.length + " and " + diam.length);
        }
        if (n < 2) {
            throw new IllegalArgumentException("a section's 3-D geometry needs at least 2 points, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i]) || !Float.isFinite(z[i])) {
                throw new IllegalArgumentException("3-D point " + i + " is not finite: (" + x[i] + ", " + y[i] + ", "
                        + z[i] + ")");
            }
            if (!(diam[i] >= 0) || Float.isInfinite(diam[i])) { // NEURON: "Diameter less than 0"
                throw new IllegalArgumentException("3-D point " + i + ": diameter must be finite and >= 0, was "
                        + diam[i]);
            }
        }
        double[] arc = new double[n];
        for (int i = 1; i < n; i++) {
            double dx = x[i] - x[i - 1]; // float - float: rounded to float, as in NEURON's C
            double dy = y[i] - y[i - 1];
            double dz = z[i] - z[i - 1];
            arc[i] = arc[i - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        if (!(arc[n - 1] > 0)) {
            throw new IllegalArgumentException("3-D points of zero total length: all " + n + " points coincide");
        }
        return new Pt3d(x.clone(), y.clone(), z.clone(), diam.clone(), arc);
    }

    /**
     * The same points with the last arc length set to {@code lengthUm}, as NEURON's {@code define_shape} does for
     * the points it makes for a section without any ("don't let above change length due to round-off errors").
     */
    public Pt3d withLength(double lengthUm) {
        if (!(lengthUm > arc[arc.length - 2]) || Double.isInfinite(lengthUm)) {
            throw new IllegalArgumentException("length " + lengthUm + " must exceed the second-last arc length "
                    + arc[arc.length - 2]);
        }
        double[] a = arc.clone();
        a[a.length - 1] = lengthUm;
        return new Pt3d(x, y, z, diam, a);
    }

    /**
     * The same points moved by (dx, dy, dz), each coordinate in float arithmetic, with the arc lengths unchanged:
     * NEURON's {@code define_shape} moves a section to its parent this way ({@code nrn_translate_shape}) without
     * recomputing its arc lengths, so its geometry (areas, resistances) is that of the points before the move.
     */
    public Pt3d translated(float dx, float dy, float dz) {
        float[] tx = x.clone();
        float[] ty = y.clone();
        float[] tz = z.clone();
        for (int i = 0; i < tx.length; i++) {
            tx[i] += dx;
            ty[i] += dy;
            tz[i] += dz;
        }
        return new Pt3d(tx, ty, tz, diam, arc);
    }

    /**
     * The same points stretched to length {@code lengthUm} about the first point, as NEURON's {@code
     * nrn_length_change} does when hoc sets L of a section with 3-D points: fac = lengthUm / L, every arc length
     * times fac (not recomputed from the moved points, so the new L is L * fac) and every coordinate x0 + (x - x0) *
     * fac in double precision, stored as a float.
     */
    public Pt3d stretchedTo(double lengthUm) {
        if (!(lengthUm > 0) || Double.isInfinite(lengthUm)) {
            throw new IllegalArgumentException("length must be finite and > 0, was " + lengthUm);
        }
        double fac = lengthUm / lengthUm();
        int n = size();
        float[] sx = new float[n], sy = new float[n], sz = new float[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = arc[i] * fac;
            sx[i] = (float) (x[0] + (x[i] - (double) x[0]) * fac);
            sy[i] = (float) (y[0] + (y[i] - (double) y[0]) * fac);
            sz[i] = (float) (z[0] + (z[i] - (double) z[0]) * fac);
        }
        return new Pt3d(sx, sy, sz, diam, a);
    }

    /** The same points (coordinates and arc lengths) with these diameters, each stored as NEURON's float. */
    public Pt3d withDiameters(double[] diamUm) {
        if (diamUm.length != size()) {
            throw new IllegalArgumentException(size() + " points need as many diameters, got " + diamUm.length);
        }
        float[] d = toFloat(diamUm);
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] >= 0) || Float.isInfinite(d[i])) {
                throw new IllegalArgumentException("3-D point " + i + ": diameter must be finite and >= 0, was "
                        + diamUm[i]);
            }
        }
        return new Pt3d(x, y, z, d, arc);
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    public int size() {
        return x.length;
    }

    public float x(int i) {
        return x[i];
    }

    public float y(int i) {
        return y[i];
    }

    public float z(int i) {
        return z[i];
    }

    public float diam(int i) {
        return diam[i];
    }

    /** Arc length (um) from the first point to point i. */
    public double arc(int i) {
        return arc[i];
    }

    /** The section length these points give: the last arc length (um). */
    public double lengthUm() {
        return arc[arc.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pt3d p && Arrays.equals(x, p.x) && Arrays.equals(y, p.y) && Arrays.equals(z, p.z)
                && Arrays.equals(diam, p.diam) && Arrays.equals(arc, p.arc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(arc) * 31 + Arrays.hashCode(diam);
    }

    @Override
    public String toString() {
        return "Pt3d[" + x.length + " points, L=" + lengthUm() + "]";
    }
}
