TITLE Columns held in vector locals within a group (VectorKernelsTest)
COMMENT
Spineformer's own test file, for its vector kernels test: each statement reads or writes a column in a way the vector
kernel's locals must reproduce bit for bit (VectorEmitter keeps a group's columns in locals and writes them
once). peak: a write under a mask that depends on v, over the column's value of the step before, in both
evaluations (where v + 0.001 > peak >= v only the first writes it, and NEURON leaves that value). gate: written
once, read back by both evaluations. tau: a PARAMETER written in the DERIVATIVE block and then read, from
memory, by the kept slope's check of x's equation (tau changes once, at 20 ms: only then must the check
see the value written in the same step). shift: written once per step, then read, from memory, by the TABLE
look-up of rate (its DEPEND), which runs lane by lane.
ENDCOMMENT

NEURON {
    SUFFIX keptcols
    NONSPECIFIC_CURRENT i
    RANGE g, e, tau0, tau, gate, peak, shift
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    g = 0.0005 (S/cm2)
    e = -70 (mV)
    tau0 = 2 (ms)
    tau = 2 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    gate (1)
    peak (mV)
    shift (mV)
}

STATE { x }

INITIAL {
    x = 0
    peak = -100
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    if (v > peak) {
        peak = v
    }
    gate = exp(-x)
    shift = 0.5*t
    i = g*gate*(v - e) + g*x*(v - peak) + g*rate(v)
}

DERIVATIVE states {
    : doubled at 20 ms: in that step only, the kept slope's check must see the new tau
    if (t > 20) {
        tau = 2*tau0
    } else {
        tau = tau0
    }
    x' = (1 - x)/tau
}

FUNCTION rate(v (mV)) {
    TABLE DEPEND shift FROM -100 TO 100 WITH 200
    rate = 1/(1 + exp(-(v + 40 - shift)/5))
}
