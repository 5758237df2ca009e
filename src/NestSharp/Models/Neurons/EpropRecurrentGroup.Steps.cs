namespace NestSharp.Models.Neurons;

/// <summary>
/// The two membrane steps of the recurrent e-prop neurons, each written once for the model and its _adapt twin (the
/// spike threshold is a struct: <see cref="FixedThreshold"/> or <see cref="EpropRecurrentAdaptiveGroup.AdaptingThreshold"/>):
/// <see cref="AdvanceSoftReset{TThreshold}"/> of eprop_iaf(_adapt), <see cref="AdvanceHardReset{TThreshold}"/> of
/// eprop_iaf_psc_delta(_adapt).
/// </summary>
internal abstract partial class EpropRecurrentGroup
{
    /// <summary>The spike threshold of a step.</summary>
    protected interface ISpikeThreshold
    {
        /// <summary>The adaptation of a step that integrates the membrane, with the previous step's spike (nothing for a fixed threshold).</summary>
        void Adapt(int i, double zPrevious);

        /// <summary>The threshold of node <paramref name="i"/> in this step.</summary>
        double At(int i);
    }

    /// <summary>The fixed threshold V_th of the chunk's steps.</summary>
    protected FixedThreshold Fixed => new(this[_c.VTh]);

    /// <summary>V_th.</summary>
    protected readonly struct FixedThreshold(double[] vTh) : ISpikeThreshold
    {
        public void Adapt(int i, double zPrevious) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double At(int i) => vTh[i];
    }

    /// <summary>
    /// eprop_iaf's step in NEST's order: refractory count-down, V_m, V_min clamp, the threshold's adaptation (with the
    /// previous step's spike), surrogate gradient, spike (V_m -= V_th) or flush event, e-prop history, learning signal,
    /// input current of the next step.
    /// </summary>
    protected void AdvanceSoftReset<TThreshold>(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents, TThreshold threshold)
        where TThreshold : struct, ISpikeThreshold
    {
        double[] vm = this[_c.Vm], r = this[_c.Refractory], iIn = this[_c.IIn], z = this[_c.Z], sg = this[_c.SurrogateGradient];
        double[] vMin = this[_c.VMin], vTh = this[_c.VTh], ie = this[_c.Ie], height = this[_c.SurrogateGradientHeight], width = this[_c.SurrogateGradientWidth];
        var kinds = SurrogateKinds;
        Span<double> spikeIn = s.Input(_c.Inputs.Spikes), currentIn = s.Input(_c.Inputs.Currents);
        long t = s.Step;
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            if (r[i] > 0) r[i]--;
            vm[i] = PiIn[i] * iIn[i] + spikeIn[k] + PvM[i] * vm[i];
            vm[i] = Math.Max(vm[i], vMin[i]);
            threshold.Adapt(i, z[i]);
            z[i] = 0.0;
            sg[i] = EpropSurrogateGradients.Compute(kinds[i], r[i], vm[i], threshold.At(i), height[i], width[i]);
            if (Fires(i, vm[i] >= threshold.At(i) && r[i] == 0, t, s.Lag, spikes, flushEvents))
            {
                z[i] = 1.0;
                vm[i] -= vTh[i] * z[i];
                r[i] = RefractorySteps[i];
            }
            Archive(i, t, sg[i], z[i]);
            iIn[i] = currentIn[k] + ie[i];
        }
    }

    /// <summary>
    /// eprop_iaf_psc_delta's step in NEST's order: outside the refractory period V_m (with the input buffered while
    /// refractory, if refractory_input), V_min clamp and the threshold's adaptation (with the previous step's spike);
    /// within it the input buffered (if refractory_input) and the count-down; then surrogate gradient, spike (V_m =
    /// V_reset) or flush event, e-prop history, learning signal, input current of the next step.
    /// </summary>
    protected void AdvanceHardReset<TThreshold>(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents, TThreshold threshold)
        where TThreshold : struct, ISpikeThreshold
    {
        double[] vm = this[_c.Vm], r = this[_c.Refractory], iIn = this[_c.IIn], z = this[_c.Z], sg = this[_c.SurrogateGradient];
        double[] vMin = this[_c.VMin], ie = this[_c.Ie], height = this[_c.SurrogateGradientHeight], width = this[_c.SurrogateGradientWidth];
        var d = _hardReset!;
        double[] vReset = this[d.VReset], refractoryInput = this[d.RefractoryInput], buffered = this[d.RefrSpikesBuffer], tauM = this[_c.TauM];
        var kinds = SurrogateKinds;
        Span<double> spikeIn = s.Input(_c.Inputs.Spikes), currentIn = s.Input(_c.Inputs.Currents);
        long t = s.Step;
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            double zIn = spikeIn[k];
            if (r[i] == 0)
            {
                vm[i] = PiIn[i] * (iIn[i] + ie[i]) + PvM[i] * vm[i] + zIn;
                if (refractoryInput[i] != 0.0 && buffered[i] != 0.0)
                {
                    vm[i] += buffered[i];
                    buffered[i] = 0.0;
                }
                vm[i] = Math.Max(vm[i], vMin[i]);
                threshold.Adapt(i, z[i]);
            }
            else
            {
                if (refractoryInput[i] != 0.0) buffered[i] += zIn * Math.Exp(-r[i] * Resolution / tauM[i]);
                r[i]--;
            }
            z[i] = 0.0;
            sg[i] = EpropSurrogateGradients.Compute(kinds[i], r[i], vm[i], threshold.At(i), height[i], width[i]);
            if (Fires(i, vm[i] >= threshold.At(i), t, s.Lag, spikes, flushEvents))
            {
                r[i] = RefractorySteps[i];
                vm[i] = vReset[i];
                z[i] = 1.0;
            }
            Archive(i, t, sg[i], z[i]);
            iIn[i] = currentIn[k];
        }
    }
}
