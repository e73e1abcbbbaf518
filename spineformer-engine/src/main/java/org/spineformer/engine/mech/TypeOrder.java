package org.spineformer.engine.mech;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * NEURON 8.2.2's mechanism type order: the order in which nrn_cur, nrn_jacob, nrn_state, finitialize's INITIAL blocks
 * and the BEFORE/AFTER blocks visit the mechanisms of a model (multicore.cpp's list of types in {@code memb_order_}).
 * NEURON numbers types as it registers them; init.cpp's {@code nrn_writes_conc} then moves each ion and each
 * mechanism that writes a concentration to the place after the types below {@link Mechanism#FIRST_ION_TYPE}
 * (capacitance, pas, extracellular), ions in front: so the order is those first types, the ions, the concentration
 * writers in reverse order of registration, then every other type as registered. The engine resets the ions before
 * any block's current phase (the first types read no ion), so a model's blocks go: {@code neuronType() <
 * FIRST_ION_TYPE} by rank, the concentration writers by rank from the last, the rest by rank, the ranks being the
 * {@link Catalogue}'s registration order.
 */
public final class TypeOrder {
    private TypeOrder() {
    }

    /** The mechanisms, each registered in {@code catalogue}, in NEURON's type order. */
    public static List<Mechanism> of(Collection<Mechanism> mechanisms, Catalogue catalogue) {
        Comparator<Mechanism> byRank = Comparator.comparingInt(m -> catalogue.rank(m.name()));
        List<Mechanism> first = new ArrayList<>();
        List<Mechanism> writers = new ArrayList<>();
        List<Mechanism> rest = new ArrayList<>();
        for (Mechanism m : mechanisms) {
            if (m.neuronType() < Mechanism.FIRST_ION_TYPE) {
                first.add(m);
            } else if (m.writesIonConcentration()) {
                writers.add(m);
            } else {
                rest.add(m);
            }
        }
        first.sort(byRank);
        writers.sort(byRank.reversed());
        rest.sort(byRank);
        List<Mechanism> order = new ArrayList<>(first);
        order.addAll(writers);
        order.addAll(rest);
        return order;
    }
}
