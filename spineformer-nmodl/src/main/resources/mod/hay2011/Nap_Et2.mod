TITLE persistent sodium current of Hay et al. (2011), after Magistretti and Alonso (1999)
COMMENT
Written for Spineformer from the channel's equations: ina = gNap_Et2bar m^3 h (v - ena), m and h
first-order gates integrated by cnexp, time constants divided by qt = 2.3^((34 - 21)/10) whatever
the temperature. Steady states are the Boltzmann fits of Magistretti and Alonso (1999) (half points
-52.6 and -48.8 mV); the activation time constant is six times that of the transient channel's rates
(half point -38 mV), the inactivation rates are the slow ones of that paper. The rate expressions
are 0/0 at v = -38, -17 and -64.4 mV; there the potential is moved by 1e-4 mV, as in the published
model.
ENDCOMMENT

NEURON {
    SUFFIX Nap_Et2
    USEION na READ ena WRITE ina
    RANGE gNap_Et2bar, gNap_Et2
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER { gNap_Et2bar = 0.00001 (S/cm2) <0, 1e9> }

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    gNap_Et2 (S/cm2)
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
    gNap_Et2 = gNap_Et2bar*m*m*m*h
    ina = gNap_Et2*(v - ena)
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
    mInf = 1/(1 + exp(-(x + 52.6)/4.6 (mV)))
    if (x == -38) { x = x + 0.0001 }
    mAlpha = 0.182*(x + 38)/(1 - exp(-(x + 38)/6 (mV)))
    mBeta = 0.124*(-x - 38)/(1 - exp(-(-x - 38)/6 (mV)))
    mTau = 6/(mAlpha + mBeta)/qt
    x = vm
    if (x == -17) { x = x + 0.0001 }
    if (x == -64.4) { x = x + 0.0001 }
    hInf = 1/(1 + exp((x + 48.8)/10 (mV)))
    hAlpha = -2.88e-6*(x + 17)/(1 - exp((x + 17)/4.63 (mV)))
    hBeta = 6.94e-6*(x + 64.4)/(1 - exp(-(x + 64.4)/2.63 (mV)))
    hTau = 1/(hAlpha + hBeta)/qt
}
