: Spineformer's own test file (issue 17, t17 session 37): state_discontinuity outside NET_RECEIVE, in a mechanism with a current.
COMMENT
NEURON 8.2.2 assigns x = value in state_discontinuity(x, value) only while discontinuities are allowed (not during
finitialize's current evaluation) and its flag is down (nrn_cur raises it around the evaluation at v): in a step
the assignment happens once, in the evaluation at v + 0.001, and the evaluation at v sees the new value.
g jumps under at_time, h is set in INITIAL and bumped by a PROCEDURE under a plain IF on t, n counts the
assignments and seen is what the evaluation at v read.
ENDCOMMENT

NEURON {
    SUFFIX sdbp
    NONSPECIFIC_CURRENT i
    RANGE gbar, tev, gstep, n, seen
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -30 (mV)
    tev = 30 (ms)
    gstep = 0.6
    tau = 5 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    n
    seen
}

STATE { g h }

INITIAL {
    g = 0
    h = 0
    n = 0
    state_discontinuity(h, 0.2)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    IF (at_time(tev)) {
        state_discontinuity(g, g + gstep)
    }
    IF (t > 50 && t < 50.2) {
        bump(0.1)
    }
    state_discontinuity(n, n + 1)
    seen = n
    i = gbar * (g + h) * (v - e)
}

DERIVATIVE states {
    g' = -g / tau
    h' = -h / tau
}

PROCEDURE bump(dh) {
    state_discontinuity(h, h + dh)
}
