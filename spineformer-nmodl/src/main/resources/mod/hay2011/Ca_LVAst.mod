TITLE low-voltage-activated (T-type) calcium current of Hay et al. (2011), after Avery and Johnston (1996)
COMMENT
Written for Spineformer from the channel's equations: ica = gCa_LVAstbar m^2 h (v - eca), m and h
first-order gates integrated by cnexp. The Boltzmann curves of Avery and Johnston (1996) with time
constants after Randall and Tsien (1997) are read at v + 10 mV (a 10 mV junction-potential correction),
and the time constants are divided by qt = 2.3^((34 - 21)/10) whatever the temperature.
ENDCOMMENT

NEURON {
    SUFFIX Ca_LVAst
    USEION ca READ eca WRITE ica
    RANGE gCa_LVAstbar, gCa_LVAst
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gCa_LVAstbar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    gCa_LVAst (S/cm2)
    mInf (1)
    mTau (ms)
    hInf (1)
    hTau (ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gCa_LVAst = gCa_LVAstbar*m*m*h
    ica = gCa_LVAst*(v - eca)
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
    x = vm + 10
    mInf = 1/(1 + exp(-(x + 30)/6 (mV)))
    mTau = (5 + 20/(1 + exp((x + 25)/5 (mV))))/qt
    hInf = 1/(1 + exp((x + 80)/6.4 (mV)))
    hTau = (20 + 50/(1 + exp((x + 40)/7 (mV))))/qt
}
