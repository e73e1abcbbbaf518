package org.spineformer.engine.mech;

import java.util.Collection;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.Map;
import java.util.function.Consumer;

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

    /**
     * A new catalogue: this one's mechanisms with the given ones added, where one named like a mechanism here
     * replaces it (a compiled {@code NaTa_t} in place of the built-in, for the model that asked for it). Each
     * replacement is reported to {@code onReplace} before the catalogue is returned, so the console can say so;
     * this catalogue is left as it was. Two given mechanisms with one name are an error.
     */
    public Catalogue withReplacements(Collection<? extends Mechanism> mechanisms, Consumer<Mechanism> onReplace) {
        Catalogue c = new Catalogue();
        c.byName.putAll(byName);
        Map<String, Mechanism> given = new TreeMap<>();
        for (Mechanism m : mechanisms) {
            Mechanism twin = given.putIfAbsent(m.name(), m);
            if (twin != null) {
                throw new IllegalArgumentException("two replacement mechanisms are named " + m.name());
            }
        }
        for (Mechanism m : given.values()) {
            if (c.byName.put(m.name(), m) != null) {
                onReplace.accept(m);
            }
        }
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

    /** All mechanisms, sorted by name. */
    public Collection<Mechanism> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
