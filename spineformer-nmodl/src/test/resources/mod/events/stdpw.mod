TITLE stdpw: FOR_NETCONS in an STDP-like synapse (Spineformer's own test file)

COMMENT
An event of positive weight is presynaptic: a conductance step of the connection's weight times its factor f,
depressed by the last postsynaptic event. An event of negative weight is postsynaptic: every connection to this
synapse (FOR_NETCONS, its own included) is potentiated by its last presynaptic event. The postsynaptic
connection first sets its own tpre to t, so that the loop, reaching it, sees tp = t and raises its f by dp; the
step after the loop reads that f: NET_RECEIVE's arguments and FOR_NETCONS's are the same numbers in NEURON.
ENDCOMMENT

NEURON {
    POINT_PROCESS stdpw
    RANGE tau, e, i, dp, dd, taup, taud, tpost, nvisit
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    tau = 3 (ms)
    e = 0 (mV)
    dp = 0.4
    dd = 0.25
    taup = 12 (ms)
    taud = 20 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    tpost (ms)
    nvisit
}

STATE { g (uS) }

INITIAL {
    g = 0
    tpost = -1e9
    nvisit = 0
}

BREAKPOINT {
    SOLVE state METHOD cnexp
    i = g * (v - e)
}

DERIVATIVE state {
    g' = -g / tau
}

NET_RECEIVE(w (uS), f, tpre (ms)) {
    INITIAL {
        f = 1
        tpre = -1e9
    }
    if (w >= 0) {
        f = f * (1 - dd * exp(-(t - tpost) / taud))
        g = g + w * f
        tpre = t
    } else {
        tpost = t
        tpre = t
        FOR_NETCONS(w1, f1, tp) {
            f1 = f1 + dp * exp(-(t - tp) / taup)
            nvisit = nvisit + 1
        }
        g = g + 0.0005 * f
    }
}
