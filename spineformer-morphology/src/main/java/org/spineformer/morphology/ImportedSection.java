package org.spineformer.morphology;

import org.spineformer.engine.morph.Pt3d;

/**
 * One section of an imported morphology, as NEURON's Import3d creates it.
 *
 * @param name     NEURON's name: {@code soma[0]}, {@code axon[i]}, {@code dend[i]}, {@code apic[i]}, for other SWC
 *                 types {@code dend_T[i]} (T > 4) or {@code minus_T[i]} (T < 0)
 * @param type     the SWC type (1 soma, 2 axon, 3 dend, 4 apic; ASC: CellBody 1, Axon 2, Dendrite 3, Apical 4)
 * @param parent   index of the parent section in {@link ImportedMorphology#sections()}, or -1 for the root
 * @param parentX  where the section's 0-end is connected on its parent (0..1; 0 for the root)
 * @param points   the 3-D points as NEURON stores them (single-precision values, double arc lengths); null for a
 *                 section given by L and diam alone
 * @param wire     for a section connected "by a wire" (its 0-end drawn away from its parent), the point the wire
 *                 leaves from, as NEURON's {@code pt3dstyle(1, x, y, z)} stores it; null otherwise
 * @param cylinder for a section without 3-D points, the L and diam hoc code set (NEURON's stylized section); null
 *                 for a section of points
 */
public record ImportedSection(String name, int type, int parent, double parentX, Pt3d points, Wire wire,
                              Cylinder cylinder) {

    /**
     * A section without 3-D points: one cylinder of diameter {@code diamUm} along {@code lengthUm}, the values hoc
     * code assigned to L and diam (each segment a cylinder of that diameter, as in NEURON).
     */
    public record Cylinder(double lengthUm, double diamUm) {
    }

    public ImportedSection {
        if ((points == null) == (cylinder == null)) {
            throw new IllegalArgumentException("section " + name + ": give either 3-D points or L and diam");
        }
    }

    /** A section of 3-D points. */
    public ImportedSection(String name, int type, int parent, double parentX, Pt3d points, Wire wire) {
        this(name, type, parent, parentX, points, wire, null);
    }

    /** The 3-D point a wired section's wire leaves from (NEURON's logical connection point, floats). */
    public record Wire(float x, float y, float z) {
    }

    /** L (um): the last arc length of the points, or the cylinder's. */
    public double lengthUm() {
        return points != null ? points.lengthUm() : cylinder.lengthUm();
    }

    /** The same section hanging from another parent index. */
    ImportedSection withParent(int newParent) {
        return new ImportedSection(name, type, newParent, parentX, points, wire, cylinder);
    }

    /** NEURON's section list for this type: somatic, axonal, basal, apical, dendritic_T or minus_Tset. */
    public String sectionList() {
        return switch (type) {
            case 1 -> "somatic";
            case 2 -> "axonal";
            case 3 -> "basal";
            case 4 -> "apical";
            default -> type < 0 ? "minus_" + -type + "set" : "dendritic_" + type;
        };
    }

    /** The name prefix NEURON gives sections of an SWC type. */
    static String typeName(int type) {
        return switch (type) {
            case 1 -> "soma";
            case 2 -> "axon";
            case 3 -> "dend";
            case 4 -> "apic";
            default -> type < 0 ? "minus_" + -type : "dend_" + type;
        };
    }
}
