package org.spineformer.engine.mech;

/**
 * Where in the step NMODL's BEFORE and AFTER blocks run, as NEURON 8.2's fixed step calls them (nrn_ba, membfunc.h's
 * order): in finitialize, BEFORE INITIAL after v is set and before every INITIAL, AFTER INITIAL after every INITIAL
 * (and the sources' first events queued), then, as in every step, BEFORE BREAKPOINT before the current phase and
 * BEFORE STEP after it, before anything is recorded; in a step, BEFORE BREAKPOINT at the start of the current phase
 * (t + dt/2, before the ions' reset), then AFTER SOLVE after the state phases (t + dt) and BEFORE STEP right after it,
 * before anything is recorded.
 */
public enum BeforeAfter {
    BEFORE_INITIAL,
    AFTER_INITIAL,
    BEFORE_BREAKPOINT,
    AFTER_SOLVE,
    BEFORE_STEP
}
