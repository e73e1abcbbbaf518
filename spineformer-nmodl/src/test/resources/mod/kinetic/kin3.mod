TITLE three-state potassium channel as a KINETIC scheme (Spineformer test mechanism)
: written for Spineformer's NMODL tests: a linear scheme C <-> O <-> I with voltage-dependent rates,
: a CONSERVE statement, the steady state in INITIAL (STEADYSTATE sparse), METHOD sparse in BREAKPOINT

NEURON {
    SUFFIX kin3
    USEION k READ ek WRITE ik
    RANGE gbar, g, a0, b0
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.01 (S/cm2)
    a0 = 0.4 (/ms)
    b0 = 0.12 (/ms)
    kin = 0.05 (/ms)
    kout = 0.002 (/ms)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    g (S/cm2)
    a (/ms)
    b (/ms)
}

STATE { C O I }

INITIAL {
    SOLVE scheme STEADYSTATE sparse
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    g = gbar*O
    ik = g*(v - ek)
}

KINETIC scheme {
    rates(v)
    ~ C <-> O (a, b)
    ~ O <-> I (kin, kout*(1 + exp(-(v + 60)/10)))
    CONSERVE C + O + I = 1
}

PROCEDURE rates(v (mV)) {
    a = a0*exp((v + 40)/20)
    b = b0*exp(-(v + 40)/25)
}
