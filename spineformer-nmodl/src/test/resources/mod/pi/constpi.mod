: Spineformer's own test file
TITLE A file's own PI as a CONSTANT: kept as written, so the model runs with 3.1415927

COMMENT
Written for Spineformer's tests of a PI the file declares. nocmodl undefines its C macro PI and writes the
CONSTANT's text as it is: 3.1415927, 4.6e-8 away from the constant of C's math library, too little for the
tolerance of the runs to see in the current: the recorded half shows it exactly.
ENDCOMMENT

NEURON {
    SUFFIX constpi
    NONSPECIFIC_CURRENT i
    RANGE g, e, half, i
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
}

CONSTANT {
    PI = 3.1415927
}

PARAMETER {
    g = 0.0001 (S/cm2)
    e = -60 (mV)
    period = 20 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    half
}

BREAKPOINT {
    half = PI/2
    i = g*(v - e)*(1 + 0.5*sin(2*PI*t/period))
}
