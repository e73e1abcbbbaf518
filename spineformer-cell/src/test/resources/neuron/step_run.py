"""Runs a cell exported by `spineformer model export --neuron` in NEURON with a somatic current step and
presynaptic spikes on some spines, and writes the recorded traces (written for Spineformer's tests).

Usage: python3 step_run.py LIBNRNMECH BUILD_CELL_PY STIMULUS_JSON OUT_CSV

STIMULUS_JSON: {"dt": ms, "tstop": ms, "step": {"section", "x", "delay", "dur", "amp"},
                "spikes": {"spine K SYNAPSE": [t, ...]}, "record": {"column": ["section", x, "v" or "cai"]}}
Each presynaptic time reaches its synapse after the NetCon's delay, as Spineformer's connections do.
"""
import importlib.util
import json
import sys

from neuron import h

lib, script, stimulus, out = sys.argv[1:5]
with open(stimulus) as f:
    stim = json.load(f)
if not h.nrn_load_dll(lib):
    sys.exit(lib + ": cannot load this mechanism library")
spec = importlib.util.spec_from_file_location("build_cell", script)
cell = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cell)
h.celsius = cell.CELSIUS
secs, points, netcons = cell.build(False)
by_name = {sec.name(): sec for sec in secs}
step = stim["step"]
clamp = h.IClamp(by_name[step["section"]](step["x"]))
clamp.delay, clamp.dur, clamp.amp = step["delay"], step["dur"], step["amp"]
columns = list(stim["record"])
vectors = []
for column in columns:
    section, x, variable = stim["record"][column]
    vectors.append(h.Vector().record(getattr(by_name[section](x), "_ref_" + variable)))
h.dt = stim["dt"]
h.finitialize(cell.V_INIT)
for key, times in stim["spikes"].items():
    for t in times:
        netcons[key].event(t + netcons[key].delay)
while h.t < stim["tstop"] - h.dt / 2:
    h.fadvance()
with open(out, "w") as f:
    f.write(",".join(columns) + "\n")
    for row in zip(*vectors):
        f.write(",".join(repr(value) for value in row) + "\n")
