COMMENT
Spineformer's own test file: a LINEAR block over a STATE array and a scalar, its equations in a FROM loop and an
IF inside it (rows counted as they run), giving a KINETIC chain c[0] <-> c[1] <-> c[2] <-> O its steady state at
INITIAL, as channel models start their schemes.
ENDCOMMENT

DEFINE N 3

NEURON {
    SUFFIX linarr
    NONSPECIFIC_CURRENT i
    RANGE gbar, ka, kb
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    ka = 0.2 (/ms)
    kb = 0.05 (/ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    a[N]
    b[N]
}

STATE {
    c[N]
    O
}

INITIAL {
    rates(v)
    SOLVE seq
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    i = gbar*O*(v + 20)
}

PROCEDURE rates(v (mV)) {
    FROM j = 0 TO N - 1 {
        a[j] = ka*(1 + j)*exp((v + 40)/(20 + 5*j))
        b[j] = kb*exp(-(v + 40)/25)
    }
}

LINEAR seq {
    FROM j = 0 TO N - 1 {
        IF (j < N - 1) {
            ~ a[j]*c[j] = b[j]*c[j + 1]
        } ELSE {
            ~ a[j]*c[j] = b[j]*O
        }
    }
    ~ O + c[0] + c[1] + c[2] = 1
}

KINETIC scheme {
    rates(v)
    FROM j = 0 TO N - 2 {
        ~ c[j] <-> c[j + 1] (a[j], b[j])
    }
    ~ c[N - 1] <-> O (a[N - 1], b[N - 1])
}
