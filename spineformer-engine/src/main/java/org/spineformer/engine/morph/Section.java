package org.spineformer.engine.morph;

import java.util.Arrays;
import java.util.Objects;

/**
 * One unbranched cable: {@code nseg} segments of equal length, each with its own specific capacitance. Its shape
 * is either a cylinder per segment (its own diameter) or, as for reconstructed morphologies, 3-D points
 * ({@link Pt3d}): then L is their last arc length and each segment's diameter, area and resistance come from the
 * frusta between the points ({@link SegmentGeometry}). Its 0-end is connected to {@code parent} at
 * {@code parentX}; the root has parent -1.
 *
 * @param name         NEURON-style section name, unique within a morphology
 * @param lengthUm     L (um)
 * @param nseg         number of segments (>= 1)
 * @param raOhmCm      axial resistivity Ra (ohm cm)
 * @param cmUfPerCm2   specific membrane capacitance per segment (uF/cm2)
 * @param diamUm       diameter per segment (um); with 3-D points, the diameters they give
 * @param parent       index of the parent section in its morphology, or -1 for the root
 * @param parentX      connection point on the parent, 0..1 (ignored for the root)
 * @param pt3d         the 3-D points, or null for a section of cylinders
 */
public record Section(String name, double lengthUm, int nseg, double raOhmCm, double[] cmUfPerCm2,
                      double[] diamUm, int parent, double parentX, Pt3d pt3d) {

    /** A section of cylinders, one per segment. */
    public Section(String name, double lengthUm, int nseg, double raOhmCm, double[] cmUfPerCm2, double[] diamUm,
                   int parent, double parentX) {
        this(name, lengthUm, nseg, raOhmCm, cmUfPerCm2, diamUm, parent, parentX, null);
    }

    /**
     * A section shaped by 3-D points: L is their last arc length and the segment diameters are those NEURON
     * computes from them.
     */
    public static Section withPoints(String name, Pt3d pt3d, int nseg, double raOhmCm, double[] cmUfPerCm2,
                                     int parent, double parentX) {
        if (nseg < 1) {
            throw new IllegalArgumentException("section " + name + ": nseg must be >= 1, was " + nseg);
        }
        return new Section(name, pt3d.lengthUm(), nseg, raOhmCm, cmUfPerCm2,
                SegmentGeometry.frusta(pt3d, nseg, raOhmCm).diamUm(), parent, parentX, pt3d);
    }

    public Section {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("section name must not be empty");
        }
        if (nseg < 1) {
            throw new IllegalArgumentException("section " + name + ": nseg must be >= 1, was " + nseg);
        }
        requirePositive(name, "L", lengthUm);
        requirePositive(name, "Ra", raOhmCm);
        if (cmUfPerCm2.length != nseg || diamUm.length != nseg) {
            throw new IllegalArgumentException("section " + name + ": need " + nseg + " cm and diam values, got "
                    + cmUfPerCm2.length + " and " + diamUm.length);
        }
        for (double d : diamUm) {
            requirePositive(name, "diam", d);
        }
        for (double c : cmUfPerCm2) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("section " + name + ": cm must be finite and >= 0, was " + c);
            }
        }
        if (parent >= 0 && !(parentX >= 0 && parentX <= 1)) {
            throw new IllegalArgumentException("section " + name + ": connection point must be in [0, 1], was " + parentX);
        }
        if (pt3d != null && (lengthUm != pt3d.lengthUm()
                || !Arrays.equals(diamUm, SegmentGeometry.frusta(pt3d, nseg, raOhmCm).diamUm()))) {
            throw new IllegalArgumentException("section " + name + ": L and diam must be those of its 3-D points"
                    + " (use Section.withPoints)");
        }
        cmUfPerCm2 = cmUfPerCm2.clone();
        diamUm = diamUm.clone();
    }

    /** The segments' areas, half-segment resistances and diameters, as NEURON computes them. */
    public SegmentGeometry geometry() {
        return pt3d == null ? SegmentGeometry.cylinders(lengthUm, raOhmCm, diamUm)
                : SegmentGeometry.frusta(pt3d, nseg, raOhmCm);
    }

    private static void requirePositive(String section, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("section " + section + ": " + field + " must be finite and > 0, was " + value);
        }
    }

    /** Segment length L/nseg (um). */
    public double segmentLengthUm() {
        return lengthUm / nseg;
    }

    /** The centre of segment {@code i} as a fraction of L. */
    public double segmentX(int i) {
        return (i + 0.5) / nseg;
    }

    /** The segment that contains x, NEURON's rule: floor(x * nseg), clamped to the last segment. */
    public int segmentAt(double x) {
        return segmentAt(x, nseg);
    }

    /** The segment of {@code nseg} that contains x (NEURON's node_index), for a section not built yet. */
    public static int segmentAt(double x, int nseg) {
        return Math.min(nseg - 1, Math.max(0, (int) (x * nseg)));
    }

    @Override
    public double[] cmUfPerCm2() {
        return cmUfPerCm2.clone();
    }

    @Override
    public double[] diamUm() {
        return diamUm.clone();
    }

    double diam(int segment) {
        return diamUm[segment];
    }

    double cm(int segment) {
        return cmUfPerCm2[segment];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Section s && name.equals(s.name) && lengthUm == s.lengthUm && nseg == s.nseg
                && raOhmCm == s.raOhmCm && Arrays.equals(cmUfPerCm2, s.cmUfPerCm2) && Arrays.equals(diamUm, s.diamUm)
                && parent == s.parent && parentX == s.parentX && Objects.equals(pt3d, s.pt3d);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(diamUm);
    }

    @Override
    public String toString() {
        return "Section[" + name + ", L=" + lengthUm + ", nseg=" + nseg + ", parent=" + parent + "(" + parentX + ")]";
    }
}
