using System.Globalization;

namespace CheckoutWatch.LoadTests.Cli;

/// <summary>Typed access to parsed <c>--name value</c> pairs; remembers which were read so typos fail loudly.</summary>
internal sealed class OptionValues(Dictionary<string, string> values)
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string? Text(string name)
    {
        _used.Add(name);
        return values.TryGetValue(name, out var v) ? v : null;
    }

    public bool Flag(string name) => Text(name) is { } v && v.ToLowerInvariant() is "true" or "1" or "yes";

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new UsageException($"--{name}: '{text}' must be a whole number from {min} to {max}.");
        }

        return value;
    }

    public double Double(string name, double fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            throw new UsageException($"--{name}: '{text}' must be a non-negative number.");
        }

        return value;
    }

    public double? Rate(string name) => Text(name) is { } t ? OptionParser.ParseRate(name, t) : null;

    public TimeSpan? Duration(string name) => Text(name) is { } t ? OptionParser.ParseDuration(name, t) : null;

    public void ThrowOnUnused()
    {
        var unknown = values.Keys.Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
