using System.Text.Json;
using System.Text.Json.Serialization;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Knowledge;

/// <summary>
/// Decline codes and failure kinds: meaning, class, who acts, and agent guidance. The default
/// data ships embedded (knowledge-base.json); a deployment loads its own file and merges it over
/// the default, because acquirers categorise codes differently. Immutable and thread-safe.
/// </summary>
public sealed class KnowledgeBase
{
    private const string ResourceName = "CheckoutWatch.Detection.Knowledge.knowledge-base.json";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<KnowledgeBase> _default = new(() =>
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    });

    private readonly Dictionary<string, KnowledgeEntry> _byKey;

    private KnowledgeBase(string note, Dictionary<string, KnowledgeEntry> byKey)
    {
        Note = note;
        _byKey = byKey;
    }

    private KnowledgeBase(string note, IEnumerable<KnowledgeEntry> entries)
        : this(note, new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal))
    {
        foreach (var entry in entries)
        {
            foreach (var network in entry.Networks.DefaultIfEmpty("any"))
            {
                _byKey[KnowledgeEntry.KeyOf(entry.Code, entry.FailureKind, network)] = entry;
            }
        }
    }

    /// <summary>The caveat shown with every entry: categories differ between acquirers.</summary>
    public string Note { get; }

    public IReadOnlyCollection<KnowledgeEntry> Entries => _byKey.Values.Distinct().ToArray();

    /// <summary>An empty knowledge base (everything unknown, nothing technical but error and timeout).</summary>
    public static KnowledgeBase Empty { get; } = new("", Array.Empty<KnowledgeEntry>());

    /// <summary>The knowledge base that ships with CheckoutWatch (cached).</summary>
    public static KnowledgeBase LoadDefault() => _default.Value;

    /// <summary>Reads a knowledge base document: { "note": "…", "entries": [ … ] } in the shipped format.</summary>
    public static KnowledgeBase Load(Stream json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, _json)
            ?? throw new InvalidDataException("The knowledge base document is empty.");
        foreach (var entry in document.Entries)
        {
            if (entry.Code is null == entry.FailureKind is null)
            {
                throw new InvalidDataException("Each knowledge base entry needs exactly one of code and failureKind.");
            }
        }

        return new KnowledgeBase(document.Note ?? "", document.Entries);
    }

    /// <summary>A new knowledge base: these entries, with <paramref name="overrides"/> replacing or adding entries by code and network.</summary>
    public KnowledgeBase Merge(KnowledgeBase overrides)
    {
        var merged = new Dictionary<string, KnowledgeEntry>(_byKey, StringComparer.Ordinal);
        foreach (var (key, entry) in overrides._byKey) merged[key] = entry;
        var note = string.IsNullOrWhiteSpace(overrides.Note) ? Note : overrides.Note;
        return new KnowledgeBase(note, merged);
    }

    /// <summary>
    /// The entry for a failure. A technical failure kind (error, timeout) wins over a customer-side
    /// code; otherwise the code's entry for the card network, then for any network.
    /// </summary>
    public KnowledgeEntry? Lookup(string? declineCode, FailureKind kind, string? cardNetwork = null)
    {
        var codeEntry = declineCode is null ? null : FindCode(declineCode, cardNetwork);
        if (kind is FailureKind.Error or FailureKind.Timeout)
        {
            return codeEntry is { Technical: true } ? codeEntry : Find(KnowledgeEntry.KeyOf(null, kind, "any"));
        }

        return codeEntry;
    }

    /// <summary>The decline class used for the decline-class dimension and the actionable rate.</summary>
    public DeclineClass ClassOf(string? declineCode, FailureKind kind, string? cardNetwork = null) =>
        Lookup(declineCode, kind, cardNetwork)?.Class
        ?? (kind is FailureKind.Error or FailureKind.Timeout ? DeclineClass.Technical : DeclineClass.Unknown);

    /// <summary>Whether the failure counts towards the actionable (paging) failure rate.</summary>
    public bool IsActionable(string? declineCode, FailureKind kind, string? cardNetwork = null) =>
        Lookup(declineCode, kind, cardNetwork)?.Technical ?? kind is FailureKind.Error or FailureKind.Timeout;

    private KnowledgeEntry? FindCode(string code, string? network)
    {
        var normalized = KnowledgeEntry.Normalize(code);
        if (network is not null && Find(normalized + "@" + network.Trim().ToLowerInvariant()) is { } exact) return exact;
        if (Find(normalized + "@any") is { } any) return any;
        // A network-specific code seen without a network: take its only meaning. With another
        // network named, the code means something else there (65 is SCA on Mastercard only).
        return network is null
            ? _byKey.Values.FirstOrDefault(e => e.Code is not null && KnowledgeEntry.Normalize(e.Code) == normalized)
            : null;
    }

    private KnowledgeEntry? Find(string key) => _byKey.GetValueOrDefault(key);

    private sealed record Document(string? Note, IReadOnlyList<KnowledgeEntry> Entries);
}
