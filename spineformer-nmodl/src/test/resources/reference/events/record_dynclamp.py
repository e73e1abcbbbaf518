"""Records NEURON 8.2.2's run of the project's DynClamp (mod/events/dynclamp.mod) for Spineformer's NMODL tests:
one 20 um compartment with pas, DynClamp at 0.5; columns t, v, i, hits. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_dynclamp.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
clamp = h.DynClamp(soma(0.5))
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "i_nA": h.Vector().record(clamp._ref_i), "hits": h.Vector().record(clamp._ref_hits)}
recording.run()
recording.write(outdir, "free", vecs, {
    "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}},
                             "DynClamp": {"g_uS": 0.004, "e_mV": 0.0, "del_ms": 20.0, "dur_ms": 50.0}}
})
