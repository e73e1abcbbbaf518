package org.spineformer.morphology;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spineformer.engine.morph.Pt3d;

/**
 * NEURON 8.2's {@code Import3d_GUI.instantiate} (share/lib/hoc/import3d/import3d_gui.hoc) on a reader's
 * sections: removes one-point and zero-length two-point sections ({@code chk_valid}), names sections by type in
 * list order ({@code set_nameindex}), orders them as NEURON creates them (by type, then index), turns a soma contour
 * into its centreline ({@code contour2centroid}) and a single-point soma into a 3-point cylinder
 * ({@code sphere_rep}), and stores the points as {@code pt3dadd} does after hoc printed them with {@code %.8g} (or, for
 * a Python target object, as passed: {@link ImportTarget}).
 */
final class Import3dInstantiate {
    /** instantiate() prints every coordinate and diameter with {@code %.8g} before {@code pt3dadd} reads it back. */
    private static final MathContext PRINTED = new MathContext(8, RoundingMode.HALF_EVEN);

    private Import3dInstantiate() {
    }

    static ImportedMorphology instantiate(String source, ImportedMorphology.SomaKind soma,
                                          List<Import3dSection> read, int minType, List<String> warnings,
                                          ImportTarget target) {
        List<Import3dSection> sections = new ArrayList<>(read);
        removeDegenerate(source, sections, warnings);
        sections.removeIf(s -> s.subsidiary); // a stacked contour is part of its soma's section

        int maxType = minType;
        for (Import3dSection s : sections) {
            maxType = Math.max(maxType, s.type);
        }
        List<Import3dSection> ordered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int type = minType; type <= maxType; type++) {
            int index = 0;
            for (Import3dSection s : sections) {
                if (s.type == type) {
                    ordered.add(s);
                    names.add(ImportedSection.typeName(type) + "[" + index++ + "]");
                }
            }
        }
        List<ImportedSection> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Import3dSection s = ordered.get(i);
            int parent = s.parent == null ? -1 : ordered.indexOf(s.parent);
            out.add(new ImportedSection(names.get(i), s.type, parent, parent < 0 ? 0 : s.parentX,
                    points(source, s, target), wire(s, target)));
        }
        return new ImportedMorphology(source, soma, out, warnings);
    }

    /**
     * {@code chk_valid}: a non-root section with one point of its own, or two coinciding ones, is removed and its
     * children take its parent and connection point.
     */
    private static void removeDegenerate(String source, List<Import3dSection> sections, List<String> warnings) {
        for (int i = sections.size() - 1; i >= 0; i--) {
            Import3dSection s = sections.get(i);
            if (s.parent == null) {
                continue;
            }
            int own = s.size() - s.first;
            boolean onePoint = own <= 1;
            boolean zeroLength = own == 2 && same(s, s.first, s.first + 1);
            if (onePoint || zeroLength) {
                warnings.add((onePoint ? "one-point" : "zero-length two-point") + " section starting at line " + s.line
                        + " removed, as NEURON's Import3d does");
                sections.remove(i);
                for (int k = i; k < sections.size(); k++) {
                    if (sections.get(k).parent == s) {
                        sections.get(k).parent = s.parent;
                        sections.get(k).parentX = s.parentX;
                    }
                }
            }
        }
    }

    /** Two points at the same place ({@code raw.getcol(a).eq(raw.getcol(b))}: x, y, z, not the diameter). */
    private static boolean same(Import3dSection s, int a, int b) {
        return HocCompare.eq(s.x[a], s.x[b]) && HocCompare.eq(s.y[a], s.y[b]) && HocCompare.eq(s.z[a], s.z[b]);
    }

    /** {@code pt3dstyle(1, x, y, z)} for a section whose first point is skipped: that point, as passed, as floats. */
    private static ImportedSection.Wire wire(Import3dSection s, ImportTarget target) {
        if (s.first != 1) {
            return null;
        }
        return new ImportedSection.Wire((float) passed(s.x[0], target), (float) passed(s.y[0], target),
                (float) passed(s.z[0], target));
    }

    /** The section's points from {@code first} on, as {@code pt3dadd} receives them. */
    private static Pt3d points(String source, Import3dSection s, ImportTarget target) {
        double[][] p = {
            Arrays.copyOfRange(s.x, s.first, s.size()),
            Arrays.copyOfRange(s.y, s.first, s.size()),
            Arrays.copyOfRange(s.z, s.first, s.size()),
            Arrays.copyOfRange(s.d, s.first, s.size())};
        if (s.contour) {
            p = s.stack.isEmpty() ? ContourCentroid.centreline(p[0], p[1], p[2])
                    : ContourCentroid.stackCentreline(AscReader.outlines(s));
        }
        if (p[3].length == 1) {
            p = sphereAsCylinder(p[0][0], p[1][0], p[2][0], p[3][0]);
        }
        for (double[] column : p) {
            for (int i = 0; i < column.length; i++) {
                column[i] = passed(column[i], target);
            }
        }
        if (allAtOnePlace(p)) {
            // chk_valid removes only two-point sections of zero length; NEURON keeps this one with L = 1e-9 um and
            // a degenerate segment (an area from the diameter steps alone)
            throw new MorphologyFileException(source, s.line, "the " + p[0].length + " points of the section starting"
                    + " here all lie at (" + (float) p[0][0] + ", " + (float) p[1][0] + ", " + (float) p[2][0]
                    + "): a section of zero length"
                    + " (NEURON keeps it with L = 1e-9 um and a degenerate geometry), not supported");
        }
        return Pt3d.of(p[0], p[1], p[2], p[3]);
    }

    /** Whether the points, stored as floats, all coincide: a section of zero length. */
    private static boolean allAtOnePlace(double[][] p) {
        for (int i = 1; i < p[0].length; i++) {
            for (int k = 0; k < 3; k++) {
                if ((float) p[k][i] != (float) p[k][0]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code sphere_rep}: a point of diameter d becomes three points along x, d/2 either side, all diameter d. */
    private static double[][] sphereAsCylinder(double x, double y, double z, double d) {
        return new double[][] {{x - d / 2, x, x + d / 2}, {y, y, y}, {z, z, z}, {d, d, d}};
    }

    /** A value as it reaches {@code pt3dadd}: through hoc's {@code %.8g}, or unchanged from Python. */
    private static double passed(double v, ImportTarget target) {
        return target == ImportTarget.HOC ? printed(v) : v;
    }

    /** A value as hoc's {@code sprint("%.8g")} prints it and {@code pt3dadd} parses it back. */
    static double printed(double v) {
        return v == 0 ? v : new BigDecimal(v).round(PRINTED).doubleValue(); // keeps -0, printed "-0"
    }
}
