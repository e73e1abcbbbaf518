COMMENT
Spineformer's own test file: a gated calcium current that reads eca from the ion (no concentration).
ENDCOMMENT

NEURON {
    SUFFIX caread
    USEION ca READ eca WRITE ica
    RANGE gbar, m, ecaseen
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.0005 (S/cm2)
}

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    ecaseen (mV)
}

STATE { m }

INITIAL {
    m = minf(v)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    ica = gbar*m*(v - eca)
    ecaseen = eca
}

DERIVATIVE states {
    m' = (minf(v) - m)/2
}

FUNCTION minf(v (mV)) {
    minf = 1/(1 + exp(-(v + 30)/6))
}
