package org.spineformer.nmodl.compare;

import java.nio.file.Path;
import java.util.List;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.ast.NeuronStmt;

/**
 * What {@code nmodl compare} needs to know of a mod file that compiles: its mechanism's name, whether it is a point
 * process (POINT_PROCESS or ARTIFICIAL_CELL: NEURON makes both an object placed at a segment) with a NET_RECEIVE
 * block, and the ions it uses, whose variables are recorded too.
 */
public record ComparedMechanism(Path file, String name, boolean pointProcess, boolean netReceive,
                                List<String> ions) {

    /** The mechanism of a parsed mod file. */
    public static ComparedMechanism of(Path file, ModFile mod) {
        NeuronStmt.Suffix suffix = mod.neuron().filter(NeuronStmt.Suffix.class::isInstance)
                .map(NeuronStmt.Suffix.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file
                        + ": no SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL"));
        boolean netReceive = mod.blocks("NET_RECEIVE").findAny().isPresent();
        List<String> ions = mod.neuron().filter(NeuronStmt.UseIon.class::isInstance)
                .map(s -> ((NeuronStmt.UseIon) s).ion()).distinct().toList();
        return new ComparedMechanism(file, suffix.name(), !suffix.keyword().equals("SUFFIX"), netReceive, ions);
    }

    /** The runs made of it. */
    public List<CompareProtocol> protocols() {
        return CompareProtocol.of(this);
    }
}
