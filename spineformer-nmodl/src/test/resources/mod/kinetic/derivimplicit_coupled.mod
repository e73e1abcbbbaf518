TITLE coupled nonlinear DERIVATIVE block solved by derivimplicit (Spineformer test mechanism)
: written for Spineformer's NMODL tests: two coupled equations, each nonlinear (x*w, w*w), solved by NEURON's
: Newton iteration (numerical Jacobian), a rate variable computed in the block
NEURON {
    SUFFIX cpl
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, r
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
PARAMETER {
    gbar = 0.001 (S/cm2)
    e = -30 (mV)
    k1 = 0.2 (/ms)
    k2 = 0.5 (/ms)
    k3 = 0.05 (/ms)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
    r (/ms)
}
STATE { x w }
INITIAL {
    x = 0.1
    w = 0.2
}
BREAKPOINT {
    SOLVE states METHOD derivimplicit
    i = gbar*x*w*(v - e)
}
DERIVATIVE states {
    r = k1*exp((v + 50)/20)
    x' = r*(1 - x) - k2*x*w
    w' = k2*x*x - k3*w*w
}
