TITLE a clamp that follows v slowly, updated after each step (Spineformer test mechanism)
: written for Spineformer's NMODL tests: SOLVE of a PROCEDURE with METHOD after_cvode (with the fixed step, NEURON
: calls it in the state phase, once per step, after v has advanced, as a SOLVE of a PROCEDURE without METHOD): vt
: relaxes towards v and n counts the calls; during the pulse the injected current g (target - vt) drives v towards
: target through that lagging copy

NEURON {
    POINT_PROCESS SoftClamp
    RANGE g, k, target, del, dur, vt, n, i
    ELECTRODE_CURRENT i
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
}

PARAMETER {
    g = 0.01 (uS)
    k = 0.05
    target = -40 (mV)
    del = 20 (ms)
    dur = 50 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    vt (mV)
    n (1)
}

INITIAL {
    vt = v
    n = 0
}

BREAKPOINT {
    SOLVE track METHOD after_cvode
    if (t >= del && t < del + dur) {
        i = g*(target - vt)
    } else {
        i = 0
    }
}

PROCEDURE track() {
    vt = vt + k*(v - vt)
    n = n + 1
}
