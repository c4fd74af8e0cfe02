using System.Globalization;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>Number formatting shared by the console, Markdown and HTML reports (invariant culture).</summary>
public static class Format
{
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1_000_000 => (perSecond / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (perSecond / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => perSecond.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => milliseconds switch
    {
        < 1 => milliseconds.ToString("0.###", CultureInfo.InvariantCulture),
        < 100 => milliseconds.ToString("0.##", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("#,0.#", CultureInfo.InvariantCulture),
    };

    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds < 1 ? $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : $"{span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s";

    public static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %";

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "n/a";
}
