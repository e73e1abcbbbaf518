COMMENT
Spineformer's own test file: eulif.mod's equations solved by METHOD derivimplicit. nocmodl makes each x' = f the
assignment Dx = f and NEURON's Newton iteration solves Dx - (x - x_old)/dt = 0 for every state: where the IF skips
an equation, its Dx keeps the value of the last evaluation that ran it (0 before any), so x = x_old + dt*Dx.
ENDCOMMENT

NEURON {
    SUFFIX difif
    NONSPECIFIC_CURRENT i
    RANGE gbar, vth
}

PARAMETER {
    gbar = 0.0005 (S/cm2)
    vth = -50 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE { x w z }

INITIAL {
    x = 0.2
    w = 0.1
    z = 0.3
}

BREAKPOINT {
    SOLVE st METHOD derivimplicit
    i = gbar*(x + w + z)*(v + 70)
}

DERIVATIVE st {
    w' = (0.5 - w)/4
    IF (t > 5.01 && t < 12.01) {
        x' = (1/(1 + exp(-(v + 45)/7)) - x)/3
    }
    IF (v > vth) {
        z' = (0.9 - z)/6
    }
}
