COMMENT
Spineformer's own test file: a NONLINEAR block over a STATE array solved by newton() in BREAKPOINT, its equations
in a FROM loop with an IF inside it (rows counted as they run); the current reads the last element.
ENDCOMMENT

DEFINE N 3

NEURON {
    SUFFIX nlarr
    NONSPECIFIC_CURRENT i
    RANGE gbar, p, q
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    p = 0.3
    q = 0.2
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE {
    u[N]
}

INITIAL {
    FROM j = 0 TO N - 1 {
        u[j] = 0.5
    }
}

BREAKPOINT {
    SOLVE eq METHOD newton
    i = gbar*u[N - 1]*(v + 20)
}

NONLINEAR eq {
    FROM j = 0 TO N - 1 {
        IF (j == 0) {
            ~ u[0] + p*u[0]*u[0]*u[0] = (v + 90)/50
        } ELSE {
            ~ u[j] - 0.5*u[j - 1] + q*u[j]*u[j] = 0.1*j
        }
    }
}
