"""Spineformer's own script. Records NEURON 8.2.2's run of the project's stdpw (mod/events/stdpw.mod: FOR_NETCONS) for Spineformer's NMODL
tests: one 20 um compartment with pas, two stdpw synapses at 0.5. Sources are NetStims (noise 0), so that every
NetCon has a PreSyn (FOR_NETCONS visits the NetCons of NEURON's PreSyns: a NetCon(None, ...) is not among them):
A spikes at 10, 25, 40, 55 ms, to syn1 (weight 0.001 uS, delay 1 ms) and syn2 (0.0015 uS, 1 ms); B at 18, 48 ms, to
syn1 (0.002 uS, 2 ms); C, the "postsynaptic" spikes, at 30, 62 ms, to syn1 and syn2 (weight -1, delay 0.5 ms).
Columns t, v, and each synapse's i, g, nvisit, tpost; the connections' final weight vectors in the json.
Spineformer's own script. Usage, from a directory other than the mod folder:
/usr/bin/python3 record_stdpw.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syns = {"syn1": h.stdpw(soma(0.5)), "syn2": h.stdpw(soma(0.5))}
trains = {"A": (10, 15, 4), "B": (18, 30, 2), "C": (30, 32, 2)}
stims = {}
for name, (start, interval, number) in trains.items():
    ns = h.NetStim()
    ns.start, ns.interval, ns.number, ns.noise = start, interval, number, 0
    stims[name] = ns
connections = [("A", "syn1", 0.001, 1.0), ("A", "syn2", 0.0015, 1.0), ("B", "syn1", 0.002, 2.0),
               ("C", "syn1", -1.0, 0.5), ("C", "syn2", -1.0, 0.5)]
netcons = []
for source, target, weight, delay in connections:
    nc = h.NetCon(stims[source], syns[target])
    nc.weight[0], nc.delay = weight, delay
    netcons.append(nc)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v)}
for name, syn in syns.items():
    for var in ("i", "g", "nvisit", "tpost"):
        vecs[name + "_" + var] = h.Vector().record(getattr(syn, "_ref_" + var))
recording.run()
recording.write(outdir, "pre_post", vecs, {
    "sources": {n: {"start_ms": t[0], "interval_ms": t[1], "number": t[2]} for n, t in trains.items()},
    "connections": [{"source": c[0], "target": c[1], "weight_uS": c[2], "delay_ms": c[3],
                     "final_weight_vector": [nc.weight[j] for j in range(3)]}
                    for c, nc in zip(connections, netcons)]
})
