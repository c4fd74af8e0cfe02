namespace CheckoutWatch.Server.Auth;

/// <summary>
/// The people (and screens) that use the board and the API. A user holds one or more roles;
/// what each role may do is expressed once, as the policies in <see cref="Policies"/>.
/// </summary>
public static class Roles
{
    /// <summary>A wall display: read-only, never sees customer contact data.</summary>
    public const string Wall = "wall";

    /// <summary>A support agent: works the outreach queue, sees customer contact data.</summary>
    public const string Agent = "agent";

    /// <summary>An on-call payments engineer: acknowledges, resolves, silences alerts.</summary>
    public const string Oncall = "oncall";

    /// <summary>Administers users, display tokens, keys and configuration; may do everything.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Wall, Agent, Oncall, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
