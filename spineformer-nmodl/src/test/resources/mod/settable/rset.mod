: Spineformer's own test file
: RANGE ASSIGNED variables that a model sets before the run, as NEURON's hoc does (seg.NAME_rset = value before
: finitialize): shift is never assigned by the file (a parameter, 0 until set); boost is assigned in INITIAL from its
: own value (the value set, plus 1); level is read by INITIAL (into start) and then assigned in BREAKPOINT. A gate of
: v whose steady state shift moves and a current that boost scales, so the values reach v and the clamps' currents.
NEURON {
    SUFFIX rset
    NONSPECIFIC_CURRENT i
    RANGE gbar, shift, boost, level, start
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    shift (mV)
    boost (1)
    level (1)
    start (1)
    minf (1)
    mtau (ms)
}

STATE { m }

INITIAL {
    rates(v)
    m = minf
    boost = boost + 1
    start = level
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    level = 2 * m + start
    i = gbar * m * boost * (v + 20)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m) / mtau
}

PROCEDURE rates(v (mV)) {
    minf = 1 / (1 + exp(-(v + 40 - shift) / 6))
    mtau = 2 + 3 / (1 + exp((v + 50) / 10))
}
