TITLE a NONLINEAR block solved by METHOD newton (Spineformer test mechanism)
: written for Spineformer's NMODL tests: two coupled nonlinear equations in u and w whose solution moves with v,
: solved in BREAKPOINT by SOLVE ... METHOD newton (scopmath's newton(): numerical Jacobian), an assigned variable
: computed in the block

NEURON {
    SUFFIX nlin
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, p
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.004 (S/cm2)
    e = -80 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    p
}

STATE { u w }

INITIAL {
    u = 0.6
    w = 0.1
}

BREAKPOINT {
    SOLVE eq METHOD newton
    i = gbar*u*w*(v - e)
}

NONLINEAR eq {
    p = 1/(1 + exp(-(v + 40)/10))
    ~ u*u + w = 0.2 + p
    ~ u*w = 0.1*p + 0.01
}
