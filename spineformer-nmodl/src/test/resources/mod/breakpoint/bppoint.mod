COMMENT
Spineformer's own test file: a POINT_PROCESS that writes no current. nocmodl 8.2 then runs the BREAKPOINT's statements
in nrn_state, after the SOLVE, once per step at the step's new v; a writes the new m and v, n counts the runs,
integ sums m v dt once per step.
ENDCOMMENT

NEURON {
    POINT_PROCESS bppoint
    RANGE tau, a, n, integ
}

PARAMETER {
    tau = 4 (ms)
}

ASSIGNED {
    v (mV)
    a (mV)
    n (1)
    integ (mV ms)
}

STATE { m }

INITIAL {
    m = minf(v)
    a = 0
    n = 0
    integ = 0
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    a = m*v
    n = n + 1
    integ = integ + dt*m*v
}

DERIVATIVE states {
    m' = (minf(v) - m)/tau
}

FUNCTION minf(vm (mV)) {
    minf = 1/(1 + exp(-(vm + 40)/6))
}
