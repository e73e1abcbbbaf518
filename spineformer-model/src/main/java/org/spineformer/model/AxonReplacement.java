package org.spineformer.model;

import java.util.List;
import org.spineformer.model.expr.Expression;

/**
 * Deletes the reconstructed axon ({@code delete}) and attaches a chain of stub sections: the first at
 * {@code attachTo}, each next one at the previous one's 1-end. The stubs are appended after every other section.
 *
 * <p>Published rules: Allen perisomatic and Hay 2011, two stubs L 30 um, diam 1 um, nseg 1 at soma(0.5) (Allen's
 * also get 3-D points from define_shape: {@code pt3d}); Migliore 2018 / BluePyOpt, two stubs L 30 um, nseg 5 at
 * soma[0](1) whose segment diameters are the first segment diameters of the original axon (from its 3-D points)
 * ({@link FromOriginal}).
 *
 * @param delete the sections deleted; null for none (a morphology without an axon still gets the stubs)
 * @param pt3d true when the model gives the stubs 3-D points (NEURON's define_shape); cylinders of the same
 *             diameter have the same areas and resistances, so today it only documents the model
 */
public record AxonReplacement(String source, Region delete, List<Stub> stubs, Location attachTo, boolean pt3d,
                              FromOriginal diametersFromOriginal) {
    public AxonReplacement {
        stubs = List.copyOf(stubs);
        if (stubs.isEmpty()) {
            throw new IllegalArgumentException(source + ": axon replacement needs at least one stub section");
        }
        for (Stub s : stubs) {
            if ((s.diamUm() == null) == (diametersFromOriginal == null)) {
                throw new IllegalArgumentException(source + ": stub " + s.name()
                        + " needs a diam unless the diameters come from the original axon, and then none");
            }
        }
    }

    /** A stub section: name, length, nseg and (unless taken from the original axon) its diameter. */
    public record Stub(String name, Expression lengthUm, Expression nseg, Expression diamUm) {
    }

    /**
     * BluePyOpt's replace_axon: walk the original axon sections in order, give each nseg = 1 + 2*int(L/chunk/2),
     * and collect their segment diameters (NEURON's, from the 3-D points) until there are as many as the stubs
     * have segments.
     */
    public record FromOriginal(Expression chunkUm) {
    }
}
