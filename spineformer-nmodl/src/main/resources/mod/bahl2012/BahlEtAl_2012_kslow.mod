TITLE slow inactivating potassium current of Bahl et al. (2012), after Korngreen and Sakmann (2000)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Kslow): ik = 1e-4 gk (v - ek),
gk = tadj gbar a^2 (b + b1)/2, activation a and a fast and a slow inactivation b, b1
(sharing binf), all integrated by cnexp. The rates are functions of v - vshift - vshift2,
tabulated from -120 to 100 mV in 199 intervals; tadj = q10^((celsius - temp)/10) scales only
the conductance.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_kslow
    USEION k READ ek WRITE ik
    RANGE gbar, vshift, vshift2, gk, ainf, binf, taua, taub, taub1
    GLOBAL v05b, zb, a0, a1, a2, a3, a4, a5, a6, b0, b11, b2, b3, b4, b5, bb0, bb1, bb2, bb3, bb4, temp, q10
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (pS) = (picosiemens)
    (um) = (micron)
}

PARAMETER {
    gbar = 0 (pS/um2) <0, 1e9>
    vshift = 0 (mV)
    vshift2 = 0 (mV)
    v05b = -58 (mV)
    zb = -11 (mV)
    a0 = 0.0052 (/ms-mV)
    a1 = 11.1 (mV)
    a2 = 13.1 (mV)
    a3 = 0.01938 (/ms)
    a4 = -1.27 (mV)
    a5 = 71 (mV)
    a6 = -0.0053 (/ms)
    b0 = 360 (ms)
    b11 = 1010 (ms)
    b2 = -75 (mV)
    b3 = 48 (mV)
    b4 = 23.7 (ms/mV)
    b5 = -54 (mV)
    bb0 = 2350 (ms)
    bb1 = 1380 (ms)
    bb2 = 0.01118 (/mV)
    bb3 = -210 (ms)
    bb4 = 0.0306 (/mV)
    temp = 21 (degC)
    q10 = 2.3 (1)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gk (pS/um2)
    ainf (1)
    binf (1)
    taua (ms)
    taub (ms)
    taub1 (ms)
    tadj (1)
}

STATE { a b b1 }

INITIAL {
    rates(v - vshift - vshift2)
    a = ainf
    b = binf
    b1 = binf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    tadj = q10^((celsius - temp)/10 (degC))
    gk = tadj*gbar*a*a*(0.5*b + 0.5*b1)
    ik = (1e-4)*gk*(v - ek)
}

DERIVATIVE states {
    rates(v - vshift - vshift2)
    a' = (ainf - a)/taua
    b' = (binf - b)/taub
    b1' = (binf - b1)/taub1
}

PROCEDURE rates(x (mV)) {
    LOCAL alpha, beta
    TABLE ainf, binf, taua, taub, taub1 DEPEND a0, a1, a2, a3, a4, a5, a6, b0, b11, b2, b3, b4, b5, bb0, bb1, bb2,
        bb3, bb4, v05b, zb FROM -120 TO 100 WITH 199
    alpha = a0*linoid(x - a1, a2)
    beta = a3*exp(-(x - a4)/a5) + a6
    taua = 1/(alpha + beta)
    ainf = alpha/(alpha + beta)
    taub = b0 + (b11 + b4*(x - b5))*exp(-(x - b2)*(x - b2)/(b3*b3))
    taub1 = bb0 + bb1*exp(-bb2*x) + bb3*exp(-bb4*x)
    binf = 1/(1 + exp(-(x - v05b)/zb))
}

COMMENT
x/(1 - exp(-x/q)), continued through its removable singularity at x = 0.
ENDCOMMENT
FUNCTION linoid(x (mV), q (mV)) (mV) {
    if (fabs(x/q) < 1e-6) {
        linoid = q*(1 + x/q/2)
    } else {
        linoid = x/(1 - exp(-x/q))
    }
}
