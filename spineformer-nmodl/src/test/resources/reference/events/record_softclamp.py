"""Records NEURON 8.2.2's run of the project's SoftClamp (mod/events/softclamp.mod) for Spineformer's NMODL tests:
one 20 um compartment with pas, SoftClamp at 0.5; columns t, v, i, vt, n. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_softclamp.py LIBNRNMECH.so OUTDIR
"""
from neuron import h

import recording

outdir = recording.start()
soma = recording.compartment()
clamp = h.SoftClamp(soma(0.5))
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "i_nA": h.Vector().record(clamp._ref_i), "vt_mV": h.Vector().record(clamp._ref_vt), "n": h.Vector().record(clamp._ref_n)}
recording.run()
recording.write(outdir, "free", vecs, {
    "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}},
                             "SoftClamp": {"g_uS": 0.01, "k": 0.05, "target_mV": -40.0, "del_ms": 20.0, "dur_ms": 50.0}}
})
