using System.Security.Cryptography;
using System.Text;
using CheckoutWatch.Abstractions.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Wall-display tokens: 256 random bits, shown once when created, stored only as SHA-256 (a token
/// this long needs no slow hash: it cannot be guessed, only stolen).
/// </summary>
public sealed class DisplayTokens(IGrainFactory grains)
{
    public const string Prefix = "cwd_";

    private IDisplayTokenGrain Grain => grains.GetGrain<IDisplayTokenGrain>(0);

    public async Task<(DisplayTokenInfo Info, string Token)> CreateAsync(string name, string createdBy)
    {
        var token = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var info = await Grain.CreateAsync(name, Hash(token), createdBy);
        return (info, token);
    }

    public async Task<DisplayTokenInfo?> FindActiveAsync(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && token.Length < 128 ? await Grain.FindActiveAsync(Hash(token)) : null;

    public Task<DisplayTokenInfo?> RevokeAsync(string id, string revokedBy) => Grain.RevokeAsync(id, revokedBy);

    public Task<System.Collections.Immutable.ImmutableArray<DisplayTokenInfo>> ListAsync() => Grain.ListAsync();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
