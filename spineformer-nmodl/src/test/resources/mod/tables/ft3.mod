TITLE ft3: a gate whose steady state is a FUNCTION_TABLE of three arguments

COMMENT
The project's own test file (issue 17): inf3(v, c, w) given at listed arguments of v and w and on an even grid of
c, as NEURON's table_inf3_ft3(&y[0], nv, &v[0], nc, cmin, cmax, nw, &w[0]) gives it from hoc. Of three
arguments NEURON takes the value at the point at or below each argument, without interpolation: m relaxes to a
staircase of v. c moves with v, so two of the three indices change during a run.
ENDCOMMENT

NEURON {
    SUFFIX ft3
    NONSPECIFIC_CURRENT i
    RANGE gbar, wx, g, minf
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    wx = 2.5
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
    minf
}

STATE { m }

FUNCTION_TABLE inf3(v (mV), c, w)

INITIAL {
    minf = inf3(v, 0.5 + v/200, wx)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar*m
    i = g*(v + 70)
}

DERIVATIVE states {
    minf = inf3(v, 0.5 + v/200, wx)
    m' = (minf - m)/2
}
