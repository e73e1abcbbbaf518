: Spineformer's own test file (issue 17, t17 session 37): state_discontinuity in a DERIVATIVE block and in the BREAKPOINT of a mechanism without a current.
COMMENT
Without a current, nocmodl puts the BREAKPOINT's statements in nrn_state after the SOLVE, once per step, where
discontinuities are allowed: c counts the steps. In the DERIVATIVE block (cnexp), the call stays in place before
the update, which then starts from the new value: w jumps by 1 in each step whose t is in (20, 20.1).
ENDCOMMENT

NEURON {
    SUFFIX sdstate
    RANGE c
}

PARAMETER {
    tau = 4 (ms)
}

ASSIGNED {
    v (mV)
    c
}

STATE { w }

INITIAL {
    w = 0.3
    c = 0
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    state_discontinuity(c, c + 1)
}

DERIVATIVE states {
    IF (t > 20 && t < 20.1) {
        state_discontinuity(w, w + 1)
    }
    w' = -w / tau
}
