COMMENT
Spineformer's own test file: a gated potassium current that reads ek from the ion.
ENDCOMMENT

NEURON {
    SUFFIX kread
    USEION k READ ek WRITE ik
    RANGE gbar, g, n, ekseen
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.01 (S/cm2)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    g (S/cm2)
    ekseen (mV)
}

STATE { n }

INITIAL {
    n = ninf(v)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar*n*n
    ik = g*(v - ek)
    ekseen = ek
}

DERIVATIVE states {
    n' = (ninf(v) - n)/ntau(v)
}

FUNCTION ninf(v (mV)) {
    ninf = 1/(1 + exp(-(v + 45)/10))
}

FUNCTION ntau(v (mV)) (ms) {
    ntau = 1 + 4/(1 + exp((v + 40)/15))
}
