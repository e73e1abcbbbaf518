TITLE persistent potassium current of Hay et al. (2011), after Korngreen and Sakmann (2000)
COMMENT
Written for Spineformer from the channel's equations: ik = gK_Pstbar m^2 h (v - ek), m and h
first-order gates integrated by cnexp. The fits of Korngreen and Sakmann (2000) to the slow,
persistent K current of L5 pyramidal neurons are read at v + 10 mV (a 10 mV junction-potential
correction), the activation time constant in two pieces joined at v + 10 = -50 mV, and the time
constants are divided by qt = 2.3^((34 - 21)/10) whatever the temperature.
ENDCOMMENT

NEURON {
    SUFFIX K_Pst
    USEION k READ ek WRITE ik
    RANGE gK_Pstbar, gK_Pst
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gK_Pstbar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gK_Pst (S/cm2)
    mInf (1)
    mTau (ms)
    hInf (1)
    hTau (ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gK_Pst = gK_Pstbar*m*m*h
    ik = gK_Pst*(v - ek)
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
    mInf = 1/(1 + exp(-(x + 1)/12 (mV)))
    if (x < -50) {
        mTau = (1.25 + 175.03*exp(0.026*x))/qt
    } else {
        mTau = (1.25 + 13*exp(-0.026*x))/qt
    }
    hInf = 1/(1 + exp((x + 54)/11 (mV)))
    u = (x + 75)/48
    hTau = (360 + (1010 + 24*(x + 55))*exp(-u*u))/qt
}
