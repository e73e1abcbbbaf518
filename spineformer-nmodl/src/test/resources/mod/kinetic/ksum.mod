TITLE KINETIC rates written as sums without parentheses (Spineformer test mechanism)
: written for Spineformer's NMODL tests: nocmodl writes a flux as the rate's text followed by "* species", so a
: rate "ka + a1" without parentheses gives the flux ka + a1*X*C and the Jacobian term ka + a1*X (X a PARAMETER
: reactant), "-ka + b1" gives -ka + b1*O, while "(kd + b1)" in parentheses multiplies the whole sum

NEURON {
    SUFFIX ksum
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, ka, kd
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -80 (mV)
    ka = 0.005 (/ms)
    kb = 0.2 (/ms)
    kc = 0.1 (/ms)
    kd = 0.004 (/ms)
    X = 2
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    a1 (/ms)
    b1 (/ms)
}

STATE { C O D }

INITIAL {
    C = 1
}

BREAKPOINT {
    SOLVE kin METHOD sparse
    i = gbar*O*(v - e)
}

KINETIC kin {
    a1 = kb*exp((v + 40)/30)
    b1 = kc*exp(-(v + 40)/30)
    ~ C + X <-> O (ka + a1, -ka + b1)
    ~ O <-> D (kd*0.5 + kd, (kd + b1))
}
