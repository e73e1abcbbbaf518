package org.spineformer.nmodl.gen;

import java.util.Map;
import java.util.WeakHashMap;
import org.spineformer.engine.mech.CellState;

/**
 * The state scopmath's adrunge() keeps in static variables (adrunge.c: the step size {@code h}, the count of steps
 * {@code steps} and {@code initialized}, the {@code _ninits} it last started from): one for the whole NEURON
 * process, so every instance of every mechanism integrated by adrunge continues from the step size and count the
 * previous one left. Here one per simulation ({@link CellState}), shared by its generated blocks (each takes it in
 * attach), so that simulations run side by side do not meet. Public for the generated classes only.
 */
public final class AdaptiveRunge {
    private static final Map<CellState, AdaptiveRunge> BY_STATE = new WeakHashMap<>();

    /** adrunge.c's {@code initialized}: the {@code _ninits} of the mechanism whose call last restarted it. */
    public int initialized;
    /** adrunge.c's {@code steps}: integration steps since the restart (the step size is recomputed every ten). */
    public int steps;
    /** adrunge.c's {@code h}: the step size (ms). */
    public double h;

    private AdaptiveRunge() {
    }

    /** The simulation's adrunge state, made at its first request. */
    public static AdaptiveRunge of(CellState s) {
        synchronized (BY_STATE) {
            return BY_STATE.computeIfAbsent(s, k -> new AdaptiveRunge());
        }
    }
}
