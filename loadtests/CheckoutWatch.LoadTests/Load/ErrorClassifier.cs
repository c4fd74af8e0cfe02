namespace CheckoutWatch.LoadTests.Load;

/// <summary>Turns an exception from a request into an error kind the report can group by.</summary>
public static class ErrorClassifier
{
    public static RequestOutcome FromException(Exception exception, CancellationToken runToken) => exception switch
    {
        OperationCanceledException when runToken.IsCancellationRequested =>
            RequestOutcome.Failure("cancelled at end of run", "still in flight when the run's drain time ran out"),
        TaskCanceledException { InnerException: TimeoutException } => RequestOutcome.Failure("timeout", exception.Message),
        OperationCanceledException => RequestOutcome.Failure("timeout", exception.Message),
        HttpRequestException http => RequestOutcome.Failure($"connection: {http.HttpRequestError}", http.Message),
        _ => RequestOutcome.Failure(exception.GetType().Name, exception.Message),
    };
}
