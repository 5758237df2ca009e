namespace NestSharp.Plasticity.Structural;

/// <summary>
/// One kind of synaptic element of a neuron (an axonal bouton or dendritic spine type, named by the user, e.g.
/// "Axon_ex", "Den_in"): its number z (real; floor(z) elements exist), how many are bound in synapses
/// (<c>z_connected</c>), its growth curve and rate, and <c>tau_vacant</c>, the fraction of vacant elements that retract
/// at each structural update. With <c>continuous</c> false the status reports floor(z).
/// </summary>
internal sealed class SynapticElement
{
    private static readonly string[] OwnKeys = ["continuous", "growth_curve", "growth_rate", "tau_vacant", "z", "z_connected"];

    public double Z;
    public double ZTime;
    public int ZConnected;
    public bool Continuous = true;
    public double GrowthRate = 1.0;
    public double TauVacant = 0.1;
    public GrowthCurve Curve = new LinearGrowthCurve();

    public SynapticElement Clone()
    {
        var copy = (SynapticElement)MemberwiseClone();
        copy.Curve = Curve.Clone();
        return copy;
    }

    /// <summary>Vacant elements: floor(z) - z_connected (negative when synapses must be deleted).</summary>
    public int Vacant => (int)Math.Floor(Z) - ZConnected;

    /// <summary>Binds (n &gt; 0) or frees (n &lt; 0) elements; z grows to cover the bound ones, as NEST does.</summary>
    public void Connect(int n)
    {
        ZConnected += n;
        if (ZConnected > Math.Floor(Z)) Z = ZConnected + (Z - Math.Floor(Z));
    }

    /// <summary>Retracts the fraction tau_vacant of the vacant elements.</summary>
    public void DecayVacant()
    {
        if (Vacant > 0) Z -= Vacant * TauVacant;
    }

    public void Update(double t, double caTime, double caMinus, double tauCa, double h)
    {
        Z = Curve.Update(t, caTime, caMinus, Z, tauCa, GrowthRate, h);
        ZTime = t;
    }

    /// <summary>Applies a status dictionary (validated; the caller works on a clone).</summary>
    public void Set(IReadOnlyDictionary<string, object> values, string elementName)
    {
        if (values.TryGetValue("growth_curve", out var name))
        {
            string curve = StatusValue.ToStringValue("growth_curve", name);
            if (curve != Curve.Name) Curve = Catalog.CreateGrowthCurve(curve);
        }
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "growth_curve": break;
                case "growth_rate": GrowthRate = StatusValue.ToDouble(key, value); break;
                case "tau_vacant":
                    TauVacant = StatusValue.ToDouble(key, value);
                    if (!(TauVacant > 0)) throw new BadPropertyException($"{elementName}.tau_vacant", TauVacant, "all time constants must be strictly positive");
                    break;
                case "continuous": Continuous = StatusValue.ToBool(key, value); break;
                case "z": Z = StatusValue.ToDouble(key, value); break;
                case "z_connected": throw new BadPropertyException($"{elementName}.z_connected", value, "z_connected is read-only (it counts the synapses)");
                default:
                    if (!Curve.Keys.Contains(key))
                        throw new UnaccessedDictionaryEntryException($"synaptic element '{elementName}' ({Curve.Name} growth curve)", key, [.. OwnKeys, .. Curve.Keys]);
                    Curve.Set(key, StatusValue.ToDouble(key, value));
                    break;
            }
        }
    }

    public Dictionary<string, object> Status()
    {
        var status = new Dictionary<string, object>
        {
            ["growth_rate"] = GrowthRate,
            ["tau_vacant"] = TauVacant,
            ["continuous"] = Continuous,
            ["z"] = Z,
            ["z_connected"] = (long)ZConnected,
        };
        Curve.Write(status);
        return status;
    }

    /// <summary>Writes the element: its growth curve with the curve's parameters, z and the time it was brought up to, the bound count and the other parameters.</summary>
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        writer.Write(Curve.Name);
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        Curve.Write(parameters);
        writer.Write(Curve.Keys.Count);
        foreach (var key in Curve.Keys)
        {
            writer.Write(key);
            writer.Write((double)parameters[key]);
        }
        writer.Write(Z);
        writer.Write(ZTime);
        writer.Write(ZConnected);
        writer.Write(Continuous);
        writer.Write(GrowthRate);
        writer.Write(TauVacant);
    }

    /// <summary>An element as <see cref="SaveCheckpoint"/> wrote it.</summary>
    public static SynapticElement Restore(CheckpointReader reader)
    {
        var curve = Catalog.CreateGrowthCurve(reader.ReadString());
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            string key = reader.ReadString();
            if (!curve.Keys.Contains(key)) throw reader.Bad($"a synaptic element's {curve.Name} growth curve has no parameter '{key}'");
            curve.Set(key, reader.ReadDouble());
        }
        return new SynapticElement
        {
            Curve = curve, Z = reader.ReadDouble(), ZTime = reader.ReadDouble(), ZConnected = reader.ReadInt(),
            Continuous = reader.ReadBool(), GrowthRate = reader.ReadDouble(), TauVacant = reader.ReadDouble(),
        };
    }
}
