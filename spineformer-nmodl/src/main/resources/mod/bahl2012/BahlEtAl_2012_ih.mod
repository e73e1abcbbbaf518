TITLE h current (HCN1/HCN2) of Bahl et al. (2012), after Kole et al. (2006)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Ih): Iqq = 1e-4 gq (v - ehd), gq = gbar qq,
qq' = (1 - qq) alpha - qq beta integrated by cnexp. qinf and qtau are reported from the
current phase, at the potential of the start of the step.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_ih
    NONSPECIFIC_CURRENT Iqq
    RANGE gbar, vshift, ehd, gq, qinf, qtau
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
    ehd = -47 (mV)
}

ASSIGNED {
    v (mV)
    Iqq (mA/cm2)
    gq (pS/um2)
    qinf (1)
    qtau (ms)
}

STATE { qq }

INITIAL {
    qq = alpha(v - vshift)/(alpha(v - vshift) + beta(v - vshift))
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    qtau = 1/(alpha(v - vshift) + beta(v - vshift))
    qinf = alpha(v - vshift)*qtau
    gq = gbar*qq
    Iqq = (1e-4)*gq*(v - ehd)
}

DERIVATIVE states {
    qq' = (1 - qq)*alpha(v - vshift) - qq*beta(v - vshift)
}

FUNCTION alpha(x (mV)) (/ms) {
    LOCAL u
    u = (x + 154.9 (mV))/11.9 (mV)
    if (fabs(u) < 1e-6) {
        alpha = 0.001*6.43*11.9*(1 - u/2)
    } else {
        alpha = 0.001*6.43*(x + 154.9 (mV))/(exp(u) - 1)
    }
}

FUNCTION beta(x (mV)) (/ms) { beta = 0.001*193*exp(x/33.1 (mV)) }
