COMMENT
Spineformer's own test file: eulcif.mod's coupled equations solved by METHOD derivimplicit (NEURON's Newton
iteration on Dx - (x - x_old)/dt for every state); where the IF skips w's equation, Dw keeps the value of the last
evaluation that ran it (0 before any).
ENDCOMMENT

NEURON {
    SUFFIX dicif
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
    SOLVE st METHOD derivimplicit
    i = gbar*x*(v + 70)
}

DERIVATIVE st {
    x' = (1/(1 + exp(-(v + 45)/7)) - x)/3 - 0.2*x*w
    IF (t > 5.01 && t < 12.01) {
        w' = (x - w)/5 + 0.001*(v + 65)
    }
}
