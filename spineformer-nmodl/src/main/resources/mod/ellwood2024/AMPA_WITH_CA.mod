TITLE AMPA synapse potentiated by spine calcium (Ellwood 2024)
COMMENT
Written for Spineformer from the synapse's equations (see the Java port
org.spineformer.mechanisms.synapse.AmpaWithCa): a double exponential Gampa - Aampa as NMDA's,
iampa = ((1 - alpha) + max_potentiation alpha) gmax (Gampa - Aampa) (v - e), where
alpha = sig(sigmoid_sharpness (g_dynamic_delayed / ca_potentiation_threshold - 1) + sigmoid_offset)
(0 for an infinite threshold: no potentiation), g_dynamic' = -g_dynamic/tau_plasticity + (cai - 5e-7)^4 and
g_dynamic_delayed' = (g_dynamic - g_dynamic_delayed)/tau_g_dynamic_delayed.
As in the published model, the current is declared twice (i and iampa, i = iampa), so the
membrane receives it twice.
ENDCOMMENT

NEURON {
    POINT_PROCESS AMPA_WITH_CA
    USEION ca READ cai
    NONSPECIFIC_CURRENT i, iampa
    RANGE tau1, tau2, e, gmax, g, i, factor, alpha, max_potentiation, ca_potentiation_threshold,
        sigmoid_sharpness, sigmoid_offset, tau_plasticity, tau_g_dynamic_delayed, mg, ca_zero_point
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
    (mM) = (milli/liter)
}

PARAMETER {
    tau1 = 0.34 (ms) <1e-9, 1e9>
    tau2 = 2 (ms) <1e-9, 1e9>
    e = 0 (mV)
    gmax = 0.002 (uS) <0, 1e9>
    mg = 1 (mM)
    ca_zero_point = 500
    max_potentiation = 8
    ca_potentiation_threshold = 1e50
    sigmoid_sharpness = 20
    sigmoid_offset = 0
    tau_plasticity = 20000 (ms)
    tau_g_dynamic_delayed = 500 (ms)
}

ASSIGNED {
    v (mV)
    cai (mM)
    i (nA)
    iampa (nA)
    g (uS)
    factor (1)
    alpha (1)
}

STATE { Aampa Gampa g_dynamic g_dynamic_delayed }

INITIAL {
    LOCAL tp
    if (tau1/tau2 > 0.9999) {
        tau1 = 0.9999*tau2
    }
    Aampa = 0
    Gampa = 0
    g_dynamic = 0
    g_dynamic_delayed = 0
    tp = (tau1*tau2)/(tau2 - tau1)*log(tau2/tau1)
    factor = 1/(-exp(-tp/tau1) + exp(-tp/tau2))
}

BREAKPOINT {
    SOLVE dynamics METHOD cnexp
    if (ca_potentiation_threshold > 1.7976931348623157e308) {
        : above the largest double, i.e. infinite: no potentiation at all, as the published model's AMPA
        : variant without it (sig would leave sig(sigmoid_offset - sigmoid_sharpness), 2e-9 by default)
        alpha = 0
    } else {
        alpha = sig(sigmoid_sharpness*(g_dynamic_delayed/ca_potentiation_threshold - 1) + sigmoid_offset)
    }
    g = Gampa - Aampa
    iampa = ((1 - alpha) + max_potentiation*alpha)*gmax*g*(v - e)
    i = iampa
}

DERIVATIVE dynamics {
    Aampa' = -Aampa/tau1
    Gampa' = -Gampa/tau2
    : pow(x, 4), not x^4: NEURON 8.2's nocmodl stops on ^ in a cnexp equation
    g_dynamic' = -g_dynamic/tau_plasticity + pow(cai - 5e-7, 4)
    g_dynamic_delayed' = (g_dynamic - g_dynamic_delayed)/tau_g_dynamic_delayed
}

FUNCTION sig(x) {
    sig = 1/(1 + exp(-x))
}

NET_RECEIVE(weight) {
    Aampa = Aampa + weight*factor
    Gampa = Gampa + weight*factor
}
