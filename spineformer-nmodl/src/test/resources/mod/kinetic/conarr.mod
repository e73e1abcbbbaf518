COMMENT
Spineformer's own test file: a KINETIC scheme whose CONSERVE sums STATE array elements, as a buffer with several
bound states in an array and its free form a scalar (nocmodl takes a conservation row from a scalar STATE only).
Volumes from an indexed COMPARTMENT; a nonlinear binding of the free form; the current reads the array.
ENDCOMMENT

DEFINE N 3

NEURON {
    SUFFIX conarr
    NONSPECIFIC_CURRENT i
    RANGE kon, koff, kh, tot, gc, bound
}

PARAMETER {
    kon = 0.4 (/ms)
    koff = 0.1 (/ms)
    kh = 0.05 (/ms)
    tot = 2
    gc = 0.001 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    vol[N]
    bound
}

STATE {
    F
    c[N]
    L
}

INITIAL {
    FROM j = 0 TO N - 1 {
        vol[j] = 1 + 0.5*j
    }
    F = tot
    L = 0.2
    SOLVE scheme STEADYSTATE sparse
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    bound = c[0] + c[1] + c[2]
    i = gc*(c[1] + 2*c[N - 1])*(v + 10)
}

KINETIC scheme {
    COMPARTMENT j, vol[j] {c}
    COMPARTMENT 0.8 {F}
    ~ F + L <-> c[0] (kon*exp(v/40), koff)
    FROM j = 0 TO N - 2 {
        ~ c[j] <-> c[j + 1] (kh*(2 + j), kh)
    }
    ~ L << (0.01*(1 - L))
    CONSERVE F + c[0] + c[1] + c[2] = 0.8*tot
}
