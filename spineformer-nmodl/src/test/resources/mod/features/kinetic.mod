NEURON { SUFFIX kin RANGE kf, kb }
PARAMETER { kf = 1 (/ms) kb = 2 (/ms) }
STATE { c o i }
BREAKPOINT { SOLVE scheme METHOD sparse }
INITIAL { SOLVE scheme STEADYSTATE sparse }
KINETIC scheme {
    COMPARTMENT 1 { c o }
    ~ c <-> o (kf, kb)
    ~ 2 o + c <-> i (kf*kb, 1)
    ~ i << (0.1)
    ~ o -> (kb)
    CONSERVE c + o + i = 1
}
