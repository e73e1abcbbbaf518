package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.List;

/**
 * NEURON's {@code Import3d_Section} (share/lib/hoc/import3d/import3d_sec.hoc): an unbranched run of points read
 * from a file, before it becomes a section. A non-root section's point 0 is normally a copy of its parent point;
 * {@code first} = 1 skips it (the section is then connected "by a wire").
 */
final class Import3dSection {
    /** Index of the section's first own point in the reader's point arrays. */
    final int id;
    double[] x;
    double[] y;
    double[] z;
    double[] d;
    int first;
    int type;
    Import3dSection parent;
    double parentX = 1;
    /** A soma outline (Neurolucida contour) rather than a centreline. */
    boolean contour;
    /** The further contours of a soma given as a stack, on the first one ({@code contour_list}). */
    final List<Import3dSection> stack = new ArrayList<>();
    /** A contour that is part of another's stack: not a section of its own ({@code is_subsidiary}). */
    boolean subsidiary;
    /** The file line where the section's points start, for messages. */
    int line;

    Import3dSection(int id, int points) {
        this.id = id;
        x = new double[points];
        y = new double[points];
        z = new double[points];
        d = new double[points];
    }

    void set(int i, double xi, double yi, double zi, double di) {
        x[i] = xi;
        y[i] = yi;
        z[i] = zi;
        d[i] = di;
    }

    /** {@code insrt(0, ...)}: a new first point. */
    void insertFirst(double xi, double yi, double zi, double di) {
        x = prepend(xi, x);
        y = prepend(yi, y);
        z = prepend(zi, z);
        d = prepend(di, d);
    }

    private static double[] prepend(double v, double[] a) {
        double[] out = new double[a.length + 1];
        out[0] = v;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }

    int size() {
        return d.length;
    }
}
