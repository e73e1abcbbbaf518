COMMENT
Spineformer's own test file: a SOLVE inside an IF of the BREAKPOINT. nocmodl 8.2 takes every SOLVE out of the
BREAKPOINT into nrn_state, whatever the IF: with on = 0 the state still moves every step. The IF's ELSE stays in the
current's evaluation.
ENDCOMMENT

NEURON {
    SUFFIX bpif
    NONSPECIFIC_CURRENT i
    RANGE gbar, on, w
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    on = 0
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    w (1)
}

STATE { m }

INITIAL {
    m = 0.1
    w = 0
}

BREAKPOINT {
    IF (on) {
        SOLVE states METHOD cnexp
        w = 1
    } ELSE {
        w = 2
    }
    i = gbar*m*(v + 70)
}

DERIVATIVE states {
    m' = (1/(1 + exp(-(v + 50)/8)) - m)/3
}
