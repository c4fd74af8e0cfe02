namespace CheckoutWatch.LoadTests.Cli;

/// <summary>A command line the harness cannot run; the message says why.</summary>
public sealed class UsageException(string message) : Exception(message);
