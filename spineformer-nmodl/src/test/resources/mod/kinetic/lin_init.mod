TITLE four-state sodium-like scheme started by a LINEAR block (Spineformer test mechanism)
: written for Spineformer's NMODL tests: the initial equilibrium from a LINEAR block solved in INITIAL
: (SOLVE name, as in Allen's NaV), then a linear KINETIC scheme with CONSERVE and METHOD sparse

NEURON {
    SUFFIX lin4
    USEION na READ ena WRITE ina
    RANGE gbar, g
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.05 (S/cm2)
    am0 = 2 (/ms)
    bm0 = 0.3 (/ms)
    kf = 0.8 (/ms)
    kb0 = 0.01 (/ms)
}

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    g (S/cm2)
    am (/ms)
    bm (/ms)
    kb (/ms)
}

STATE { C1 C2 O I }

INITIAL {
    rates(v)
    SOLVE equilibrium
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    g = gbar*O
    ina = g*(v - ena)
}

KINETIC scheme {
    rates(v)
    ~ C1 <-> C2 (2*am, bm)
    ~ C2 <-> O (am, 2*bm)
    ~ O <-> I (kf, kb)
    ~ C1 <-> I (0.01*kf, kb)
    CONSERVE C1 + C2 + O + I = 1
}

LINEAR equilibrium {
    ~ C2*bm - C1*(2*am + 0.01*kf) + I*kb = 0
    ~ C1*2*am + O*2*bm - C2*(bm + am) = 0
    ~ C2*am + I*kb - O*(2*bm + kf) = 0
    ~ C1 + C2 + O + I = 1
}

PROCEDURE rates(v (mV)) {
    am = am0*exp((v + 35)/9)
    bm = bm0*exp(-(v + 35)/18)
    kb = kb0*exp(-(v + 70)/15)
}
