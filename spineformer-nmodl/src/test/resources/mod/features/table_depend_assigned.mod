: A TABLE that DEPENDs on an ASSIGNED variable the file sets at every step (CompiledLanesTablesTest): its value
: could differ between trials in lanes mid-run, so a block for several lanes is refused when it is made.
NEURON { SUFFIX tabassigned RANGE x, shift }
ASSIGNED { v (mV) x shift (mV) }
BREAKPOINT {
    shift = 0.01*t
    x = rate(v)
}
FUNCTION rate(v (mV)) {
    TABLE DEPEND shift FROM -100 TO 100 WITH 200
    rate = 1/(1 + exp(-(v + 40 - shift)/5))
}
