package org.spineformer.engine.mech;

import java.util.Collection;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Map;

/**
 * Mechanisms by name. {@link #discover()} finds every {@link Mechanism} on the class path through
 * {@link ServiceLoader} ({@code META-INF/services/org.spineformer.engine.mech.Mechanism}), so the engine never names
 * a mechanism itself.
 */
public final class Catalogue {
    private final Map<String, Mechanism> byName = new TreeMap<>();

    /** Every mechanism registered on the class path. */
    public static Catalogue discover() {
        Catalogue c = new Catalogue();
        for (Mechanism m : ServiceLoader.load(Mechanism.class)) {
            c.register(m);
        }
        return c;
    }

    public Catalogue register(Mechanism m) {
        Mechanism previous = byName.putIfAbsent(m.name(), m);
        if (previous != null && previous.getClass() != m.getClass()) {
            throw new IllegalStateException("two mechanisms are named " + m.name() + ": "
                    + previous.getClass().getName() + " and " + m.getClass().getName());
        }
        return this;
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

    /** All mechanisms, sorted by name. */
    public Collection<Mechanism> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
