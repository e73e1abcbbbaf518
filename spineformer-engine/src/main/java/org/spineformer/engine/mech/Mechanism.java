package org.spineformer.engine.mech;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A kind of mechanism (a channel, a synapse, a calcium pool, an electrode), registered in a {@link Catalogue}
 * under its NEURON name. It is stateless: the instances of one simulation live in one {@link MechanismBlock}.
 */
public interface Mechanism {

    /** Where a mechanism sits and how its current enters the cell. */
    enum Kind {
        /** Distributed over a section's segments; current in mA/cm2. */
        DENSITY,
        /** At one location; membrane current in nA (outward positive); may receive events. */
        POINT_PROCESS,
        /** At one location; current in nA injected into the cell (positive depolarises). */
        ELECTRODE
    }

    /**
     * {@link #neuronType()} of a mechanism that does not stand for one of NEURON's types at a fixed place (every
     * compiled mod file: a {@link Catalogue} ranks it where it is registered).
     */
    int UNPLACED = Integer.MAX_VALUE;

    /**
     * NEURON 8.2.2's types below this one (the capacitance, pas, extracellular) come before the ions in its
     * mechanism type order; the ions and the mechanisms that write a concentration are placed from here on
     * (init.cpp's {@code nrn_writes_conc}, {@code lastion = EXTRACELL + 1}).
     */
    int FIRST_ION_TYPE = 6;

    /** The name in the catalogue, NEURON's SUFFIX or POINT_PROCESS name. */
    String name();

    /**
     * The type number NEURON 8.2.2 gives the mechanism this one stands for, which orders the built-ins of
     * {@link Catalogue#discover()} as NEURON registers them: NEURON's own mechanisms their built-in type (pas 4,
     * IClamp 7, SEClamp 11), the hand-written ports of the paper's mod files the type NEURON gives their files with
     * the paper's mod folder compiled (nrnivmodl registers a folder's files in file name order, after the
     * built-ins); {@link #UNPLACED} by default. Only the order of these numbers matters (docs/dev/nmodl.md,
     * "NEURON's mechanism type order within a node").
     */
    default int neuronType() {
        return UNPLACED;
    }

    Kind kind();

    /** Every field: parameters first, then states and assigned variables. */
    List<FieldSpec> fields();

    /** One line for the catalogue listing. */
    String description();

    /**
     * True for mechanisms that write an ion concentration (NMODL {@code WRITE cai}); NEURON advances their
     * states before every other mechanism's, so the others read the updated concentration.
     */
    default boolean writesIonConcentration() {
        return false;
    }

    /**
     * The ions whose reversal potential this mechanism reads from the node's {@link Ion} (NMODL
     * {@code USEION na READ ena}: "na"), rather than taking it as a parameter as the hand-written ones do: a model
     * sets those through {@code ModelBuilder.setReversalPotential}.
     */
    default Set<String> reversalPotentialsRead() {
        return Set.of();
    }

    /**
     * The ions whose total current this mechanism reads from the node's {@link Ion} (NMODL {@code USEION k READ ik}:
     * "k"). A simulation whose mechanisms read none spares the hand-written blocks adding theirs
     * ({@link IonCurrentSum}).
     */
    default Set<String> ionCurrentsRead() {
        return Set.of();
    }

    /** A block of instances at the given nodes for one trial, every field at its default. */
    MechanismBlock newBlock(int[] nodes);

    /**
     * A block of instances at the given nodes for {@code lanes} trials in lanes ({@link MechanismBlock}), every
     * field at its default. A mechanism whose kernels run lanes overrides this; the default makes a block of one
     * trial and refuses more, so that a model never runs a mechanism in lanes it was not written for.
     */
    default MechanismBlock newBlock(int[] nodes, int lanes) {
        if (lanes != 1) {
            throw new UnsupportedOperationException(name() + " does not run several trials in lanes yet");
        }
        return newBlock(nodes);
    }

    /**
     * Checks that a model may set the named field before the run ({@link FieldSpec#settable}): a clear error
     * otherwise, naming the mechanism and the field (none of that name: with the names that can be set; one that
     * cannot be set: why).
     */
    default void requireSettable(String fieldName) {
        for (FieldSpec f : fields()) {
            if (f.name().equals(fieldName)) {
                f.requireSettable(name());
                return;
            }
        }
        SortedSet<String> settable = new TreeSet<>();
        fields().stream().filter(FieldSpec::settable).forEach(f -> settable.add(f.name()));
        throw new IllegalArgumentException("mechanism " + name() + " has no parameter '" + fieldName
                + "'; its parameters: " + settable);
    }

    /** The field with this name; a clear error naming the mechanism when there is none. */
    default FieldSpec field(String fieldName) {
        for (FieldSpec f : fields()) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("mechanism " + name() + " has no field '" + fieldName + "'");
    }
}
