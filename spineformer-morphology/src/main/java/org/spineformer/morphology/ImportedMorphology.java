package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Pt3d;
import org.spineformer.engine.morph.Section;

/**
 * A morphology file read as NEURON 8.2's Import3d reads it ({@code Import3d_GUI.instantiate}): its sections in
 * NEURON's order (by type: soma, axon, dend, apic, then other types; within a type by index), each with its
 * parent, connection point and 3-D points. It becomes an engine {@link Morphology} once every section has an nseg,
 * Ra and cm ({@link #toMorphology}).
 *
 * @param source    the file's name
 * @param soma      how the file describes the soma and how it became {@code soma[0]}
 * @param sections  the sections in NEURON's order
 * @param warnings  what the import changed or skipped (removed one-point sections, skipped markers, ...)
 */
public record ImportedMorphology(String source, SomaKind soma, List<ImportedSection> sections, List<String> warnings) {

    /** How the soma is given in the file and how Import3d turns it into {@code soma[0]}. */
    public enum SomaKind {
        /** No soma points: the first section is not a soma. */
        NONE("no soma"),
        /** One SWC point of radius r: a 3-point cylinder along x with L = diam = 2r (the sphere's area). */
        SINGLE_POINT("single point (3-point cylinder, L = diam)"),
        /** NeuroMorpho's three-point soma (uniform diameter, length = diameter): treated as a single point. */
        THREE_POINT_SPHERE("three points, NeuroMorpho convention (3-point cylinder, L = diam)"),
        /** Two or more SWC soma points taken as a centreline. */
        POINTS("points along a centreline"),
        /** A Neurolucida CellBody contour: 21 points along its principal axis with its widths as diameters. */
        CONTOUR("contour (21 points along its principal axis)"),
        /** Neurolucida CellBody contours stacked in z: one point per contour (its centre and mean diameter). */
        CONTOUR_STACK("stack of contours (one point per contour: centre and mean diameter)"),
        /**
         * A hoc file ({@link HocMorphologyReader}): every section, the soma too, is what its code makes: the 3-D
         * points it adds, or L and diam it sets.
         */
        CODE("as the file's hoc code makes it (3-D points by pt3dadd, or L and diam)");

        private final String description;

        SomaKind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public ImportedMorphology {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** Index of the named section; a clear error if there is none. */
    public int indexOf(String name) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(source + ": no section named '" + name + "'");
    }

    /** The sections of one type (SWC numbering), in order. */
    public List<ImportedSection> ofType(int type) {
        return sections.stream().filter(s -> s.type() == type).toList();
    }

    /**
     * The engine morphology: every section with its 3-D points and the nseg, Ra (ohm cm) and cm (uF/cm2) the
     * functions give it. Sections keep their names; they are added in NEURON's order, except that a section whose
     * parent comes later in that order (possible when types change along a branch) is moved after it. A file
     * whose import has several root sections (trees without a soma to join them) is an error: a cell is one tree.
     */
    public Morphology toMorphology(ToIntFunction<ImportedSection> nseg, ToDoubleFunction<ImportedSection> raOhmCm,
                                   ToDoubleFunction<ImportedSection> cmUfPerCm2) {
        List<String> roots = sections.stream().filter(s -> s.parent() < 0).map(ImportedSection::name).toList();
        if (roots.size() > 1) {
            throw new IllegalArgumentException(source + ": " + roots.size() + " separate trees (root sections "
                    + roots + "), as NEURON imports them; a cell must be one tree");
        }
        Morphology m = new Morphology();
        int[] engineIndex = new int[sections.size()];
        Arrays.fill(engineIndex, -1);
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            List<Integer> later = new ArrayList<>();
            for (int i : pending) {
                ImportedSection s = sections.get(i);
                if (s.parent() >= 0 && engineIndex[s.parent()] < 0) {
                    later.add(i);
                    continue;
                }
                int n = nseg.applyAsInt(s);
                double ra = raOhmCm.applyAsDouble(s);
                double[] cm = Morphology.filled(n, cmUfPerCm2.applyAsDouble(s));
                int parent = s.parent() < 0 ? -1 : engineIndex[s.parent()];
                double parentX = s.parent() < 0 ? 0 : s.parentX();
                engineIndex[i] = m.add(s.points() != null
                        ? Section.withPoints(s.name(), s.points(), n, ra, cm, parent, parentX)
                        : new Section(s.name(), s.cylinder().lengthUm(), n, ra, cm,
                                Morphology.filled(n, s.cylinder().diamUm()), parent, parentX));
            }
            pending = later;
        }
        return m;
    }

    /**
     * The sections as NEURON's {@code define_shape} leaves them: each non-root section moved (parents first) so that
     * it starts where it is connected on its parent, the point at fraction parentX of the straight line from the
     * parent's first to last 3-D point (a wired section so that its wire starts there). The move is done in float
     * arithmetic and keeps the arc lengths, as {@code nrn_translate_shape} does, so segment geometry is unchanged;
     * only the coordinates differ from the import (e.g. a dendrite on a single-point soma whose sphere became a
     * cylinder, or a child of an interior soma point that is not wired). Sections without 3-D points (L and diam
     * set by hoc code) are an error: {@code define_shape} would give them points, which is not done here.
     */
    public ImportedMorphology afterDefineShape() {
        List<ImportedSection> out = new ArrayList<>(sections);
        boolean[] done = new boolean[sections.size()];
        int remaining = sections.size();
        while (remaining > 0) {
            for (int i = 0; i < out.size(); i++) {
                ImportedSection s = out.get(i);
                if (done[i] || (s.parent() >= 0 && !done[s.parent()])) {
                    continue;
                }
                if (s.parent() >= 0) {
                    out.set(i, movedTo(s, out.get(s.parent())));
                }
                done[i] = true;
                remaining--;
            }
        }
        return new ImportedMorphology(source, soma, out, warnings);
    }

    private ImportedSection movedTo(ImportedSection s, ImportedSection parentSection) {
        for (ImportedSection t : List.of(s, parentSection)) {
            if (t.points() == null) {
                throw new IllegalArgumentException(source + ": section " + t.name() + " has no 3-D points (L and "
                        + "diam set by code): define_shape would make some, which is not done here");
            }
        }
        Pt3d parent = parentSection.points();
        int last = parent.size() - 1;
        double a = s.parentX();
        // nrn_define_shape: float coordinates times a double fraction, the sum rounded to a float
        float x = (float) (parent.x(last) * a + parent.x(0) * (1 - a));
        float y = (float) (parent.y(last) * a + parent.y(0) * (1 - a));
        float z = (float) (parent.z(last) * a + parent.z(0) * (1 - a));
        Pt3d p = s.points();
        float fromX = s.wire() != null ? s.wire().x() : p.x(0);
        float fromY = s.wire() != null ? s.wire().y() : p.y(0);
        float fromZ = s.wire() != null ? s.wire().z() : p.z(0);
        ImportedSection.Wire wire = s.wire() != null ? new ImportedSection.Wire(x, y, z) : null;
        return new ImportedSection(s.name(), s.type(), s.parent(), s.parentX(),
                p.translated(x - fromX, y - fromY, z - fromZ), wire, null);
    }

    /**
     * The same morphology without the sections of one type (e.g. 2, the axon, before a model attaches its own stub,
     * as NEURON's {@code delete_section} leaves the others): names, order and connections of the rest unchanged.
     * A kept section whose parent would go is an error.
     */
    public ImportedMorphology withoutType(int type) {
        int[] newIndex = new int[sections.size()];
        List<ImportedSection> kept = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            newIndex[i] = sections.get(i).type() == type ? -1 : kept.size();
            if (newIndex[i] >= 0) {
                kept.add(sections.get(i));
            }
        }
        List<ImportedSection> out = new ArrayList<>();
        for (ImportedSection s : kept) {
            int parent = s.parent() < 0 ? -1 : newIndex[s.parent()];
            if (s.parent() >= 0 && parent < 0) {
                throw new IllegalArgumentException(source + ": cannot remove the sections of type " + type + ": "
                        + s.name() + " hangs from " + sections.get(s.parent()).name());
            }
            out.add(s.withParent(parent));
        }
        return new ImportedMorphology(source, soma, out, warnings);
    }
}
