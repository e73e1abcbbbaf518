COMMENT
Spineformer's own test file: a KINETIC scheme over STATE arrays, as calcium diffusion shells are written: an influx
into the outer shell (<<), diffusion between neighbouring shells and a buffer in each, in FROM loops, with
COMPARTMENT i, expr {...} giving each element its own volume. The current reads the outer shell.
ENDCOMMENT

DEFINE N 4

NEURON {
    SUFFIX shells
    NONSPECIFIC_CURRENT i
    RANGE kin, D, Btot, kf, kb, gc, cin
}

PARAMETER {
    kin = 2e-6
    D = 0.6
    Btot = 0.05
    kf = 10
    kb = 0.5
    gc = 0.0005 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    vol[N]
    frat[N]
    cin
}

STATE {
    c[N]
    B[N]
    CB[N]
}

INITIAL {
    FROM j = 0 TO N - 1 {
        vol[j] = 1 + 0.5*j
        frat[j] = 2/(1 + j)
        c[j] = 1e-4
        B[j] = Btot*kb/(kb + kf*1e-4)
        CB[j] = Btot - B[j]
    }
    cin = c[N - 1]
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    i = gc*c[0]*1000*(v + 20)
    cin = c[N - 1]
}

KINETIC scheme {
    COMPARTMENT j, vol[j] {c B CB}
    ~ c[0] << (kin*(v + 90))
    FROM j = 0 TO N - 2 {
        ~ c[j] <-> c[j + 1] (D*frat[j + 1], D*frat[j + 1])
    }
    FROM j = 0 TO N - 1 {
        ~ c[j] + B[j] <-> CB[j] (kf, kb)
    }
}
