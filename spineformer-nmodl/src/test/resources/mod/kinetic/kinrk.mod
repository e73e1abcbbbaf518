COMMENT
Spineformer's own test file: a KINETIC scheme solved by METHOD runge (nocmodl's derivative form of the scheme:
each state's derivative the sum of its fluxes over its COMPARTMENT volume; the CONSERVE is ignored, as nocmodl
says), over a scalar and a STATE array, with a nonlinear binding whose rate moves with t, a flux (<<) and an
assigned variable read from f_flux and b_flux, which ends at the new states.
ENDCOMMENT

DEFINE N 3

NEURON {
    SUFFIX kinrk
    NONSPECIFIC_CURRENT i
    RANGE kon, koff, kh, tot, gc, net
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
    net
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
    F = 0.8*tot
    L = 0.3
    c[0] = 0.1
}

BREAKPOINT {
    SOLVE scheme METHOD runge
    i = gc*(c[1] + 2*c[N - 1])*(v + 10)
}

KINETIC scheme {
    COMPARTMENT j, vol[j] {c}
    COMPARTMENT 0.8 {F}
    ~ F + L <-> c[0] (kon*exp(v/40)*(1 + 0.5*sin(t/5)), koff)
    net = f_flux - b_flux
    FROM j = 0 TO N - 2 {
        ~ c[j] <-> c[j + 1] (kh*(2 + j), kh)
    }
    ~ L << (0.01*(1 - L))
    CONSERVE F + c[0] + c[1] + c[2] = 0.8*tot
}
