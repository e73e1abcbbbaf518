COMMENT
Spineformer's own test file: two coupled equations solved by METHOD euler, with an assignment between them that
reads both states. NEURON's euler_thread computes every derivative at the old states, then moves each state.
ENDCOMMENT

NEURON {
    SUFFIX eulc
    NONSPECIFIC_CURRENT i
    RANGE gbar, r
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    r (1)
}

STATE { x w }

INITIAL {
    x = 0.2
    w = 0.1
    r = 0
}

BREAKPOINT {
    SOLVE st METHOD euler
    i = gbar*x*(v + 70)
}

DERIVATIVE st {
    x' = (1/(1 + exp(-(v + 45)/7)) - x)/3 - 0.2*x*w
    r = x + w
    w' = (x - w)/5 + 0.001*(v + 65)
}
