TITLE an artificial cell whose pending firing each input postpones (Spineformer test mechanism)
: written for Spineformer's NMODL tests: it fires every period ms (net_send with flag 1, net_event); an input event
: moves the pending firing to postpone ms after the input (net_move), so inputs closer together than postpone
: keep it silent; n counts the firings, tf is the time of the last

NEURON {
    ARTIFICIAL_CELL Mover
    RANGE period, postpone, n, tf
}

PARAMETER {
    period = 5.3 (ms)
    postpone = 4 (ms)
}

ASSIGNED {
    n (1)
    tf (ms)
}

INITIAL {
    n = 0
    tf = -1
    net_send(period, 1)
}

NET_RECEIVE(w) {
    if (flag == 0) {
        net_move(t + postpone)
    } else {
        net_event(t)
        n = n + 1
        tf = t
        net_send(period, 1)
    }
}
