COMMENT
Spineformer's own test file: a potassium current that sets ek by its own rule (USEION k WRITE ek). NEURON's
nrn_promote gives the k ion reversal style 3 wherever it is inserted, so neither finitialize (einit) nor the step
(eadvance) computes ek by Nernst there, whichever mechanism writes ki: ek is this mechanism's, copied to the ion
after its INITIAL, after its BREAKPOINT in nrn_cur (t + dt/2: the sine term) and after its state update in
nrn_state (without the sine term), so a reader of ek sees which one ran last.
ENDCOMMENT

NEURON {
    SUFFIX ekset
    USEION k WRITE ek, ik
    RANGE gk, ekbase, ekslope, s
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gk = 0.0005 (S/cm2)
    ekbase = -95 (mV)
    ekslope = 30 (mV)
    taus = 4 (ms)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
}

STATE { s }

INITIAL {
    s = sinf(v)
    ek = ekbase + ekslope*s
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    ek = ekbase + ekslope*s + 2*sin(0.3*t)
    ik = gk*(v - ek)
}

DERIVATIVE states {
    s' = (sinf(v) - s)/taus
    ek = ekbase + ekslope*s
}

FUNCTION sinf(v (mV)) {
    sinf = 1/(1 + exp(-(v + 50)/8))
}
