using System.Text.Json;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class ResponseJsonTests
{
    [Fact]
    public void Response_uses_the_contract_wire_names()
    {
        var response = new IngestResponse(
            3,
            1,
            [new RejectedEvent(2, "evt-2", [new ValidationError("currency", "invalid_format", "must be EUR-like")]), new RejectedEvent(4, null, [])]);

        var json = JsonSerializer.Serialize(response, IngestJsonContext.Default.IngestResponse);

        Assert.Equal(
            "{\"accepted\":3,\"duplicates\":1,\"rejected\":[{\"index\":2,\"eventId\":\"evt-2\",\"errors\":"
            + "[{\"field\":\"currency\",\"code\":\"invalid_format\",\"message\":\"must be EUR-like\"}]},"
            + "{\"index\":4,\"eventId\":null,\"errors\":[]}]}",
            json);
    }

    [Fact]
    public void Response_reads_back_from_its_wire_form()
    {
        var rejected = Parse("[{}, 5]").Rejected;
        var response = new IngestResponse(0, 0, rejected);

        var json = JsonSerializer.Serialize(response, IngestJsonContext.Default.IngestResponse);
        var back = JsonSerializer.Deserialize(json, IngestJsonContext.Default.IngestResponse);

        Assert.NotNull(back);
        Assert.Equal(
            response.Rejected.SelectMany(r => r.Errors),
            back.Rejected.SelectMany(r => r.Errors));
        Assert.Equal([0, 1], back.Rejected.Select(r => r.Index));
    }
}
