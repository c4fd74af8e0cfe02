using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Demo</c>: built-in demo traffic through the public ingest API.</summary>
public sealed class DemoOptions
{
    public const string Section = "CheckoutWatch:Demo";

    public bool Enabled { get; set; }

    [Range(1, 50)]
    public int Merchants { get; set; } = 6;

    /// <summary>New checkout sessions per second across all demo merchants.</summary>
    [Range(0.1, 5000)]
    public double SessionsPerSecond { get; set; } = 25;

    /// <summary>Mean time between injected incidents; zero disables them.</summary>
    public TimeSpan IncidentEvery { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The key the simulator sends with; must be a configured key for its merchants.</summary>
    public string? IngestKey { get; set; }
}
