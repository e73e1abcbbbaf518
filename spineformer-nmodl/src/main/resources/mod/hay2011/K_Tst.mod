TITLE transient (A-type) potassium current of Hay et al. (2011), after Korngreen and Sakmann (2000)
COMMENT
Written for Spineformer from the channel's equations: ik = gK_Tstbar m^4 h (v - ek), m and h
first-order gates integrated by cnexp. The fits of Korngreen and Sakmann (2000) to the fast,
transient K current of L5 pyramidal neurons are read at v + 10 mV (a 10 mV junction-potential
correction), Gaussian time constants, divided by qt = 2.3^((34 - 21)/10) whatever the temperature.
ENDCOMMENT

NEURON {
    SUFFIX K_Tst
    USEION k READ ek WRITE ik
    RANGE gK_Tstbar, gK_Tst
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gK_Tstbar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gK_Tst (S/cm2)
    mInf (1)
    mTau (ms)
    hInf (1)
    hTau (ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gK_Tst = gK_Tstbar*m*m*m*m*h
    ik = gK_Tst*(v - ek)
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
    LOCAL qt, x, u
    qt = 2.3^((34 - 21)/10)
    x = vm + 10
    mInf = 1/(1 + exp(-x/19 (mV)))
    u = (x + 71)/59
    mTau = (0.34 + 0.92*exp(-u*u))/qt
    hInf = 1/(1 + exp((x + 66)/10 (mV)))
    u = (x + 73)/23
    hTau = (8 + 49*exp(-u*u))/qt
}
