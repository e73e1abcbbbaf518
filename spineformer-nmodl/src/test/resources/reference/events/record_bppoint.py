"""Records NEURON 8.2.2's run of the project's bppoint (mod/breakpoint/bppoint.mod, a POINT_PROCESS that writes no
current) for Spineformer's NMODL tests: one 20 um compartment with pas, an IClamp (0.3 nA from 20 to 70 ms) and
bppoint at 0.5; columns t, v, a, n, integ, m. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_bppoint.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur, stim.amp = 20, 50, 0.3
pp = h.bppoint(soma(0.5))
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v)}
for name in ("a", "n", "integ", "m"):
    vecs[name] = h.Vector().record(getattr(pp, "_ref_" + name))
recording.run()
recording.write(outdir, "iclamp", vecs, {
    "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}}, "bppoint": {"tau_ms": 4.0}},
    "stimulus": {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3}
})
