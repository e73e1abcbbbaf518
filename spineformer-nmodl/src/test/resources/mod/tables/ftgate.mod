TITLE ftgate: a gate whose time constant and a conductance factor are FUNCTION_TABLEs

COMMENT
The project's own test file (issue 17): the two functions of v are given by the model, as NEURON's
table_taum_ftgate(...) and table_scale_ftgate(...) do from hoc; one looked up in a derivative equation solved by
cnexp and in a PROCEDURE, the other in BREAKPOINT.
ENDCOMMENT

NEURON {
    SUFFIX ftgate
    NONSPECIFIC_CURRENT i
    RANGE gbar, g, minf, mtau
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -30 (mV)
    q = 2
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
    minf
    mtau (ms)
}

STATE { m }

FUNCTION_TABLE taum(v (mV)) (ms)
FUNCTION_TABLE scale(v (mV)) (1)

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar*m*scale(v)
    i = g*(v - e)
}

INITIAL {
    rates(v)
    m = minf
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/(taum(v)/q)
}

PROCEDURE rates(v (mV)) {
    minf = 1/(1 + exp(-(v + 35)/6))
    mtau = taum(v)
}
