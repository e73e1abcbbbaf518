package org.spineformer.model;

import java.util.ArrayList;
import java.util.List;

/** Where a description's sections come from. */
public sealed interface MorphologySource {
    /**
     * A reconstructed morphology file (SWC or Neurolucida ASC), read as NEURON's Import3d reads it. A description
     * read from a file holds the path resolved against the file's directory; a bundled description holds it as
     * written (resolved by {@link CellDescription#withMorphologyDirectory}, else against the working directory).
     * {@code then}: hoc files run after it, in order, as a model's {@code xopen} of each (a cell made by several
     * files: Golding et al. 2001's dendrites, then their axon); empty for one file.
     */
    record File(String path, List<String> then) implements MorphologySource {
        public File {
            then = List.copyOf(then);
        }

        public File(String path) {
            this(path, List.of());
        }

        /** Every file, in the order they are read. */
        public List<String> paths() {
            List<String> all = new ArrayList<>();
            all.add(path);
            all.addAll(then);
            return all;
        }
    }

    /** Sections given in the description itself, in order (a parent precedes its children). */
    record Inline(List<SectionSpec> sections) implements MorphologySource {
        public Inline {
            sections = List.copyOf(sections);
        }
    }
}
