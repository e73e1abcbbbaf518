TITLE ft2: a gate whose steady state and time constant are FUNCTION_TABLEs of two arguments

COMMENT
The project's own test file (issue 17): inf2(v, c) given at listed arguments, tau2(v, c) on even grids, as NEURON's
table_inf2_ft2(&y[0], nx, &x[0], ny, &c[0]) and table_tau2_ft2(&y[0], nx, xmin, xmax, ny, cmin, cmax) give them
from hoc; the second argument of tau2 moves with v, so both are interpolated in both arguments.
ENDCOMMENT

NEURON {
    SUFFIX ft2
    NONSPECIFIC_CURRENT i
    RANGE gbar, cx, g, minf, mtau
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    cx = 0.3
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
    minf
    mtau (ms)
}

STATE { m }

FUNCTION_TABLE inf2(v (mV), c)
FUNCTION_TABLE tau2(v (mV), c) (ms)

INITIAL {
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar*m
    i = g*(v + 70)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/mtau
}

PROCEDURE rates(v (mV)) {
    minf = inf2(v, cx)
    mtau = tau2(v, cx + 0.006*(v + 80))
}
