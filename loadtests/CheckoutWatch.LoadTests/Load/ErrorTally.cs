namespace CheckoutWatch.LoadTests.Load;

/// <summary>A thread-safe count of one error kind that keeps the first example's detail.</summary>
internal sealed class ErrorTally
{
    private long _count;
    private string? _example;

    public long Count => Interlocked.Read(ref _count);
    public string? Example => Volatile.Read(ref _example);

    public void Add(string? detail)
    {
        Interlocked.Increment(ref _count);
        if (detail is not null)
        {
            Interlocked.CompareExchange(ref _example, detail, null);
        }
    }
}
