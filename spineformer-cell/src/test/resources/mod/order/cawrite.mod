: Spineformer's own test file
: A calcium pool that sets cai to its own level in INITIAL and at every state update. Beside the built-in cadspine
: (the paper's HayEtAl_2011_cadspine.mod, registered before any file of a --mod folder), NEURON runs the two
: concentration writers from the last registered: cawrite first, then cadspine, whose cai stays.
NEURON {
    SUFFIX cawrite
    USEION ca WRITE cai
    RANGE level
}
PARAMETER { level = 0.002 (mM) }
ASSIGNED { cai (mM) }
INITIAL { cai = level }
BREAKPOINT { SOLVE hold }
PROCEDURE hold() { cai = level }
