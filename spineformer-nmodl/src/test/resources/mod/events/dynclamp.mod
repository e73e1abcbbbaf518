TITLE dynamic clamp: a conductance injected by an electrode (Spineformer test mechanism)
: written for Spineformer's NMODL tests: ELECTRODE_CURRENT (injected current, positive depolarizes) that depends
: on v (its slope enters the matrix with the electrode's sign), at_time in a fixed step (hits counts the current
: evaluations of the step that reaches del: 2, NEURON evaluates BREAKPOINT at v + 0.001 and at v)

NEURON {
    POINT_PROCESS DynClamp
    RANGE g, e, del, dur, i, hits
    ELECTRODE_CURRENT i
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
}

PARAMETER {
    g = 0.004 (uS)
    e = 0 (mV)
    del = 20 (ms)
    dur = 50 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    hits (1)
}

INITIAL {
    i = 0
    hits = 0
}

BREAKPOINT {
    if (at_time(del)) {
        hits = hits + 1
    }
    if (t >= del && t < del + dur) {
        i = g*(e - v)
    } else {
        i = 0
    }
}
