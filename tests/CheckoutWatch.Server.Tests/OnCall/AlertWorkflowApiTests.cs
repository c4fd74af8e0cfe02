using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.OnCall;

/// <summary>Notes, reopen, timeline and silences through the real node's API.</summary>
[Collection(ServerCollection.Name)]
public sealed class AlertWorkflowApiTests(ServerFixture server)
{
    [Fact]
    public async Task A_note_and_a_reopen_land_on_the_timeline_and_bad_requests_get_problems()
    {
        var id = await OpenAlertAsync("notes-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = await server.CreateUserClientAsync("oncall");
        using var viewer = await server.CreateUserClientAsync("agent");

        using (var noted = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = "  Adyen confirms the outage.  " }))
        {
            Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
            var alert = await noted.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, alert.GetProperty("noteCount").GetInt32());
            Assert.Equal("Adyen confirms the outage.", alert.GetProperty("latestNote").GetProperty("text").GetString());
        }

        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = "" }), HttpStatusCode.BadRequest, "'text'");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = new string('x', 2001) }), HttpStatusCode.BadRequest, "'text'");
        using (var refused = await viewer.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/alerts/al-none/notes", new { text = "x" }), HttpStatusCode.NotFound, "Not found");
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/v1/alerts/{id}/reopen", new { }), HttpStatusCode.Conflict, "not in a state");

        (await client.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { })).Dispose();
        using (var reopened = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/reopen", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
            Assert.Equal("open", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}/timeline");
        Assert.Equal(id, timeline.GetProperty("alertId").GetString());
        var entries = timeline.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("actor").GetString())).ToList();
        var me = ServerFixture.UserName("oncall");
        Assert.Equal([("opened", "detection"), ("note", me), ("resolved", me), ("reopened", me)], entries);
        await AssertProblemAsync(await client.GetAsync("/api/v1/alerts/al-none/timeline"), HttpStatusCode.NotFound, "Not found");
    }

    [Fact]
    public async Task A_silence_marks_matching_alerts_is_listed_and_expires_and_bad_silences_get_problems()
    {
        var merchant = "silence-" + Guid.NewGuid().ToString("N")[..8];
        using var client = await server.CreateUserClientAsync("oncall");
        using var viewer = await server.CreateUserClientAsync("agent");
        using var created = await client.PostAsJsonAsync("/api/v1/silences",
            new { merchantId = merchant, dimension = new { kind = "psp", value = "adyen" }, durationMinutes = 60, reason = "Adyen maintenance" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var silenceId = silence.GetProperty("id").GetString()!;
        Assert.Equal(("active", ServerFixture.UserName("oncall"), "psp"), (silence.GetProperty("state").GetString(), silence.GetProperty("author").GetString(), silence.GetProperty("dimension").GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("kind").ValueKind);

        var id = await OpenAlertAsync(merchant);
        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.Equal(silenceId, alert.GetProperty("silenced").GetProperty("silenceId").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == silenceId);

        using (var expired = await client.PostAsJsonAsync($"/api/v1/silences/{silenceId}/expire", new { }))
        {
            var answer = await expired.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("ended", ServerFixture.UserName("oncall")), (answer.GetProperty("state").GetString(), answer.GetProperty("expiredBy").GetString()));
        }

        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}")).GetProperty("silenced").ValueKind);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences/si-none/expire", new { }), HttpStatusCode.NotFound, "Not found");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences", new { kind = "fire", durationMinutes = 5, reason = "r" }), HttpStatusCode.BadRequest, "'kind'");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences", new { durationMinutes = 5 }), HttpStatusCode.BadRequest, "'reason'");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences", new { reason = "r" }), HttpStatusCode.BadRequest, "'durationMinutes'");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences", new { endsAt = DateTimeOffset.UtcNow.AddMinutes(-5), reason = "r" }), HttpStatusCode.BadRequest, "'endsAt'");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/silences", new { dimension = new { value = "adyen" }, durationMinutes = 5, reason = "r" }), HttpStatusCode.BadRequest, "'dimension.kind'");
        using (var refused = await viewer.PostAsJsonAsync("/api/v1/silences", new { durationMinutes = 5, reason = "r" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    /// <summary>An incident as detection hands it to the feed (the detection path has its own tests).</summary>
    private async Task<string> OpenAlertAsync(string merchant)
    {
        var feed = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertFeedGrain>(0);
        var now = DateTimeOffset.UtcNow;
        var incident = $"{merchant}|test";
        await feed.ApplyAsync([new AlertChangeMessage("opened", new AlertView("", 0, merchant, "payment_failure_spike", "minor", AlertStatus.Open,
            $"Technical payment failures on PSP adyen for {merchant}", new AlertDimensionView("psp", "adyen"), new AlertFigures(0.4, 0.02, 0.1, 60, 100, 40, null, null),
            now, now, now, null, null, null, null, 40, 10_000, "EUR", [], null, [], false, null, 1, incident))]);
        return (await feed.ListAsync(new AlertQuery(MerchantId: merchant))).Single().Id;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(contains, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
