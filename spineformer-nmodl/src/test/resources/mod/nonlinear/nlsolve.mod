COMMENT
Spineformer's own test file: a NONLINEAR block solved where nocmodl 8.2 also solves it by newton(): in INITIAL
(SOLVE eq) and in a PROCEDURE that the BREAKPOINT solves (its root moves with v); uinit keeps INITIAL's root, w sums
the roots over the steps.
ENDCOMMENT

NEURON {
    SUFFIX nlsolve
    NONSPECIFIC_CURRENT i
    RANGE gbar, kv, uinit, w
}

PARAMETER {
    gbar = 0.003 (S/cm2)
    kv = 0.05 (/mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    uinit
    w
}

STATE { u }

INITIAL {
    u = 0.5
    SOLVE eq
    uinit = u
    w = 0
}

BREAKPOINT {
    SOLVE update
    i = gbar*u*(v + 70)
}

PROCEDURE update() {
    SOLVE eq
    w = w + u
}

NONLINEAR eq {
    ~ u*u*u + u = 1 + 0.1*exp(kv*(v + 40))
}
