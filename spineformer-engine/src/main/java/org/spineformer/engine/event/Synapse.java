package org.spineformer.engine.event;

/**
 * A connection's far end: the point process that receives (its mechanism and instance index in the simulation's
 * block of that mechanism), with NetCon weight and delay (ms).
 */
public record Synapse(PointProcess target, double weight, double delayMs) {
    public Synapse {
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("connection weight must be finite, was " + weight);
        }
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("connection delay must be finite and >= 0 ms, was " + delayMs);
        }
    }
}
