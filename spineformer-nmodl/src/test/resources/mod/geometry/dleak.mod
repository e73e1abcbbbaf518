TITLE dleak: a leak and a state scaled by the segment's diameter (Spineformer's own test file)

COMMENT
diam is the segment's diameter (um), which NEURON gives a mechanism that declares it: read here in INITIAL (a
volume-to-surface ratio chosen by an IF, as calcium shells do), in BREAKPOINT and in a cnexp equation.
ENDCOMMENT

NEURON {
    SUFFIX dleak
    NONSPECIFIC_CURRENT i
    RANGE g0, e, depth, gd, vsr, c
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
    (um) = (micron)
}

PARAMETER {
    g0 = 0.0002 (S/cm2)
    e = -60 (mV)
    depth = 2 (um)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    diam (um)
    gd (S/cm2)
    vsr (um)
}

STATE {
    c
}

INITIAL {
    if (2*depth >= diam) {
        vsr = 0.25*diam
    } else {
        vsr = depth*(1 - depth/diam)
    }
    c = 0
}

BREAKPOINT {
    SOLVE relax METHOD cnexp
    gd = g0*(1 + 4/diam)
    i = gd*(v - e)
}

DERIVATIVE relax {
    c' = (v + 70)*vsr/diam - c/5
}
