: Spineformer's own test file (issue 17, t17 session 37): two BREAKPOINT and two INITIAL blocks, which nocmodl joins in file order.
COMMENT
nocmodl 8.2.2 moves every BREAKPOINT block's statements into one function and every INITIAL block's into another,
in file order: the second INITIAL starts m from the first's value, the second BREAKPOINT scales the first's current.
ENDCOMMENT

NEURON {
    SUFFIX twobp
    NONSPECIFIC_CURRENT i
    RANGE gbar, g, s
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -30 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
    s
}

STATE { m }

INITIAL {
    m = 0.1
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar * m
    i = g * (v - e)
}

DERIVATIVE states {
    m' = (1 / (1 + exp(-(v + 40) / 6)) - m) / 2
}

INITIAL {
    m = m + 0.2
}

BREAKPOINT {
    s = 1 / (1 + exp(-v / 20))
    g = g * s
    i = i * s
}
