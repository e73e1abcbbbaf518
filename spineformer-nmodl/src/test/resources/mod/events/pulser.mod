TITLE a synapse that sends itself events (Spineformer test mechanism)
: written for Spineformer's NMODL tests: flag in NET_RECEIVE (0 for a connection's event), t there (the event's
: time), net_send from NET_RECEIVE (a second, half conductance step dur ms after each event, with the event's
: weight) and from INITIAL (flag 3 at 5 ms)

NEURON {
    POINT_PROCESS Pulser
    RANGE tau, e, dur, i, tlast, nsent
    NONSPECIFIC_CURRENT i
}

UNITS {
    (mV) = (millivolt)
    (nA) = (nanoamp)
    (uS) = (microsiemens)
}

PARAMETER {
    tau = 2 (ms)
    e = 0 (mV)
    dur = 1.5 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    tlast (ms)
    nsent (1)
}

STATE { g (uS) }

INITIAL {
    g = 0
    tlast = -1
    nsent = 0
    net_send(5, 3)
}

BREAKPOINT {
    SOLVE state METHOD cnexp
    i = g*(v - e)
}

DERIVATIVE state {
    g' = -g/tau
}

NET_RECEIVE(w (uS)) {
    if (flag == 0) {
        g = g + w
        tlast = t
        net_send(dur, 1)
        nsent = nsent + 1
    } else if (flag == 1) {
        g = g + w/2
    } else {
        g = g + 0.001
        tlast = t
    }
}
