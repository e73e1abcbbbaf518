TITLE nconv: a kinetic scheme whose Newton iterations do not converge (Spineformer's own test file)

COMMENT
A + A <-> B with a forward rate that switches with A: each branch's backward Euler solution lies in the other
branch, so scopmath's sparse() iterates between them until its 21 iterations are spent, and NEURON's nrn_state,
which does not check sparse()'s return, goes on with the last iterate.
ENDCOMMENT

NEURON {
    SUFFIX nconv
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, khi, klo, kb, kf
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.001 (S/cm2)
    e = -70 (mV)
    khi = 1e4 (/ms)
    klo = 1 (/ms)
    kb = 1e3 (/ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    kf (/ms)
}

STATE {
    A
    B
}

INITIAL {
    A = 1
    B = 0
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    i = gbar*B*(v - e)
}

KINETIC scheme {
    if (A > 0.5) {
        kf = khi*exp((v + 70)/100)
    } else {
        kf = klo
    }
    ~ A + A <-> B (kf, kb)
}
