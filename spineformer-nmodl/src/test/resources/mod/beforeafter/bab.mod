COMMENT
Spineformer's own test file: every BEFORE and AFTER block NEURON 8.2.2 runs (nrn_ba), each counting its calls and
keeping the t and v it saw. BEFORE INITIAL sets the start value INITIAL uses; AFTER INITIAL moves the state INITIAL
set; BEFORE BREAKPOINT sets the conductance the BREAKPOINT uses (from t + dt/2, before nrn_cur); AFTER SOLVE sees
the state the SOLVE made and moves it; BEFORE STEP comes last, before NEURON records. Each block, as nocmodl
translates it, ends with the ion variables written: ik is added to the ion's current again (after AFTER SOLVE and
after BEFORE STEP, before the recording: the ion's ik is then three times the mechanism's).
ENDCOMMENT

NEURON {
    SUFFIX bab
    USEION k READ ek WRITE ik
    RANGE gk, gnow, m, x0, nbi, nai, nbb, nas, nbs, vbi, tbb, vbb, tas, mas, tbs, vbs
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gk = 0.002 (S/cm2)
    tau = 3 (ms)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gnow (S/cm2)
    x0
    nbi
    nai
    nbb
    nas
    nbs
    vbi (mV)
    tbb (ms)
    vbb (mV)
    tas (ms)
    mas
    tbs (ms)
    vbs (mV)
}

STATE { m }

BEFORE INITIAL {
    nbi = nbi + 1
    vbi = v
    x0 = minf(v + 5)
}

INITIAL {
    m = x0
    gnow = gk
    nai = 0
    nbb = 0
    nas = 0
    nbs = 0
}

AFTER INITIAL {
    nai = nai + 1
    m = 0.8*m
}

BEFORE BREAKPOINT {
    nbb = nbb + 1
    tbb = t
    vbb = v
    gnow = gk*(1 + 0.5*sin(0.3*t))
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    ik = gnow*m*(v - ek)
}

DERIVATIVE states {
    m' = (minf(v) - m)/tau
}

AFTER SOLVE {
    nas = nas + 1
    tas = t
    mas = m
    m = m + 0.001*(1 - m)
}

BEFORE STEP {
    nbs = nbs + 1
    tbs = t
    vbs = v
}

FUNCTION minf(v (mV)) {
    minf = 1/(1 + exp(-(v + 55)/7))
}
