"""Membrane potential traces of voltmeters and multimeters with matplotlib (PyNEST's ``nest.voltage_trace``)."""

import numpy

__all__ = ["from_device", "from_file", "show"]


def from_file(fname, title=None, grayscale=False):
    """Traces from the ASCII file(s) `fname` (columns sender, time, V_m)."""
    import matplotlib.pyplot as plt

    rows = []
    for name in fname if isinstance(fname, (list, tuple)) else [fname]:
        values = numpy.loadtxt(name, comments=("#", "sender"), ndmin=2)
        if values.size:
            rows.append(values)
    if not rows:
        raise ValueError("No data to plot.")
    data = numpy.concatenate(rows)
    plotids = []
    for node in numpy.unique(data[:, 0]):
        mine = data[data[:, 0] == node]
        plotids.append(plt.plot(mine[:, 1], mine[:, 2], color="black" if grayscale else None, label=f"Neuron {int(node)}"))
    plt.xlabel("Time (ms)")
    plt.ylabel("Membrane potential (mV)")
    plt.title(title if title is not None else "Membrane potential")
    plt.legend(loc="best")
    plt.draw()
    return plotids


def from_device(detec, neurons=None, title=None, grayscale=False, timeunit="ms"):
    """Traces of V_m recorded by a voltmeter or multimeter (to memory or ASCII files), one line per neuron;
    `neurons` picks some, `timeunit` is "ms" or "s"."""
    import matplotlib.pyplot as plt

    if len(detec) > 1:
        raise TypeError("Please provide a single voltmeter.")
    if detec.get("model") not in ("voltmeter", "multimeter") and "V_m" not in detec.get("record_from"):
        raise TypeError("Please provide a voltmeter or a multimeter measuring V_m.")
    if detec.get("record_to") == "ascii":
        return from_file(detec.get("filenames"), title, grayscale)
    if detec.get("record_to") != "memory":
        raise ValueError("Provided devices neither record to ascii file, nor to memory.")

    events = detec.get("events")
    senders, times, potentials = events["senders"], events["times"], events["V_m"]
    if len(times) == 0:
        raise ValueError("No events recorded!")
    if neurons is None:
        neurons = numpy.unique(senders)
    elif hasattr(neurons, "tolist"):
        neurons = neurons.tolist()
    scale, xlabel = (1000.0, "Time (s)") if timeunit == "s" else (1.0, "Time (ms)")
    if detec.get("time_in_steps"):
        xlabel = "Steps"
    plotids = []
    for node in neurons:
        mine = senders == node
        if not numpy.any(mine):
            continue
        kwargs = {"color": "black"} if grayscale else {}
        plotids.append(plt.plot(times[mine] / scale, potentials[mine], label=f"Neuron {int(node)}", **kwargs))
    plt.xlabel(xlabel)
    plt.ylabel("Membrane potential (mV)")
    plt.title(title if title is not None else "Membrane potential")
    plt.legend(loc="best")
    plt.draw()
    return plotids


def show():
    """Shows the figures (matplotlib's show)."""
    import matplotlib.pyplot as plt

    plt.show()
