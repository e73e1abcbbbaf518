: Spineformer's own test file (issue 17, n17): a KINETIC scheme that counts the calls of its own block.
COMMENT
The scheme calls a PROCEDURE that counts its calls and adds dt/2 to a sum at each, as ModelDB 113446's na.mod does
(its interval). NEURON 8.2.2's sparse() calls the block twice more at its first call, to lay out the sparse matrix
(scopmath's create_coef_list), then once per Newton iteration and once after them: 4 calls in the first step, 2 in
each later one (the scheme is linear: one iteration).
ENDCOMMENT

NEURON {
    SUFFIX kincount
    NONSPECIFIC_CURRENT i
    RANGE gbar, calls, elapsed
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    calls
    elapsed (ms)
    a (/ms)
    b (/ms)
}

STATE {
    c
    o
}

INITIAL {
    calls = 0
    elapsed = 0
    c = 1
    o = 0
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    i = gbar * o * (v + 10)
}

KINETIC scheme {
    count()
    ~ c <-> o (a, b)
    CONSERVE c + o = 1
}

UNITSOFF
PROCEDURE count() {
    calls = calls + 1
    elapsed = elapsed + dt / 2
    a = 0.2 * exp(v / 25)
    b = 0.1 * exp(-v / 40)
}
UNITSON
