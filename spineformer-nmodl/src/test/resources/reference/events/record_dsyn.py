"""Records NEURON 8.2.2's run of the project's dsyn (mod/events/dsyn.mod: state_discontinuity in NET_RECEIVE) for
Spineformer's NMODL tests: one 20 um compartment with pas, dsyn at 0.5 receiving connection events (NetCon.event,
weight 0.005 uS) at 5, 10, 15, 20, 25 and 70 ms; columns t, v, g, r, i. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_dsyn.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.dsyn(soma(0.5))
inputs = [5, 10, 15, 20, 25, 70]
drive = h.NetCon(None, syn)
drive.weight[0] = 0.005


def send():
    for t in inputs:
        drive.event(t)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "g": h.Vector().record(syn._ref_g), "r": h.Vector().record(syn._ref_r), "i": h.Vector().record(syn._ref_i)}
recording.run()
recording.write(outdir, "train", vecs, {"inputs_ms": inputs, "input_weight_uS": 0.005})
