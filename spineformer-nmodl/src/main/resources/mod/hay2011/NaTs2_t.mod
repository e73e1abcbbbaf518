TITLE transient sodium current (somatic variant) of Hay et al. (2011), after Colbert and Pan (2002)
COMMENT
Written for Spineformer from the channel's equations: ina = gNaTs2_tbar m^3 h (v - ena), m and h
first-order gates integrated by cnexp, rates scaled by qt = 2.3^((34 - 21)/10) whatever the
temperature. The rates are those of NaTa_t with both activation and inactivation shifted by +6 mV
(half points -32 and -60 mV instead of -38 and -66). They are 0/0 at v = -32 and v = -60 mV; there
the potential is moved by 1e-4 mV, as in the published model.
ENDCOMMENT

NEURON {
    SUFFIX NaTs2_t
    USEION na READ ena WRITE ina
    RANGE gNaTs2_tbar, gNaTs2_t
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gNaTs2_tbar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    gNaTs2_t (S/cm2)
    mInf (1)
    mTau (ms)
    mAlpha (/ms)
    mBeta (/ms)
    hInf (1)
    hTau (ms)
    hAlpha (/ms)
    hBeta (/ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gNaTs2_t = gNaTs2_tbar*m*m*m*h
    ina = gNaTs2_t*(v - ena)
}

INITIAL {
    settle(v)
    m = mInf
    h = hInf
}

DERIVATIVE gates {
    settle(v)
    m' = (mInf - m)/mTau
    h' = (hInf - h)/hTau
}

PROCEDURE settle(vm (mV)) {
    LOCAL qt, x
    qt = 2.3^((34 - 21)/10)
    x = vm
    if (x == -32) { x = x + 0.0001 }
    mAlpha = 0.182*(x + 32)/(1 - exp(-(x + 32)/6 (mV)))
    mBeta = 0.124*(-x - 32)/(1 - exp(-(-x - 32)/6 (mV)))
    mInf = mAlpha/(mAlpha + mBeta)
    mTau = 1/(mAlpha + mBeta)/qt
    x = vm
    if (x == -60) { x = x + 0.0001 }
    hAlpha = -0.015*(x + 60)/(1 - exp((x + 60)/6 (mV)))
    hBeta = -0.015*(-x - 60)/(1 - exp((-x - 60)/6 (mV)))
    hInf = hAlpha/(hAlpha + hBeta)
    hTau = 1/(hAlpha + hBeta)/qt
}
