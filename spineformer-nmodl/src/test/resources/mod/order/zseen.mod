: Spineformer's own test file
: A potassium current that reads the ion's current before it writes its own (as ion pumps and accumulation files
: that READ and WRITE ik do). nocmodl's nrn_cur copies ik = _ion_ik in before its two evaluations: the sum of the
: currents of the mechanisms whose type comes before this one at the node. aseen and zseen are the same mechanism,
: named to come before and after kwrite in nrnivmodl's order (the files' names). Its state q follows ik as
: nrn_state copies it in: the ion's whole current, every mechanism's (as cabpump.mod's calcium pump reads ica).
NEURON {
    SUFFIX zseen
    USEION k READ ek, ik WRITE ik
    RANGE g, seen
}
PARAMETER { g = 0.001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) seen (mA/cm2) }
STATE { q (mA/cm2) }
INITIAL { q = 0 }
BREAKPOINT {
    SOLVE follow METHOD cnexp
    seen = ik
    ik = g*(v - ek) + 0.5*seen
}
DERIVATIVE follow { q' = (ik - q)/(2 (ms)) }
