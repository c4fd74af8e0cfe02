namespace CheckoutWatch.LoadTests.Load;

/// <summary>Sends one request of a run (an NBomber "step"): a batch POST, a hub call, a grain call.</summary>
public interface IRequestSender
{
    /// <summary>Events carried by one request, so the report can turn requests/s into events/s.</summary>
    int EventsPerRequest { get; }

    /// <summary>Sends one request. Exceptions are caught and classified by the runner.</summary>
    ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken);
}
