using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Server.Apis;

/// <summary>A new wall-display token: what to name it.</summary>
public sealed record DisplayTokenRequest(string Name)
{
    public IResult? Invalid() =>
        string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || Name.Any(char.IsControl)
            ? Problems.BadBody("name", "'name' is required: 1–64 printable characters, e.g. the room the display hangs in.")
            : null;
}

/// <summary>The answer to creating a display token: the only time the token is shown.</summary>
public sealed record CreatedDisplayToken(DisplayTokenInfo Info, string Token, string Url);

/// <summary>An ingest key as admins see it.</summary>
public sealed record IngestKeyView(string Name, string Slot, string Fingerprint, IReadOnlyList<string> Merchants, bool Revoked);
