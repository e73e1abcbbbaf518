: Spineformer's own test file
TITLE A PI declared ASSIGNED, set in INITIAL and again from a time on: a FUNCTION of v a calcium-dependent gate calls reads it

COMMENT
Written for Spineformer's tests of a PI the file declares as an ASSIGNED (listed neither RANGE nor GLOBAL: a
variable of each instance that hoc does not see): the FUNCTION alpha of v alone reads it, and the DERIVATIVE block
also reads cai (so its whole step is not a function of v). nocmodl undefines its C macro PI and makes the name the
file's variable, so alpha reads the value last assigned: 3 from INITIAL, 2 from tchange on (the BREAKPOINT's
assignment, before that step's states).
ENDCOMMENT

NEURON {
    SUFFIX assignedpicall
    USEION ca READ cai
    NONSPECIFIC_CURRENT i
    RANGE g, e, tchange, i
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (mM) = (milli/liter)
}

PARAMETER {
    g = 0.0001 (S/cm2)
    e = -60 (mV)
    tchange = 40 (ms)
    kd = 0.001 (mM)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    cai (mM)
    PI
}

STATE {
    m
}

INITIAL {
    PI = 3
    m = 0.5
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    if (t >= tchange) {
        PI = 2
    }
    i = g*(v - e)*m
}

DERIVATIVE states {
    m' = alpha(v)*(1 - m) - m*cai/(cai + kd)
}

FUNCTION alpha(v (mV)) (/ms) {
    alpha = PI*exp((v + 40)/20)
}
