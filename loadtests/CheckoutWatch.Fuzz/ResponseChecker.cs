using System.Text.Json;

namespace CheckoutWatch.Fuzz;

/// <summary>Compares an answer with its case's expectation; returns the problems found (none when it matches).</summary>
internal static class ResponseChecker
{
    private static readonly HashSet<string> _knownCodes =
    [
        "required", "too_short", "too_long", "invalid_format", "unknown_value", "out_of_range", "not_allowed",
        "wrong_type", "too_far_in_past", "too_far_in_future", "duplicate_property", "control_character",
        "invalid_encoding", "too_deep", "invalid_json", "too_many_properties", "session_full",
    ];

    public static IEnumerable<string> Check(FuzzCase fuzzCase, int status, string? mediaType, string body)
    {
        var expect = fuzzCase.Expect;
        if (status >= 500)
        {
            yield return $"server error {status}: {Shorten(body)}";
            yield break;
        }

        if (!expect.Statuses.Contains(status))
        {
            yield return $"status {status}, expected {string.Join(" or ", expect.Statuses)}: {Shorten(body)}";
            yield break;
        }

        var wanted = status == 202 ? "application/json" : "application/problem+json";
        if (!string.Equals(mediaType, wanted, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"status {status} answered with content type '{mediaType}', expected {wanted}";
        }

        var document = TryParse(body);
        if (document is null)
        {
            yield return $"status {status} answered a body that is not JSON: {Shorten(body)}";
            yield break;
        }

        using (document)
        {
            foreach (var problem in status == 202 ? CheckBatch(expect, document.RootElement) : CheckProblem(status, document.RootElement))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CheckProblem(int status, JsonElement root)
    {
        if (!root.TryGetProperty("status", out var s) || s.GetInt32() != status || !root.TryGetProperty("title", out _))
        {
            yield return $"problem for {status} lacks a matching status or a title";
        }
    }

    private static IEnumerable<string> CheckBatch(CaseExpectation expect, JsonElement root)
    {
        var accepted = root.GetProperty("accepted").GetInt32();
        var duplicates = root.GetProperty("duplicates").GetInt32();
        var rejected = new Dictionary<int, HashSet<string>>();
        foreach (var item in root.GetProperty("rejected").EnumerateArray())
        {
            var codes = item.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToHashSet();
            rejected[item.GetProperty("index").GetInt32()] = codes;
            var unknown = codes.Where(c => !_knownCodes.Contains(c)).ToList();
            if (codes.Count == 0 || unknown.Count > 0)
            {
                yield return $"rejected item {item.GetProperty("index").GetInt32()} has no error or an unknown code: {string.Join(",", unknown)}";
            }
        }

        if (!expect.Tracked)
        {
            yield break;
        }

        if (accepted != expect.Accepted || duplicates != expect.Duplicates)
        {
            yield return $"accepted {accepted} / duplicates {duplicates}, expected {expect.Accepted} / {expect.Duplicates}";
        }

        foreach (var (index, code) in expect.Rejected!)
        {
            if (!rejected.TryGetValue(index, out var codes))
            {
                yield return $"item {index} should be rejected with {code} but was not";
            }
            else if (!codes.Contains(code))
            {
                yield return $"item {index} rejected with {string.Join(",", codes)}, expected {code}";
            }
        }

        foreach (var index in rejected.Keys.Where(i => !expect.Rejected.ContainsKey(i)))
        {
            yield return $"valid item {index} was rejected: {string.Join(",", rejected[index])}";
        }
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
