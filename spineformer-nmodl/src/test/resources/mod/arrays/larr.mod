COMMENT
Spineformer's own test file: LOCAL arrays inside a PROCEDURE and a FUNCTION (C's local arrays in nocmodl 8.2),
filled in FROM loops and indexed by a FROM index, an argument and integer arithmetic.
ENDCOMMENT

NEURON {
    SUFFIX larr
    NONSPECIFIC_CURRENT i
    RANGE gbar, s2, minf, mtau
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    s2 (1)
    minf (1)
    mtau (ms)
}

STATE { m }

INITIAL {
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar*m*(v + 70)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/mtau
}

PROCEDURE rates(vm (mV)) {
    LOCAL c[3], j
    FROM j = 0 TO 2 {
        c[j] = exp(-(vm + 40 + 10*j)/(8 + j))
    }
    minf = 1/(1 + c[0])
    mtau = 1 + 3*c[1]/(1 + c[1]) + powsum(c[2], 2)
    s2 = c[2]
}

FUNCTION powsum(x, n) {
    LOCAL w[4], k
    w[0] = x
    FROM k = 1 TO n {
        w[k] = w[k - 1]*x
    }
    powsum = w[n]/(1 + w[n])
}
