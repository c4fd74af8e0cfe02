namespace CheckoutWatch.Ingest.Tests;

public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("application/json", IngestFormat.Json)]
    [InlineData("Application/JSON; charset=utf-8", IngestFormat.Json)]
    [InlineData("application/x-ndjson", IngestFormat.Ndjson)]
    [InlineData("application/ndjson; charset=\"UTF-8\"", IngestFormat.Ndjson)]
    public void Supported_content_types_map_to_a_format(string contentType, IngestFormat expected)
    {
        Assert.True(IngestContentTypes.TryGetFormat(contentType, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=utf-16")]
    public void Other_content_types_are_refused(string? contentType) =>
        Assert.False(IngestContentTypes.TryGetFormat(contentType, out _));
}
