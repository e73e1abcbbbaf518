package org.spineformer.model;

import java.util.List;

/** Where a description's sections come from. */
public sealed interface MorphologySource {
    /**
     * A reconstructed morphology file (SWC or Neurolucida ASC), read as NEURON's Import3d reads it. A description
     * read from a file holds the path resolved against the file's directory; a bundled description holds it as
     * written (resolved by {@link CellDescription#withMorphologyDirectory}, else against the working directory).
     */
    record File(String path) implements MorphologySource {
    }

    /** Sections given in the description itself, in order (a parent precedes its children). */
    record Inline(List<SectionSpec> sections) implements MorphologySource {
        public Inline {
            sections = List.copyOf(sections);
        }
    }
}
