TITLE hyperpolarization-activated cation current (HCN) of Hay et al. (2011), after Kole et al. (2006)
COMMENT
Written for Spineformer from the channel's equations: ihcn = gIhbar m (v - ehcn), a nonspecific
current reversing at ehcn = -45 mV, one gate integrated by cnexp with the rates of Kole, Hallermann and
Stuart (2006):  alpha = 0.00643 (v + 154.9)/(exp((v + 154.9)/11.9) - 1),  beta = 0.193 exp(v/33.1)
(per ms), no temperature dependence. alpha is 0/0 at v = -154.9 mV; there the potential is moved by
1e-4 mV, as in the published model.
ENDCOMMENT

NEURON {
    SUFFIX Ih
    NONSPECIFIC_CURRENT ihcn
    RANGE gIhbar, gIh
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER {
    gIhbar = 0.00001 (S/cm2) <0, 1e9>
    ehcn = -45 (mV)
}

ASSIGNED {
    v (mV)
    ihcn (mA/cm2)
    gIh (S/cm2)
    mInf (1)
    mTau (ms)
    mAlpha (/ms)
    mBeta (/ms)
}

STATE { m }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gIh = gIhbar*m
    ihcn = gIh*(v - ehcn)
}

INITIAL {
    settle(v)
    m = mInf
}

DERIVATIVE gates {
    settle(v)
    m' = (mInf - m)/mTau
}

PROCEDURE settle(vm (mV)) {
    LOCAL x
    x = vm
    if (x == -154.9) { x = x + 0.0001 }
    mAlpha = 0.001*6.43*(x + 154.9)/(exp((x + 154.9)/11.9 (mV)) - 1)
    mBeta = 0.001*193*exp(x/33.1 (mV))
    mInf = mAlpha/(mAlpha + mBeta)
    mTau = 1/(mAlpha + mBeta)
}
