package org.spineformer.engine;

import java.util.Locale;

/**
 * The simulation blew up: a voltage or mechanism state became NaN or infinite. Thrown by {@link Simulation} at the
 * first check that sees it (checks run at initialization, every {@link Simulation#FINITE_CHECK_MS} ms of simulated
 * time and at the end of a run), so the time is when it was seen, at most that much after it happened.
 */
public final class NonFiniteStateException extends RuntimeException {
    private final double timeMs;
    private final String location;
    private final String mechanism;
    private final int lane;

    /**
     * @param timeMs    the simulated time of the check that saw it (ms)
     * @param location  the node, as NEURON names it: {@code section(x)}
     * @param what      what was not finite there, e.g. {@code v = NaN mV}
     * @param mechanism the first mechanism with a non-finite state at that node, {@code name.field}; null if none
     * @param lane      the trial's lane when the simulation runs several, -1 when it runs one
     */
    NonFiniteStateException(double timeMs, String location, String what, String mechanism, int lane) {
        super(String.format(Locale.ROOT, "the simulation blew up%s: %s at %s by t = %.3f ms%s; check v_init, dt, "
                        + "celsius and the mechanisms' parameters", lane < 0 ? "" : " in lane " + lane, what, location,
                timeMs,
                mechanism == null || what.startsWith(mechanism + " ") ? ""
                        : " (first non-finite state there: " + mechanism + ")"));
        this.timeMs = timeMs;
        this.location = location;
        this.mechanism = mechanism;
        this.lane = lane;
    }

    /** The lane (trial) that blew up when the simulation runs several, -1 when it runs one. */
    public int lane() {
        return lane;
    }

    /** The simulated time of the check that saw it (ms). */
    public double timeMs() {
        return timeMs;
    }

    /** The node, {@code section(x)}. */
    public String location() {
        return location;
    }

    /** The first mechanism state at that node that is not finite, {@code name.field}; null if only v is. */
    public String mechanism() {
        return mechanism;
    }
}
