using System.Globalization;

namespace CheckoutWatch.Cli.Commands;

/// <summary>Positional arguments and --name value options, nothing more.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CommandArgs Parse(ReadOnlySpan<string> args)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                parsed._options[args[i][2..]] = args[++i];
            }
            else
            {
                parsed.Positional.Add(args[i]);
            }
        }

        return parsed;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _options.GetValueOrDefault(name) ?? fallback;

    public double Get(string name, double fallback) =>
        _options.TryGetValue(name, out var v) && double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : fallback;

    public int Get(string name, int fallback) =>
        _options.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : fallback;
}
