TITLE every statement of the NEURON block
NEURON {
    SUFFIX nb
    USEION ca READ eca, cai WRITE ica VALENCE 2 REPRESENTS CHEBI:29108
    USEION k READ ek WRITE ik
    NONSPECIFIC_CURRENT il
    ELECTRODE_CURRENT iel
    RANGE gbar, g
    GLOBAL q10
    THREADSAFE
    REPRESENTS NCIT:C17145
}
PARAMETER { gbar = 1 (S/cm2) q10 = 3 }
ASSIGNED { v (mV) eca (mV) cai (mM) ica (mA/cm2) ek (mV) ik (mA/cm2) il (mA/cm2) iel (nA) g (S/cm2) }
BREAKPOINT { g = gbar  ica = g*(v - eca)  ik = 0  il = 0  iel = 0 }
