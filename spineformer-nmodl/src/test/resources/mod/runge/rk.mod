COMMENT
Spineformer's own test file: METHOD runge (scopmath's fourth-order Runge-Kutta) of coupled equations, one of them
reading t, so that the four evaluations' times (t, t + dt/2 twice, t + dt) matter.
ENDCOMMENT

NEURON {
    SUFFIX rk
    NONSPECIFIC_CURRENT i
    RANGE gbar
}

PARAMETER {
    gbar = 0.002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE { x w }

INITIAL {
    x = 0.2
    w = 0.1
}

BREAKPOINT {
    SOLVE st METHOD runge
    i = gbar*x*(v + 70)
}

DERIVATIVE st {
    x' = (1/(1 + exp(-(v + 45)/7)) - x)/3 - 0.2*x*w
    w' = (x - w)/5 + 0.001*(v + 65) + 0.05*sin(t/3)
}
