TITLE injected current with exponential rise and decay (the epsp of Hay et al. 2011)
COMMENT
Written for Spineformer from the current's equations (shared/reference/models/hay2011_l5pc/README.md):
i = -amp ((1 - exp(-(t - onset)/tau0)) - (1 - exp(-(t - onset)/tau1))) from t = onset on, 0 before,
amp = imax / ((1 - exp(-tpeak/tau0)) - (1 - exp(-tpeak/tau1))) so that the peak is imax,
tpeak = tau0 tau1 ln(tau0/tau1) / (tau0 - tau1); exponentials of arguments below -100 are 0.
Negative i is inward: NONSPECIFIC_CURRENT's sign.
ENDCOMMENT

NEURON {
    POINT_PROCESS epsp
    RANGE onset, tau0, tau1, imax, i, myv
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
}

PARAMETER {
    onset = 0 (ms)
    tau0 = 0.2 (ms) <1e-9, 1e9>
    tau1 = 3 (ms) <1e-9, 1e9>
    imax = 0 (nA)
}

ASSIGNED {
    v (mV)
    i (nA)
    myv (mV)
}

BREAKPOINT {
    myv = v
    i = injected(t)
}

FUNCTION cutexp(x) {
    if (x < -100) {
        cutexp = 0
    } else {
        cutexp = exp(x)
    }
}

FUNCTION injected(x (ms)) (nA) {
    LOCAL tpeak, amp
    tpeak = tau0*tau1*log(tau0/tau1)/(tau0 - tau1)
    amp = imax/((1 - cutexp(-tpeak/tau0)) - (1 - cutexp(-tpeak/tau1)))
    if (x < onset) {
        injected = 0
    } else {
        injected = -amp*((1 - cutexp(-(x - onset)/tau0)) - (1 - cutexp(-(x - onset)/tau1)))
    }
}
