package org.spineformer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.model.expr.Expression;

/**
 * Deletes the reconstructed axon ({@code delete}) and attaches stub sections: the first at {@code attachTo}, each
 * next one at the previous one's 1-end unless it names its own parent (an earlier stub or a kept section) and
 * connection point. The stubs are appended after every other section.
 * Without stubs (and then without {@code attachTo}) it only deletes: the passive models of Eyal et al. 2016 (ModelDB
 * 195667, their {@code delete_axon()}) drop the axon and add none.
 *
 * <p>Published rules: Allen perisomatic and Hay 2011, two stubs L 30 um, diam 1 um, nseg 1 at soma(0.5) (Allen's
 * also get 3-D points from define_shape: {@code pt3d}); Migliore 2018 / BluePyOpt, two stubs L 30 um, nseg 5 at
 * soma[0](1) whose segment diameters are the first segment diameters of the original axon (from its 3-D points)
 * ({@link FromOriginal.Chunked}); Allen all-active (bmtk's {@code aibs_allactive}), two stubs L 30 um, nseg 1 at
 * soma[0](1) with the diameters of the original axon's first and last sections ({@link FromOriginal.FirstAndLast}),
 * given 3-D points by define_shape; Mainen and Sejnowski 1996 (ModelDB 2488, its {@code create_axon}), a hillock
 * tapering from 4 to 1 times the initial segment's diameter, the initial segment, then myelin and nodes of Ranvier
 * five times, the initial segment's diameter a tenth of the soma's equivalent sphere's ({@code areas}).
 *
 * @param delete the sections deleted; null for none (a morphology without an axon still gets the stubs)
 * @param attachTo where the first stub is attached; null exactly when there are no stubs
 * @param pt3d true when the model gives the stubs 3-D points (NEURON's define_shape): NEURON stores a 3-D point's
 *             diameter in single precision and computes the segments' diameters from the points again, so each
 *             stub's diameter becomes the nearest float (exact for 1 um)
 * @param areas names the stubs' expressions may read, each the membrane area (um2) of a section of the cell after
 *              the nseg rules and the deletion: the whole section's (hoc's {@code for (x, 0) sum += area(x)}) or one
 *              segment's ({@code area(x)})
 */
public record AxonReplacement(String source, Region delete, List<Stub> stubs, Location attachTo, boolean pt3d,
                              FromOriginal diametersFromOriginal, Map<String, AreaOf> areas) {
    /**
     * The membrane area of section {@code section}: all of it when {@code x} is null, else of its segment holding
     * x (hoc's {@code area(x)}: Almog and Korngreen 2014's {@code a_soma area(.5)}).
     */
    public record AreaOf(String section, Double x) {
        public AreaOf {
            if (x != null && !(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("area of " + section + ": x must be in [0, 1], was " + x);
            }
        }
    }

    public AxonReplacement {
        stubs = List.copyOf(stubs);
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        if (stubs.isEmpty() && !areas.isEmpty()) {
            throw new IllegalArgumentException(source + "/areas: only stub sections read areas, and there are none");
        }
        if (stubs.isEmpty() != (attachTo == null)) {
            throw new IllegalArgumentException(source + (attachTo == null
                    ? ": stub sections need \"attach_to\", where the first one is attached"
                    : "/attach_to: there are no stub sections to attach (to delete the axon only, leave both out)"));
        }
        if (stubs.isEmpty() && (pt3d || diametersFromOriginal != null)) {
            throw new IllegalArgumentException(source + ": \"pt3d\" and \"diameters_from_original\" describe stub"
                    + " sections, and there are none");
        }
        if (!stubs.isEmpty() && stubs.get(0).parent() != null) {
            throw new IllegalArgumentException(stubs.get(0).source() + "/parent: the first stub is attached at "
                    + "\"attach_to\"");
        }
        for (Stub s : stubs) {
            if ((s.diameter() == null) == (diametersFromOriginal == null)) {
                throw new IllegalArgumentException(source + ": stub " + s.name()
                        + " needs a diam unless the diameters come from the original axon, and then none");
            }
        }
        if (diametersFromOriginal instanceof FromOriginal.FirstAndLast && stubs.size() != 2) {
            throw new IllegalArgumentException(source + ": diameters from the original axon's first and last "
                    + "sections need two stubs, not " + stubs.size());
        }
    }

    /**
     * A stub section: name, length, nseg and (unless taken from the original axon) its diameters, any form of an
     * inline section's but a formula of distance; {@code parent} null attaches it at the previous stub's 1-end (the
     * first at {@code attachTo}), else at {@code parent(parentX)}; {@code source} names it in errors (the file and
     * JSON pointer).
     */
    public record Stub(String source, String name, Expression lengthUm, Expression nseg, Diameter diameter,
                       String parent, double parentX) {
        /** A stub at the previous stub's 1-end (the first at {@code attachTo}). */
        public Stub(String source, String name, Expression lengthUm, Expression nseg, Diameter diameter) {
            this(source, name, lengthUm, nseg, diameter, null, 1);
        }

        public Stub {
            if (!(parentX >= 0 && parentX <= 1)) {
                throw new IllegalArgumentException("stub " + name + ": parent_x must be in [0, 1], was " + parentX);
            }
            if (diameter instanceof Diameter.Formula) {
                throw new IllegalArgumentException("stub " + name + ": a diameter formula of distance is for inline"
                        + " sections (a stub's distances are not known when it is made)");
            }
        }
    }

    /** Stub diameters taken from the original axon's 3-D points (NEURON's segment diameters). */
    public sealed interface FromOriginal {
        /**
         * BluePyOpt's replace_axon: walk the original axon sections in order, give each nseg = 1 + 2*int(L/chunk/2),
         * and collect their segment diameters until there are as many as the stubs have segments.
         */
        record Chunked(Expression chunkUm) implements FromOriginal {
        }

        /**
         * bmtk's all-active fix_axon: two stubs, the first with the diameter of the first original axon section,
         * the second with that of the last one (in section order), each section as one segment (the recipe reads
         * them before it sets nseg).
         */
        record FirstAndLast() implements FromOriginal {
        }
    }
}
