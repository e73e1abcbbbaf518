package org.spineformer.engine;

/** Watches a simulation: once after initialization (t = 0) and after every step. */
public interface StepObserver {
    /** After {@link Simulation#initialize(double)}: the state at t = 0. */
    void initialized(Simulation sim);

    /** After each step's state phase, before the events due at the new time are delivered. */
    void stepped(Simulation sim);
}
