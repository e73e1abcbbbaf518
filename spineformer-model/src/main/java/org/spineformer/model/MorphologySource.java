package org.spineformer.model;

import java.util.List;

/** Where a description's sections come from. */
public sealed interface MorphologySource {
    /**
     * A reconstructed morphology file (SWC or Neurolucida ASC), relative to the description file. Reading it needs
     * the morphology readers of issue 16 part A; until then an assembled morphology is passed in by the caller.
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
