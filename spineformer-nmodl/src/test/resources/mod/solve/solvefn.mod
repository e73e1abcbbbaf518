COMMENT
Spineformer's own test file: SOLVE of a PROCEDURE outside BREAKPOINT, which nocmodl makes a call in place: in
INITIAL and in a FUNCTION the BREAKPOINT's current calls (so at each of the two evaluations of nrn_cur), the
procedure counting its calls into n.
ENDCOMMENT

NEURON {
    SUFFIX solvefn
    NONSPECIFIC_CURRENT i
    RANGE gbar, n, w
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    n
    w
}

INITIAL {
    n = 0
    w = 0.25
    SOLVE count
}

BREAKPOINT {
    i = gbar*f(v)*(v + 20)
}

FUNCTION f(x (mV)) {
    SOLVE count
    f = 1/(1 + exp(-(x + 30)/8)) + 0.001*n
}

PROCEDURE count() {
    n = n + 1
    w = 0.5*w + 0.01*n
}
