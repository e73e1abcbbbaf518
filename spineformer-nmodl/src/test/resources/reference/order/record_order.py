"""Records NEURON 8.2.2 running the project's mod/order files (Spineformer's own script), in the setting of
../events/recording.py (one 20 um compartment with pas, fixed step at 37 degC, v_init -70 mV, 100 ms) with an IClamp
(0.3 nA from 20 to 70 ms): in run reader_first with aseen and kwrite, in run writer_first with kwrite and zseen.
NEURON runs them in its mechanism type order, the order nrnivmodl registered the files in (aseen, kwrite, zseen),
whatever the order of insertion. Records v, the reader's seen and q, the ion's ik (the sum of both currents) and the
clamp's current. Usage, from a directory other than the mod folder, after nrnivmodl of the three files:
  /usr/bin/python3 record_order.py LIBNRNMECH.so OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events"))
from recording import compartment, run, start, write  # noqa: E402
from neuron import h  # noqa: E402

TYPE_ORDER = ["aseen", "kwrite", "zseen"]  # nrnivmodl's, after the built-in pas
outdir = start()


def record(name, reader, mechanisms):
    soma = compartment()
    for m in mechanisms:
        soma.insert(m)
    seg = soma(0.5)
    stim = h.IClamp(seg)
    stim.delay, stim.dur, stim.amp = 20, 50, 0.3
    refs = {"t_ms": h._ref_t, "v_mV": seg._ref_v, "seen": getattr(seg, "_ref_seen_" + reader),
            "q": getattr(seg, "_ref_q_" + reader), "ik": seg._ref_ik, "i_iclamp_nA": stim._ref_i}
    vecs = {n: h.Vector().record(r) for n, r in refs.items()}
    run()
    write(outdir, name, vecs, {
        "mechanisms_in_type_order": ["pas"] + sorted(mechanisms, key=TYPE_ORDER.index), "reader": reader,
        "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}}},
        "stimulus": {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3}})
    del stim
    h.delete_section(sec=soma)


# inserted in the other order than NEURON runs them: the type order decides, not the insertion
record("reader_first", "aseen", ["kwrite", "aseen"])
record("writer_first", "zseen", ["zseen", "kwrite"])
