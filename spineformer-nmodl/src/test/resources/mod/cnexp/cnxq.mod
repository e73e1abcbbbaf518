TITLE cnexp of an equation not linear in its state (Spineformer test mechanism)
: written for Spineformer's NMODL tests: m' has a term in m*m, so nocmodl's equation parser finds its slope
: (product rule, depending on m) but no linear form; nocmodl 8.2.2 still writes its cnexp formula, with the slope
: at the current m and no constant part: m = m + (1 - exp(dt*slope))*(-m). h' beside it is linear (cnexp as usual)

NEURON {
    SUFFIX cnxq
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, kq, minf, mtau
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.003 (S/cm2)
    e = -80 (mV)
    kq = 0.05 (/ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    minf
    mtau (ms)
}

STATE { m h }

INITIAL {
    m = 0.8
    h = 0.5
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar*(m + h)*(v - e)
}

DERIVATIVE states {
    minf = 1/(1 + exp(-(v + 40)/8))
    mtau = 2 + 5*exp(-(v + 50)*(v + 50)/400)
    m' = (minf - m)/mtau - kq*m*m
    h' = (minf - h)/(3*mtau)
}
