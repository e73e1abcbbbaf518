"""Records NEURON 8.2.2's run of the project's Facil (mod/events/facil.mod) for Spineformer's NMODL tests: one
20 um compartment with pas, Facil at 0.5 receiving through two connections (NetCon events at spike + delay: A
spikes 10, 15, 20, 60 ms, delay 1 ms, weight 0.001 uS; B spikes 12, 40, 41 ms, delay 2 ms, weight 0.002 uS);
columns t, v, i, g; the connections' final weight vectors in the json. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_facil.py LIBNRNMECH.so OUTDIR
"""
import gzip
import json
import os
import sys

from neuron import h

lib, outdir = sys.argv[1:3]
h.nrn_load_dll(lib)
h.load_file("stdrun.hoc")
os.makedirs(outdir, exist_ok=True)
soma = h.Section(name="soma")
soma.L = soma.diam = 20
soma.cm, soma.Ra, soma.nseg = 1, 35.4, 1
soma.insert("pas")
soma.g_pas, soma.e_pas = 1e-4, -70
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
h.dt, h.celsius, h.secondorder = 0.025, 37, 0
h.finitialize(-70)
h.continuerun(100)
names = list(vecs)
with gzip.open(os.path.join(outdir, "two_connections.csv.gz"), "wt") as f:
    f.write(",".join(names) + "\n")
    for i in range(len(vecs["t_ms"])):
        f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
settings = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
            "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
            "section": {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1},
            "connections": {n: {"spikes_ms": t[0], "delay_ms": t[1], "weight_uS": t[2],
                                "final_weight_vector": [netcons[n].weight[j] for j in range(4)]}
                            for n, t in trains.items()},
            "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names}
with open(os.path.join(outdir, "two_connections.json"), "w") as f:
    json.dump(settings, f, indent=1)
