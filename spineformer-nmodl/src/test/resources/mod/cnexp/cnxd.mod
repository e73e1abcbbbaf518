TITLE cnexp of an equation with its state in a divisor (Spineformer test mechanism)
: written for Spineformer's NMODL tests: n' divides by an expression of n, which nocmodl's equation parser cannot
: differentiate, so nocmodl 8.2.2 solves the whole block by derivimplicit instead ("Could not translate using cnexp
: method; using derivimplicit"), h' included: NEURON's Newton iteration, not cnexp's formula

NEURON {
    SUFFIX cnxd
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, ninf, ntau
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.003 (S/cm2)
    e = -80 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    ninf
    ntau (ms)
}

STATE { n h }

INITIAL {
    n = 0.2
    h = 0.5
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar*(n + h)*(v - e)
}

DERIVATIVE states {
    ninf = 1/(1 + exp(-(v + 40)/8))
    ntau = 1 + 4*exp(-(v + 50)*(v + 50)/400)
    n' = (ninf - n)/(ntau*(1 + n))
    h' = (ninf - h)/ntau
}
