package org.spineformer.nmodl.ast;

import java.util.List;

/** A statement of the NEURON block. */
public sealed interface NeuronStmt {
    Pos pos();

    /** {@code SUFFIX name}, {@code POINT_PROCESS name} or {@code ARTIFICIAL_CELL name}. */
    record Suffix(Pos pos, String keyword, String name) implements NeuronStmt {
    }

    /** {@code USEION ion READ ... WRITE ... VALENCE z REPRESENTS id}; valence NaN when not given. */
    record UseIon(Pos pos, String ion, List<String> read, List<String> write, double valence, String represents)
            implements NeuronStmt {
    }

    /**
     * A keyword with a list of names: RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT, SECTION, POINTER,
     * BBCOREPOINTER, EXTERNAL, THREADSAFE.
     */
    record Names(Pos pos, String keyword, List<String> names) implements NeuronStmt {
    }

    /** {@code REPRESENTS id} (an ontology annotation). */
    record Represents(Pos pos, String id) implements NeuronStmt {
    }
}
