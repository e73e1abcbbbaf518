"""Records NEURON 8.2.2's run of the project's Mover (mod/events/mover.mod, an ARTIFICIAL_CELL using net_move) for
Spineformer's NMODL tests: one 20 um compartment with pas and the project's expsynapse (mod/features/exp_synapse.mod)
at 0.5; the Mover receives connection events at 10, 12 and 40 ms (NetCon.event) and drives the synapse through a
NetCon (delay 1.5 ms, weight 0.003 uS); columns t, v, the synapse's g, the Mover's n and tf. Spineformer's own
script. Usage, from a directory other than the mod folder: /usr/bin/python3 record_mover.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.expsynapse(soma(0.5))
relay = h.Mover()
drive = h.NetCon(None, relay)
drive.weight[0] = 1
out = h.NetCon(relay, syn)
out.delay, out.weight[0] = 1.5, 0.003


def send():
    for t in (10, 12, 40):
        drive.event(t)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "g": h.Vector().record(syn._ref_g), "n": h.Vector().record(relay._ref_n),
        "tf": h.Vector().record(relay._ref_tf)}
recording.run()
recording.write(outdir, "inputs", vecs, {"drive_ms": [10, 12, 40], "out": {"delay_ms": 1.5, "weight_uS": 0.003}})
