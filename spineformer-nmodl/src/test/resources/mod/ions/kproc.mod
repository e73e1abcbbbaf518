: Spineformer's own test file
: A potassium leak whose current a PROCEDURE the BREAKPOINT calls assigns: the engine cannot add it to the ion's
: total again from its column after the fact (only a BREAKPOINT's own assignment is known to stay until the next
: current phase), so the potassium sum of a cell with it is kept at every step.
NEURON {
    SUFFIX kproc
    USEION k READ ek WRITE ik
    RANGE g
}
PARAMETER { g = 0.0005 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) }
BREAKPOINT { leak() }
PROCEDURE leak() { ik = g*(v - ek) }
