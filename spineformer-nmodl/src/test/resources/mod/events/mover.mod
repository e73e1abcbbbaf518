TITLE an artificial cell whose pending firing each input postpones (Spineformer test mechanism)
: written for Spineformer's NMODL tests: it fires every period ms, off the 0.025 ms grid (net_send with flag 1,
: net_event); an input event moves the pending firing to postpone ms after the input (net_move), so inputs closer
: together than postpone keep it silent; n counts the firings, tf is the time of the last, set by a PROCEDURE whose t is the event's time
: (NEURON's delivery sets t)

NEURON {
    ARTIFICIAL_CELL Mover
    RANGE period, postpone, n, tf
}

PARAMETER {
    period = 5.31 (ms)
    postpone = 4.01 (ms)
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
        fired()
        net_send(period, 1)
    }
}

PROCEDURE fired() {
    n = n + 1
    tf = t
}
