: Spineformer's own test file
TITLE state_discontinuity in an euler DERIVATIVE block, in FUNCTIONs and in BEFORE and AFTER blocks

COMMENT
Written for Spineformer's tests of state_discontinuity outside NET_RECEIVE where it had not been checked against
NEURON. w jumps by 1 in the euler DERIVATIVE block in each step whose t is in (20, 20.1); nfd counts the calls of a
FUNCTION the DERIVATIVE block calls, nfb those of one the BREAKPOINT of this mechanism with a current calls, nb and
na those of a BEFORE STEP and an AFTER SOLVE block, each call assigning where NEURON allows it.
ENDCOMMENT

NEURON {
    SUFFIX sdeuler
    NONSPECIFIC_CURRENT i
    RANGE g, e, i, nfd, nfb, nb, na
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
}

PARAMETER {
    g = 0.0001 (S/cm2)
    e = -60 (mV)
    tau = 4 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    nfd
    nfb
    nb
    na
}

STATE { w }

INITIAL {
    w = 0.3
    nfd = 0
    nfb = 0
    nb = 0
    na = 0
}

BREAKPOINT {
    SOLVE states METHOD euler
    i = g*(v - e)*(1 + w) + 0*countb()
}

DERIVATIVE states {
    IF (t > 20 && t < 20.1) {
        state_discontinuity(w, w + 1)
    }
    w' = -w/tau + 0*countd()
}

FUNCTION countd() {
    state_discontinuity(nfd, nfd + 1)
    countd = 0
}

FUNCTION countb() {
    state_discontinuity(nfb, nfb + 1)
    countb = 0
}

BEFORE STEP {
    state_discontinuity(nb, nb + 1)
}

AFTER SOLVE {
    state_discontinuity(na, na + 1)
}
