COMMENT
Spineformer's own test file: SOLVE of a DERIVATIVE block without METHOD, which nocmodl 8.2.2 integrates with
scopmath's adrunge() (solve.cpp: the default method of a DERIVATIVE block): Runge-Kutta steps whose size adapts
every ten steps to a truncation error of at most maxerr (1e-5), t moved with them. Coupled equations, one reading t,
and a rate that grows with v to 60/ms, where one Runge-Kutta step of dt would be far off: the step size moves with
the clamp.
ENDCOMMENT

NEURON {
    SUFFIX adr
    NONSPECIFIC_CURRENT i
    RANGE gbar, rate
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    rate (/ms)
}

STATE { x w }

INITIAL {
    x = 0.2
    w = 0.1
}

BREAKPOINT {
    SOLVE st
    i = gbar*x*(v + 70)
}

DERIVATIVE st {
    rate = 0.5 + 60/(1 + exp(-(v + 30)/4))
    x' = rate*(1/(1 + exp(-(v + 45)/7)) - x) - 0.2*x*w
    w' = (x - w)/5 + 0.001*(v + 65) + 0.05*sin(t/3)
}
