TITLE a facilitating synapse with state per connection (Spineformer test mechanism)
: written for Spineformer's NMODL tests: NET_RECEIVE arguments after the weight (kept per connection, as NEURON's
: NetCon weight vector), set by an INITIAL inside NET_RECEIVE, the weight itself changed by each event

NEURON {
    POINT_PROCESS Facil
    RANGE tau, e, U, tauF, i
    NONSPECIFIC_CURRENT i
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
}

PARAMETER {
    tau = 3 (ms)
    e = 0 (mV)
    U = 0.2 (1)
    tauF = 50 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
}

STATE { g (uS) }

INITIAL {
    g = 0
}

BREAKPOINT {
    SOLVE state METHOD cnexp
    i = g*(v - e)
}

DERIVATIVE state {
    g' = -g/tau
}

NET_RECEIVE(w (uS), F, tlast (ms), n) {
    INITIAL {
        F = U
        tlast = -1e9
        n = 0
    }
    F = U + (F - U)*exp(-(t - tlast)/tauF)
    g = g + w*F
    F = F + U*(1 - F)
    tlast = t
    n = n + 1
    w = w*1.1
}
