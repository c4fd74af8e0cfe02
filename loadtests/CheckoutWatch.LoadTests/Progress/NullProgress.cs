using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Progress;

/// <summary>Progress nobody watches: background traffic under another measurement.</summary>
public sealed class NullProgress : IProgressSink
{
    public static readonly NullProgress Instance = new();

    public void Report(ProgressSnapshot snapshot)
    {
    }
}
