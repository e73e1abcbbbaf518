COMMENT
Spineformer's own test file: SOLVE ... STEADYSTATE derivimplicit of a DERIVATIVE block in INITIAL, the block
solved by METHOD cnexp in BREAKPOINT. NEURON 8.2.2's _ss_derivimplicit_thread runs the block's own state update
once with dt = 1e-9 ms (not a steady state): the states move from their INITIAL values by about 1e-9 of their
derivatives. Coupled equations (h' reads m).
ENDCOMMENT

NEURON {
    SUFFIX sscn
    NONSPECIFIC_CURRENT i
    RANGE gbar, minf, mtau
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    h0 = 0.7
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    minf
    mtau (ms)
}

STATE {
    m
    h
}

INITIAL {
    m = 0.3
    SOLVE states STEADYSTATE derivimplicit
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar*m*h*(v + 20)
}

DERIVATIVE states {
    minf = 1/(1 + exp(-(v + 40)/6))
    mtau = 1 + 3*exp(-(v + 50)*(v + 50)/400)
    m' = (minf - m)/mtau
    h' = (1 - h)/10 - 0.2*m*h
}
