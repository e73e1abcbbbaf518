: Spineformer's own test file
TITLE A PI declared ASSIGNED, set in INITIAL and again from a time on: a decay and a rate function of v read it

COMMENT
Written for Spineformer's tests of a PI the file declares as an ASSIGNED (listed neither RANGE nor GLOBAL: a
variable of each instance that hoc does not see). nocmodl undefines its C macro PI and makes the name the file's
variable, so the statements read the value last assigned: 3 from INITIAL, 2 from tchange on (the BREAKPOINT's
assignment, in the current phase before that step's states). A's decay rate and m's steady state and time constant,
functions of v and PI, change at tchange.
ENDCOMMENT

NEURON {
    SUFFIX assignedpi
    NONSPECIFIC_CURRENT i
    RANGE g, e, tau, tchange, i
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
}

PARAMETER {
    g = 0.0001 (S/cm2)
    e = -60 (mV)
    tau = 50 (ms)
    tchange = 40 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    PI
    minf
    mtau (ms)
}

STATE {
    A
    m
}

INITIAL {
    PI = 3
    A = 1
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    if (t >= tchange) {
        PI = 2
    }
    i = g*(v - e)*(1 + A)*m
}

DERIVATIVE states {
    rates(v)
    A' = -A*PI/tau
    m' = (minf - m)/mtau
}

PROCEDURE rates(v (mV)) {
    minf = 1/(1 + exp(-(v + 40)/(3*PI)))
    mtau = 2*PI
}
