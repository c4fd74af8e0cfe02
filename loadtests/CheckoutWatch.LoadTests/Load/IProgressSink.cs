namespace CheckoutWatch.LoadTests.Load;

/// <summary>Receives a progress snapshot about once a second while a run is going.</summary>
public interface IProgressSink
{
    void Report(ProgressSnapshot snapshot);
}
