COMMENT
Spineformer's own test file: METHOD euler of coupled equations (each reads the other state), one inside an IF of
t. NEURON's euler_thread computes every Dx at the old states, then moves each state, x = x + dt*Dx; where the IF
skips the equation, its Dx keeps the value of the step that last ran it (0 before any).
ENDCOMMENT

NEURON {
    SUFFIX eulcif
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
    SOLVE st METHOD euler
    i = gbar*x*(v + 70)
}

DERIVATIVE st {
    x' = (1/(1 + exp(-(v + 45)/7)) - x)/3 - 0.2*x*w
    IF (t > 5.01 && t < 12.01) {
        w' = (x - w)/5 + 0.001*(v + 65)
    }
}
