"""Raster plots of spike recorders with matplotlib (PyNEST's ``nest.raster_plot``): dots for spikes over time and
node id, with a histogram of the population rate below."""

import numpy

from . import _api

__all__ = ["extract_events", "from_data", "from_device", "from_file", "from_file_numpy", "from_file_pandas", "show"]


def extract_events(data, time=None, sel=None):
    """The rows of `data` (columns: node id, time) with time in [t0, t1] (`time`) and node ids in `sel`."""
    data = numpy.asarray(data)
    keep = numpy.ones(len(data), dtype=bool)
    if time is not None:
        keep &= (data[:, 1] >= time[0]) & (data[:, 1] <= time[1])
    if sel is not None:
        keep &= numpy.isin(data[:, 0], list(sel))
    return data[keep]


def from_data(data, sel=None, **kwargs):
    """Raster plot of `data`, rows of (node id, time)."""
    data = numpy.asarray(data)
    if len(data) == 0:
        raise ValueError("No data to plot.")
    ts = data[:, 1]
    node_ids = data[:, 0]
    return _make_plot(ts, node_ids, **kwargs)


def _read_ascii(filenames):
    rows = []
    for name in filenames if isinstance(filenames, (list, tuple)) else [filenames]:
        values = numpy.loadtxt(name, comments=("#", "sender"), ndmin=2)
        if values.size:
            rows.append(values[:, :2])
    return numpy.concatenate(rows) if rows else numpy.empty((0, 2))


def from_file(fname, **kwargs):
    """Raster plot of the spikes in the ASCII file(s) `fname` (columns sender, time)."""
    return from_data(_read_ascii(fname), **kwargs)


def from_file_numpy(fname, **kwargs):
    """Raster plot of the spikes in the ASCII files `fname` (a list), read with numpy."""
    return from_data(_read_ascii(list(fname)), **kwargs)


def from_file_pandas(fname, **kwargs):
    """Raster plot of the spikes in the ASCII files `fname` (a list), read with pandas (after the two header lines,
    the column names)."""
    import pandas

    frames = [pandas.read_table(name, header=2, skipinitialspace=True).values[:, :2] for name in fname]
    return from_data(numpy.concatenate(frames), **kwargs)


def from_device(detec, **kwargs):
    """Raster plot of a spike_recorder's spikes (recorded to memory or to ASCII files). Options: hist (True),
    hist_binwidth (5.0 ms), grayscale, title, xlabel."""
    if _api.GetDefaults(detec.get("model"), "element_type") != "recorder" or "spike" not in detec.get("model"):
        raise TypeError("Please provide a 'spike_recorder'.")
    record_to = detec.get("record_to")
    if record_to == "memory":
        events = detec.get("events")
        ts, node_ids = events["times"], events["senders"]
        if not len(ts):
            raise ValueError("No events recorded by 'spike_recorder'.")
        kwargs.setdefault("title", "Raster plot from device '%i'" % detec.get("global_id"))
        xlabel = "Steps" if detec.get("time_in_steps") else "Time (ms)"
        return _make_plot(ts, node_ids, xlabel=xlabel, **kwargs)
    if record_to == "ascii":
        return from_file(detec.get("filenames"), **kwargs)
    raise ValueError("No data to plot. Make sure that 'record_to' is set to either 'ascii' or 'memory'.")


def _make_plot(ts, node_ids, hist=True, hist_binwidth=5.0, grayscale=False, title=None, xlabel=None):
    import matplotlib.pyplot as plt

    plt.figure()
    color_marker = ".k" if grayscale else "."
    color_bar = "gray" if grayscale else "blue"
    color_edge = "black"
    xlabel = xlabel or "Time (ms)"
    ylabel = "Neuron ID"
    if hist:
        ax1 = plt.axes([0.1, 0.3, 0.85, 0.6])
        plotid = plt.plot(ts, node_ids, color_marker)
        plt.ylabel(ylabel)
        plt.xticks([])
        xlim = plt.xlim()
        plt.axes([0.1, 0.1, 0.85, 0.17])
        t_bins = numpy.arange(numpy.amin(ts), numpy.amax(ts), float(hist_binwidth))
        if len(t_bins) < 2:
            t_bins = numpy.array([numpy.amin(ts), numpy.amin(ts) + float(hist_binwidth)])
        counts, _ = numpy.histogram(ts, bins=t_bins)
        neurons = len(numpy.unique(node_ids))
        rates = counts * 1000.0 / (float(hist_binwidth) * max(neurons, 1))
        plt.bar(t_bins[:-1], rates, width=hist_binwidth, color=color_bar, edgecolor=color_edge, align="edge")
        plt.yticks([int(x) for x in numpy.linspace(0.0, int(max(rates) * 1.1) + 5, 4)])
        plt.ylabel("Rate (Hz)")
        plt.xlabel(xlabel)
        plt.xlim(xlim)
        plt.axes(ax1)
    else:
        plotid = plt.plot(ts, node_ids, color_marker)
        plt.xlabel(xlabel)
        plt.ylabel(ylabel)
    plt.title(title if title is not None else "Raster plot")
    plt.draw()
    return plotid


def show():
    """Shows the figures (matplotlib's show)."""
    import matplotlib.pyplot as plt

    plt.show()
