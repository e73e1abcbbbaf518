package org.spineformer.engine.event;

/** A handle to one point-process instance: its mechanism's name and its index within that mechanism's block. */
public record PointProcess(String mechanism, int instance) {
}
