TITLE rnd: draws from NEURON's random functions each step (the project's own test file)

COMMENT
set_seed in INITIAL restarts the stream, so every run draws the same numbers; a PROCEDURE solved in BREAKPOINT
draws once per step (in the state phase) from scop_random, exprand and normrand, in that order, and a small
current follows the draws so that they reach v.
ENDCOMMENT

NEURON {
    SUFFIX rnd
    NONSPECIFIC_CURRENT i
    RANGE seed, gbar, r, e, nr
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    seed = 12345
    gbar = 0.0001 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    r
    e
    nr
}

INITIAL {
    set_seed(seed)
    draw()
}

BREAKPOINT {
    SOLVE draw
    i = gbar*(r + e + nr)*(v + 60)
}

PROCEDURE draw() {
    r = scop_random()
    e = exprand(2)
    nr = normrand(1, 0.5)
}
