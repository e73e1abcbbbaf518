package org.spineformer.engine.mech;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mechanisms by name. {@link #discover()} finds every {@link Mechanism} on the class path through
 * {@link ServiceLoader} ({@code META-INF/services/org.spineformer.engine.mech.Mechanism}), so the engine never names
 * a mechanism itself.
 *
 * <p>A catalogue also keeps the order its mechanisms were registered in, NEURON's registration order of mechanism
 * types ({@link #rank}): {@link #discover()} registers the built-ins by {@link Mechanism#neuronType()}, and
 * mechanisms registered or added later come after them in the order given (a folder of mod files in nrnivmodl's
 * order). A model runs its blocks in NEURON's type order made from these ranks ({@link TypeOrder}).
 */
public final class Catalogue {
    private final Map<String, Mechanism> byName = new TreeMap<>();
    /** The names in registration order. */
    private final List<String> registered = new ArrayList<>();

    /** Every mechanism registered on the class path, in the order of their {@link Mechanism#neuronType()}. */
    public static Catalogue discover() {
        List<Mechanism> found = new ArrayList<>();
        ServiceLoader.load(Mechanism.class).forEach(found::add);
        // the class path's order is not NEURON's: ties (none among the built-ins) by name
        found.sort(Comparator.comparingInt(Mechanism::neuronType).thenComparing(Mechanism::name));
        Catalogue c = new Catalogue();
        found.forEach(c::register);
        return c;
    }

    /** Adds a mechanism after those registered so far (again: no change). */
    public Catalogue register(Mechanism m) {
        Mechanism previous = byName.putIfAbsent(m.name(), m);
        if (previous != null && previous.getClass() != m.getClass()) {
            throw new IllegalStateException("two mechanisms are named " + m.name() + ": "
                    + previous.getClass().getName() + " and " + m.getClass().getName());
        }
        if (previous == null) {
            registered.add(m.name());
        }
        return this;
    }

    /**
     * A new catalogue: this one's mechanisms with the given ones added after them in the given order, where one named
     * like a mechanism here replaces it (a compiled {@code NaTa_t} in place of the built-in, for the model that asked
     * for it) and takes its place in the registration order among the given ones, as NEURON registers a mod file
     * with its folder. Each replacement is reported to {@code onReplace} before the catalogue is returned, so the
     * console can say so; this catalogue is left as it was. Two given mechanisms with one name are an error.
     */
    public Catalogue withReplacements(Collection<? extends Mechanism> mechanisms, Consumer<Mechanism> onReplace) {
        Catalogue c = new Catalogue();
        c.byName.putAll(byName);
        c.registered.addAll(registered);
        Map<String, Mechanism> given = new LinkedHashMap<>();
        for (Mechanism m : mechanisms) {
            Mechanism twin = given.putIfAbsent(m.name(), m);
            if (twin != null) {
                throw new IllegalArgumentException("two replacement mechanisms are named " + m.name());
            }
        }
        List<Mechanism> replaced = new ArrayList<>();
        for (Mechanism m : given.values()) {
            if (c.byName.put(m.name(), m) != null) {
                c.registered.remove(m.name());
                replaced.add(m);
            }
            c.registered.add(m.name());
        }
        // reported by name, as before the registration order was kept
        replaced.sort(Comparator.comparing(Mechanism::name));
        replaced.forEach(onReplace);
        return c;
    }

    public Mechanism get(String name) {
        Mechanism m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown mechanism '" + name + "'; known: " + byName.keySet());
        }
        return m;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The mechanism's place in the registration order (0 for the first registered), NEURON's type number up to a
     * monotone renumbering.
     */
    public int rank(String name) {
        get(name);
        return registered.indexOf(name);
    }

    /** All mechanisms, sorted by name. */
    public Collection<Mechanism> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
