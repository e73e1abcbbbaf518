TITLE transient sodium current of Hay et al. (2011), after Colbert and Pan (2002)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.hay2011.NaTaT): ina = gNaTa_tbar m^3 h (v - ena),
m and h first-order gates integrated by cnexp, rates scaled by qt = 2.3^((34 - 21)/10)
whatever the temperature. The rate expressions are 0/0 at v = -38 and v = -66 mV; there
the potential is moved by 1e-4 mV, as in the published model.
ENDCOMMENT

NEURON {
    SUFFIX NaTa_t
    USEION na READ ena WRITE ina
    RANGE gNaTa_tbar, gNaTa_t
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER {
    gNaTa_tbar = 0.00001 (S/cm2) <0, 1e9>
}

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    gNaTa_t (S/cm2)
    mInf (1)
    mTau (ms)
    hInf (1)
    hTau (ms)
}

STATE { m h }

BREAKPOINT {
    SOLVE gates METHOD cnexp
    gNaTa_t = gNaTa_tbar*m*m*m*h
    ina = gNaTa_t*(v - ena)
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
    LOCAL qt, x, a, b
    qt = 2.3^((34 - 21)/10)
    x = vm
    if (x == -38) { x = x + 0.0001 }
    a = 0.182*(x + 38)/(1 - exp(-(x + 38)/6 (mV)))
    b = 0.124*(-x - 38)/(1 - exp(-(-x - 38)/6 (mV)))
    mInf = a/(a + b)
    mTau = 1/(a + b)/qt
    x = vm
    if (x == -66) { x = x + 0.0001 }
    a = -0.015*(x + 66)/(1 - exp((x + 66)/6 (mV)))
    b = -0.015*(-x - 66)/(1 - exp((-x - 66)/6 (mV)))
    hInf = a/(a + b)
    hTau = 1/(a + b)/qt
}
