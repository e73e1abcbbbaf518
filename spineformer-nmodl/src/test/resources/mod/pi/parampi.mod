: Spineformer's own test file
TITLE A file's own PI as a PARAMETER: nocmodl prints its default with %g, so the model runs with 3.14

COMMENT
Written for Spineformer's tests of a PI the file declares. nocmodl undefines its C macro PI and makes the name the
file's variable (a GLOBAL here, PI_parampi in hoc), whose default it writes with printf's %g: six significant
digits. Declared as 3.14 (as some published files do) it is 3.14; the current's sine and the recorded turn show it.
ENDCOMMENT

NEURON {
    SUFFIX parampi
    NONSPECIFIC_CURRENT i
    RANGE g, e, turn, i
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
}

PARAMETER {
    g = 0.0001 (S/cm2)
    e = -60 (mV)
    period = 20 (ms)
    PI = 3.14
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    turn
}

BREAKPOINT {
    turn = 2*PI*t/period
    i = g*(v - e)*(1 + 0.5*sin(turn))
}
