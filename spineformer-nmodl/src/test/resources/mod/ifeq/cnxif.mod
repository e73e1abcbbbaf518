COMMENT
Spineformer's own test file: eulif.mod's equations solved by METHOD cnexp. nocmodl replaces each x' = f in place
by its exponential step, so where the IF skips an equation its state stays as it is.
ENDCOMMENT

NEURON {
    SUFFIX cnxif
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
    SOLVE st METHOD cnexp
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
