TITLE high-voltage-activated calcium current of Hay et al. (2011), after Reuveni et al. (1993)
COMMENT
Written for Spineformer from the channel's equations: ica = gCa_HVAbar m^2 h (v - eca), m and h
first-order gates integrated by cnexp, no temperature dependence. The activation rate is 0/0 at
v = -27 mV; there the potential is moved by 1e-4 mV, as in the published model.
ENDCOMMENT

NEURON {
    SUFFIX Ca_HVA
    USEION ca READ eca WRITE ica
    RANGE gCa_HVAbar, gCa_HVA
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gCa_HVAbar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    gCa_HVA (S/cm2)
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
    gCa_HVA = gCa_HVAbar*m*m*h
    ica = gCa_HVA*(v - eca)
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
    LOCAL x
    x = vm
    if (x == -27) { x = x + 0.0001 }
    mAlpha = 0.055*(-27 - x)/(exp((-27 - x)/3.8) - 1)
    mBeta = 0.94*exp((-75 - x)/17)
    mInf = mAlpha/(mAlpha + mBeta)
    mTau = 1/(mAlpha + mBeta)
    hAlpha = 0.000457*exp((-13 - x)/50)
    hBeta = 0.0065/(exp((-x - 15)/28) + 1)
    hInf = hAlpha/(hAlpha + hBeta)
    hTau = 1/(hAlpha + hBeta)
}
