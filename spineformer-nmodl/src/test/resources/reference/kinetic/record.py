"""Records NEURON 8.2.2 reference runs of one mechanism in one compartment, in the format of
shared/reference/channels (RUN.json settings + RUN.csv.gz columns), for Spineformer's NMODL tests.

Spineformer's own script (not NEURON's or a model's). Usage, from a directory other than the mod folder:
  /usr/bin/python3 record.py LIBNRNMECH.so MECHANISM OUTDIR 'RANGE=VALUE,...' 'COLUMN=VAR,...' [ION_E=mV,...]
  [L_um=LENGTH,diam_um=DIAMETER] (the compartment's, 20 and 20 when not given) [TABLES]
TABLES gives FUNCTION_TABLEs their values, ';'-separated, before the runs: NAME=Y1:Y2:...@X1:X2:... (NEURON's
table_NAME_MECH(yvec, xvec)) or NAME=Y1:Y2:...@grid:MIN:MAX (table_NAME_MECH(&y[0], n, MIN, MAX)); a table of two
arguments NAME=Y1:Y2:...@2d:AXIS_X/AXIS_Y, the values row by row of x, each axis grid:N:MIN:MAX or X1:X2:...
(table_NAME_MECH(&y[0], nx, MIN, MAX or &x[0], ny, ...)); of three or more, NAME=Y1:...@nd:AXIS/AXIS/AXIS...
COLUMN=VAR: a column recorded from the mechanism's range variable VAR (e.g. O=O) or ion current (ik).
An array element is written NAME[INDEX], as a RANGE (w[1]=0.5) and as a VAR (m[2]=m[2]).
Runs: vclamp_m60, vclamp_m20, vclamp_p20 (SEClamp -80 mV, step, -80 mV) and iclamp (pas, 0.3 nA).
"""
import gzip
import json
import os
import sys

from neuron import h

lib, mech, outdir, params, columns = sys.argv[1:6]
reversals = dict(kv.split("=") for kv in sys.argv[6].split(",")) if len(sys.argv) > 6 and sys.argv[6] else {}
geometry = {"L_um": 20.0, "diam_um": 20.0}
geometry.update({k: float(v) for k, v in (kv.split("=") for kv in sys.argv[7].split(","))} if len(sys.argv) > 7 else {})
tables = dict(kv.split("=") for kv in sys.argv[8].split(";")) if len(sys.argv) > 8 else {}
h.nrn_load_dll(lib)
table_vectors = []  # NEURON keeps pointers into them
for name, spec in tables.items():
    ys, xs = spec.split("@")
    yvec = h.Vector([float(y) for y in ys.split(":")])
    table_vectors.append(yvec)
    if xs.startswith("2d:") or xs.startswith("nd:"):
        spec_args = []
        for axis in xs[3:].split("/"):
            if axis.startswith("grid:"):
                n, lo, hi = axis.split(":")[1:]
                spec_args += [int(n), float(lo), float(hi)]
            else:
                avec = h.Vector([float(x) for x in axis.split(":")])
                table_vectors.append(avec)
                spec_args += [len(avec), avec._ref_x[0]]
        getattr(h, "table_" + name + "_" + mech)(yvec._ref_x[0], *spec_args)
    elif xs.startswith("grid:"):
        lo, hi = (float(x) for x in xs.split(":")[1:])
        getattr(h, "table_" + name + "_" + mech)(yvec._ref_x[0], len(yvec), lo, hi)
    else:
        xvec = h.Vector([float(x) for x in xs.split(":")])
        table_vectors.append(xvec)
        getattr(h, "table_" + name + "_" + mech)(yvec, xvec)
h.load_file("stdrun.hoc")
params = {k: float(v) for k, v in (kv.split("=") for kv in params.split(",") if kv)}
columns = [kv.split("=") for kv in columns.split(",")]
os.makedirs(outdir, exist_ok=True)


def element(name):
    """NAME[INDEX] as (NAME, INDEX); a scalar NAME as (NAME, None)."""
    if name.endswith("]"):
        base, index = name[:-1].split("[")
        return base, int(index)
    return name, None


def run(name, protocol, level):
    soma = h.Section(name="soma")
    soma.L, soma.diam = geometry["L_um"], geometry["diam_um"]
    soma.cm = 1
    soma.Ra = 35.4
    soma.nseg = 1
    inserted = [mech]
    settings_params = {}
    if protocol == "iclamp":
        soma.insert("pas")
        soma.g_pas = 1e-4
        soma.e_pas = -70
        inserted = ["pas", mech]
        settings_params["pas"] = {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}, "global": {}}
    soma.insert(mech)
    seg = soma(0.5)
    for k, v in params.items():
        base, index = element(k)
        if index is None:
            setattr(seg, base + "_" + mech, v)
        else:
            getattr(seg, base + "_" + mech)[index] = v
    settings_params[mech] = {"mod_file": mech, "range": params, "global": {}}
    for k, v in reversals.items():
        setattr(soma, k, float(v))
    if protocol == "vclamp":
        stim = h.SEClamp(seg)
        stim.rs = 0.001
        stim.dur1, stim.amp1 = 20, -80
        stim.dur2, stim.amp2 = 50, level
        stim.dur3, stim.amp3 = 30, -80
        stimulus = {"type": "SEClamp", "location": 0.5, "rs_MOhm": 0.001, "dur1_ms": 20.0, "amp1_mV": -80.0,
                    "dur2_ms": 50.0, "amp2_mV": float(level), "dur3_ms": 30.0, "amp3_mV": -80.0}
        v_init = -80.0
    else:
        stim = h.IClamp(seg)
        stim.delay, stim.dur, stim.amp = 20, 50, 0.3
        stimulus = {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3}
        v_init = -70.0
    vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(seg._ref_v)}
    for col, var in columns:
        # an ion current (ik) is the segment's, which only this mechanism writes
        base, index = element(var)
        ref = "_ref_" + var if var.startswith("i") and var[1:] in ("na", "k", "ca") else "_ref_" + base + "_" + mech
        vecs[col] = h.Vector().record(getattr(seg, ref) if index is None else getattr(seg, ref)[index])
    clamp = "i_seclamp_nA" if protocol == "vclamp" else "i_iclamp_nA"
    vecs[clamp] = h.Vector().record(stim._ref_i)
    h.dt = 0.025
    h.celsius = 37
    h.secondorder = 0
    h.finitialize(v_init)
    h.continuerun(100)
    names = list(vecs)
    with gzip.open(os.path.join(outdir, name + ".csv.gz"), "wt") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(vecs["t_ms"])):
            f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
    settings = {
        "simulator": h.nrnversion(),
        "celsius_degC": 37.0, "dt_ms": 0.025,
        "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
        "protocol": protocol, "mechanism": mech,
        "section": {"L_um": geometry["L_um"], "diam_um": geometry["diam_um"], "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1,
                    "area_um2": seg.area()},
        "mechanisms_inserted": inserted,
        "mechanism_parameters": settings_params,
        "ion_reversal_potentials": {k + "_mV": float(v) for k, v in reversals.items()},
        "stimulus": stimulus, "v_init_mV": v_init, "tstop_ms": 100.0, "columns": names, "decimation": 1,
    }
    if tables:
        settings["function_tables"] = tables
    with open(os.path.join(outdir, name + ".json"), "w") as f:
        json.dump(settings, f, indent=1)
    del stim
    h.delete_section(sec=soma)


for name, protocol, level in [("vclamp_m60", "vclamp", -60), ("vclamp_m20", "vclamp", -20),
                              ("vclamp_p20", "vclamp", 20), ("iclamp", "iclamp", 0)]:
    run(name, protocol, level)
