COMMENT
Spineformer's own test file: a BEFORE/AFTER block of a mechanism whose only ion variable is the concentration it
writes. nocmodl 8.2.2 copies a block's ion variables in and out only when the copies are two statements or more
(nocpout.cpp: "if (lst->next != lst->prev)" around get_ion_variables(0) and set_ion_variables(0)); here each is
one, so AFTER SOLVE doubles the mechanism's own cai, which never reaches the ion: the next state update starts again
from the ion's cai, which grows by rate*dt per step.
ENDCOMMENT

NEURON {
    SUFFIX bacw
    USEION ca WRITE cai
    RANGE rate, cseen, nas
}

PARAMETER {
    rate = 1e-5 (mM/ms)
}

ASSIGNED {
    cai (mM)
    cseen (mM)
    nas
}

BREAKPOINT {
    cai = cai + dt*rate
}

AFTER SOLVE {
    cai = 2*cai
    cseen = cai
    nas = nas + 1
}
