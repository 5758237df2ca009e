namespace NestSharp.Kernel;

/// <summary>The secondary event of the e-prop learning signals (NEST's LearningSignalConnectionEvent).</summary>
internal static class EpropBsshslmEvents
{
    /// <summary>The error signal of a readout neuron per step, weighted into the learning signal of its recurrent targets.</summary>
    public static readonly SecondaryEventType LearningSignal = new("learning signal", supportsWaveformRelaxation: false);
}
