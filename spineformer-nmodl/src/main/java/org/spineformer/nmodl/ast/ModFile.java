package org.spineformer.nmodl.ast;

import java.util.List;
import java.util.stream.Stream;

/** A parsed mod file: its name (for messages) and its top-level items in order. */
public record ModFile(String file, List<Item> items) {

    /** The top-level blocks of statements with this keyword (INITIAL, DERIVATIVE, FUNCTION ...). */
    public Stream<Item.Block> blocks(String keyword) {
        return items.stream().filter(i -> i instanceof Item.Block b && b.keyword().equals(keyword))
                .map(Item.Block.class::cast);
    }

    /** The declarations of every block with this keyword (PARAMETER, ASSIGNED, STATE ...). */
    public Stream<Decl> declarations(String keyword) {
        return items.stream().filter(i -> i instanceof Item.Declarations d && d.keyword().equals(keyword))
                .flatMap(i -> ((Item.Declarations) i).declarations().stream());
    }

    /** Every statement of the NEURON blocks. */
    public Stream<NeuronStmt> neuron() {
        return items.stream().filter(Item.Neuron.class::isInstance)
                .flatMap(i -> ((Item.Neuron) i).statements().stream());
    }
}
