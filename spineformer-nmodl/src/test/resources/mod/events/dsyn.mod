TITLE dsyn: a depressing synapse whose events move its states by state_discontinuity (Spineformer's own test file)

COMMENT
A conductance g decaying with tau and a resource r recovering with tau_rec (cnexp); each event adds
weight*U*r to g and takes U*r from r through state_discontinuity(state, value), which NEURON 8.2 translates in
NET_RECEIVE to state = value (nrn_netrec_state_adjust is off by default).
ENDCOMMENT

NEURON {
    POINT_PROCESS dsyn
    RANGE tau, tau_rec, U, e, i
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    tau = 3 (ms)
    tau_rec = 80 (ms)
    U = 0.4
    e = 0 (mV)
}

ASSIGNED {
    v (mV)
    i (nA)
}

STATE {
    g (uS)
    r
}

INITIAL {
    g = 0
    r = 1
}

BREAKPOINT {
    SOLVE decay METHOD cnexp
    i = g*(v - e)
}

DERIVATIVE decay {
    g' = -g/tau
    r' = (1 - r)/tau_rec
}

NET_RECEIVE(weight (uS)) {
    state_discontinuity(g, g + weight*U*r)
    state_discontinuity(r, r - U*r)
}
