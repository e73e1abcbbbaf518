"""Records NEURON 8.2.2's run of the project's Facil (mod/events/facil.mod) for Spineformer's NMODL tests: one
20 um compartment with pas, Facil at 0.5 receiving through two connections (NetCon events at spike + delay: A
spikes 10, 15, 20, 60 ms, delay 1 ms, weight 0.001 uS; B spikes 12, 40, 41 ms, delay 2 ms, weight 0.002 uS);
columns t, v, i, g; the connections' final weight vectors in the json. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_facil.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.Facil(soma(0.5))
trains = {"A": ([10, 15, 20, 60], 1.0, 0.001), "B": ([12, 40, 41], 2.0, 0.002)}
netcons = {}
for name, (spikes, delay, weight) in trains.items():
    nc = h.NetCon(None, syn)
    nc.delay, nc.weight[0] = delay, weight
    netcons[name] = nc


def send():
    for name, (spikes, delay, weight) in trains.items():
        for s in spikes:
            netcons[name].event(s + delay)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "i": h.Vector().record(syn._ref_i), "g": h.Vector().record(syn._ref_g)}
recording.run()
recording.write(outdir, "two_connections", vecs, {
    "connections": {n: {"spikes_ms": t[0], "delay_ms": t[1], "weight_uS": t[2],
                        "final_weight_vector": [netcons[n].weight[j] for j in range(4)]}
                    for n, t in trains.items()}
})
