"""Records NEURON 8.2.2's run of its built-in IntFire4 (src/nrnoc/intfire4.mod) for Spineformer's validation test
of that file: IntFire4 (its defaults) receiving excitatory connection events (NetCon.event, weight 0.7) at 5, 6, 7,
8, 30, 31, 32 and 60 ms and inhibitory ones (weight -0.4) at 7.5, 31.5 and 61 ms, its events out driving the
project's expsynapse (mod/features/exp_synapse.mod) on one 20 um compartment with pas through a NetCon (delay 1 ms,
weight 0.004 uS); columns t, v, the synapse's g, IntFire4's m, e, i1, i2. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_intfire4.py LIBNRNMECH.so OUTDIR
(the library of exp_synapse.mod)
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.expsynapse(soma(0.5))
cell = h.IntFire4()
inputs = [5, 6, 7, 8, 30, 31, 32, 60]
inhibitory = [7.5, 31.5, 61]
drive = h.NetCon(None, cell)
drive.weight[0] = 0.7
inhibit = h.NetCon(None, cell)
inhibit.weight[0] = -0.4
out = h.NetCon(cell, syn)
out.delay, out.weight[0] = 1, 0.004


def send():
    for t in inputs:
        drive.event(t)
    for t in inhibitory:
        inhibit.event(t)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "g": h.Vector().record(syn._ref_g), "m": h.Vector().record(cell._ref_m),
        "e": h.Vector().record(cell._ref_e), "i1": h.Vector().record(cell._ref_i1), "i2": h.Vector().record(cell._ref_i2)}
recording.run()
recording.write(outdir, "inputs", vecs, {
    "inputs_ms": inputs, "input_weight": 0.7, "inhibitory_ms": inhibitory, "inhibitory_weight": -0.4,
    "out": {"delay_ms": 1, "weight_uS": 0.004}
})
