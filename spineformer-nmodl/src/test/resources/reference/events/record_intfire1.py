"""Records NEURON 8.2.2's run of its built-in IntFire1 (src/nrnoc/intfire1.mod) for Spineformer's validation test
of that file: IntFire1 (tau 10 ms, refrac 5 ms) receiving connection events (NetCon.event, weight 0.4) at 10, 12,
14, 16, 30, 31, 32, 33, 34, 35 and 60 ms, its events out driving the project's expsynapse
(mod/features/exp_synapse.mod) on one 20 um compartment with pas through a NetCon (delay 1 ms, weight 0.004 uS);
columns t, v, the synapse's g, IntFire1's m. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_intfire1.py LIBNRNMECH.so OUTDIR
(the library of exp_synapse.mod)
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.expsynapse(soma(0.5))
cell = h.IntFire1()
cell.tau, cell.refrac = 10, 5
inputs = [10, 12, 14, 16, 30, 31, 32, 33, 34, 35, 60]
drive = h.NetCon(None, cell)
drive.weight[0] = 0.4
out = h.NetCon(cell, syn)
out.delay, out.weight[0] = 1, 0.004


def send():
    for t in inputs:
        drive.event(t)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "g": h.Vector().record(syn._ref_g), "m": h.Vector().record(cell._ref_m)}
recording.run()
recording.write(outdir, "inputs", vecs, {
    "IntFire1": {"tau_ms": 10, "refrac_ms": 5}, "inputs_ms": inputs, "input_weight": 0.4,
    "out": {"delay_ms": 1, "weight_uS": 0.004}
}, section=False)
