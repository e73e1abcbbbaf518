"""Records NEURON 8.2.2's run of the project's Pulser (mod/events/pulser.mod) for Spineformer's NMODL tests: one
20 um compartment with pas, Pulser at 0.5 driven by a NetStim (start 10 ms, interval 20 ms, 3 spikes, no noise)
through a NetCon (delay 1 ms, weight 0.002 uS); columns t, v, i, g, tlast, nsent. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_pulser.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
syn = h.Pulser(soma(0.5))
stim = h.NetStim()
stim.start, stim.interval, stim.number, stim.noise = 10, 20, 3, 0
nc = h.NetCon(stim, syn)
nc.delay, nc.weight[0] = 1, 0.002
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v)}
for name in ["i", "g", "tlast", "nsent"]:
    vecs[name] = h.Vector().record(getattr(syn, "_ref_" + name))
recording.run()
recording.write(outdir, "netstim", vecs, {
    "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}},
                             "Pulser": {"tau_ms": 2.0, "e_mV": 0.0, "dur_ms": 1.5}},
    "stimulus": {"spikes_ms": [10.0, 30.0, 50.0], "delay_ms": 1.0, "weight_uS": 0.002}
})
