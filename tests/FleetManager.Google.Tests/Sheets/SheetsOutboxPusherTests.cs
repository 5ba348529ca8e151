using System.Text.Json;
using FleetManager.Google.Auth;
using FleetManager.Google.Sheets;
using FleetManager.Google.Tests.Support;
using FleetManager.StandIns;

namespace FleetManager.Google.Tests.Sheets;

public sealed class SheetsOutboxPusherTests
{
    [Fact]
    public async Task PushAsync_EmptySheet_WritesHeaderAndRowsInOneAppend()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 3);

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        var rows = harness.StandIn.Rows();
        Assert.Equal(SheetsOrderRow.KeyColumnName, rows[0][0]);
        Assert.Equal(SheetsOrderRow.Header, rows[0]);
        Assert.Equal([OrderPayloads.KeyOf(1), OrderPayloads.KeyOf(2), OrderPayloads.KeyOf(3)], harness.KeysInSheet());
        Assert.Equal(3, result.Appended);
        Assert.Equal(1, harness.Count("GET"));
        Assert.Equal(1, harness.Count("POST"));
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
    }

    [Fact]
    public async Task PushAsync_AccessTokenRefusedBeforeItsExpiry_RefreshesOnceAndAppends()
    {
        await using var harness = await SheetsHarness.StartAsync();
        await using var oauth = new FleetManager.StandIns.OAuth.OAuthTokenStandIn();
        await oauth.StartAsync();
        var folder = Directory.CreateTempSubdirectory("fm-sheets-auth-").FullName;
        try
        {
            oauth.Clients["sheets.apps.googleusercontent.com"] = "s";
            oauth.RefreshTokens["1//sheets"] = SheetsOptions.Scope;
            var credentials = Path.Combine(folder, "client_secret.json");
            var tokenFile = Path.Combine(folder, "token.json");
            SecretFilePermissions.WriteAllTextPrivate(credentials, """{"installed":{"client_id":"sheets.apps.googleusercontent.com","client_secret":"s"}}""");
            RefreshTokenFile.Write(tokenFile, new StoredRefreshToken("1//sheets", SheetsOptions.Scope, null, DateTimeOffset.UtcNow));
            using var tokens = new GoogleCredentialTokenProvider(new GoogleOptions { TokenUrl = oauth.TokenUrl }, credentials, tokenFile, "me", TimeProvider.System);
            harness.StandIn.TokenIssuer = oauth;
            harness.TokenProvider = tokens;
            var pusher = harness.NewProcess();
            harness.AddOrders(1, 2);
            await pusher.PushAsync(CancellationToken.None);

            // Google's clock runs past the token's life while ours still thinks it is fresh.
            var google = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
            oauth.Clock = google;
            google.Advance(TimeSpan.FromHours(2));
            harness.AddOrders(3, 4);
            var result = await pusher.PushAsync(CancellationToken.None);

            Assert.Equal(2, result.Appended);
            Assert.Equal([OrderPayloads.KeyOf(1), OrderPayloads.KeyOf(2), OrderPayloads.KeyOf(3), OrderPayloads.KeyOf(4)], harness.KeysInSheet());
            Assert.Equal(2, oauth.TokenCalls);
            Assert.Equal(0, harness.Outbox.Depth("sheets"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PushAsync_MoreThanOneBatch_OneRawInsertRowsAppendPerBatch()
    {
        await using var harness = await SheetsHarness.StartAsync(batchSize: 100);
        harness.AddOrders(1, 250);

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        var appends = harness.StandIn.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, appends.Count);
        Assert.All(appends, a => Assert.Contains(":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS", a.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal([101, 100, 50], appends.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("values").GetArrayLength()));
        Assert.Equal(250, result.Appended);
        Assert.Equal(Enumerable.Range(1, 250).Select(OrderPayloads.KeyOf), harness.KeysInSheet());
    }

    [Fact]
    public async Task PushAsync_HundredOrdersInSteadyState_AtMostTwoRequests()
    {
        await using var harness = await SheetsHarness.StartAsync(batchSize: 500);
        harness.AddOrders(1, 100);
        var first = await harness.Pusher.PushAsync(CancellationToken.None);
        harness.AddOrders(101, 200);

        var second = await harness.Pusher.PushAsync(CancellationToken.None);

        // A new process: one read of the key column, one append. A running one: one append.
        Assert.Equal(2, first.Requests);
        Assert.Equal(1, second.Requests);
        Assert.Equal(3, harness.StandIn.Requests.Count);
    }

    [Fact]
    public async Task PushAsync_ThousandOrdersDefaultBatch_OneReadAndOneAppendPerFiveHundred()
    {
        await using var harness = await SheetsHarness.StartAsync(batchSize: new SheetsOptions().BatchSize);
        harness.AddOrders(1, 1000);

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(1000, result.Appended);
        Assert.Equal(3, result.Requests);
        Assert.Equal(1, harness.Count("GET"));
        Assert.Equal(2, harness.Count("POST"));
    }

    [Fact]
    public async Task PushAsync_NothingPending_SendsNothing()
    {
        await using var harness = await SheetsHarness.StartAsync();

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(0, result.Requests);
        Assert.Empty(harness.StandIn.Requests);
    }

    [Fact]
    public async Task PushAsync_HeaderAlreadyThere_NotWrittenAgain()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.StandIn.Seed("Sheet1", [.. SheetsOrderRow.Header]);
        harness.AddOrders(1, 2);

        await harness.Pusher.PushAsync(CancellationToken.None);

        var rows = harness.StandIn.Rows();
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r[0] == SheetsOrderRow.KeyColumnName);
    }

    [Fact]
    public async Task PushAsync_TabNameWithSpaceAndRange_WritesToThatTab()
    {
        await using var harness = await SheetsHarness.StartAsync(range: "'Orders 2026'!A1:Z");
        harness.AddOrders(1, 1);

        await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal([OrderPayloads.KeyOf(1)], harness.KeysInSheet("Orders 2026"));
        Assert.Empty(harness.StandIn.Rows("Sheet1"));
    }

    [Fact]
    public async Task PushAsync_FormulaLikeText_StoredAsWrittenWithRawAndNoVisibleApostrophe()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.Outbox.Add(OrderPayloads.KeyOf(1), OrderPayloads.Order(1, customer: "=HYPERLINK(\"http://evil.example\",\"click\")", phone: "+49 89 1234567"));

        await harness.Pusher.PushAsync(CancellationToken.None);

        var header = harness.StandIn.Rows()[0];
        var row = harness.StandIn.Rows()[1];
        // RAW stores text as text: the formula stays inert and the phone number shows as the sender wrote it.
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", row[Column(header, "customer")]);
        Assert.Equal("+49 89 1234567", row[Column(header, "contact_phone")]);
        Assert.Equal("-18", row[Column(header, "temperature_min_c")]);
        Assert.Contains("valueInputOption=RAW", harness.StandIn.Requests.Single(r => r.Method == "POST").PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushAsync_AnyRequest_CarriesBearerTokenForSheetsScope()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 1);

        await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.All(harness.StandIn.Requests, r => Assert.Equal("Bearer " + FakeAccessTokenProvider.Token, r.Headers["Authorization"]));
        Assert.Contains(SheetsOptions.Scope, harness.Tokens.RequestedScopes);
    }

    public static TheoryData<string> AmbiguousFaults => ["ResetAfterEffect", "Truncate", "500", "503", "Reset", "Delay"];

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task PushAsync_AmbiguousFailureOnAppend_ReadsBackAndWritesEachRowOnce(string fault)
    {
        await using var harness = await SheetsHarness.StartAsync(attemptTimeout: TimeSpan.FromSeconds(1));
        harness.AddOrders(1, 1);
        await harness.Pusher.PushAsync(CancellationToken.None);
        harness.AddOrders(2, 4);
        harness.StandIn.Faults.Enqueue(FaultOf(fault));

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 4).Select(OrderPayloads.KeyOf), harness.KeysInSheet());
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
        Assert.Equal(3, result.Delivered);
        // The failure made the pusher read the key column back before sending again (a read may itself be
        // retried once when it lands on the connection the fault just dropped).
        Assert.InRange(harness.Count("GET"), 2, 3);
        // Either the faulted append landed and is not repeated, or it did not and is sent once more.
        Assert.Equal(2, harness.StandIn.AppliedAppends);
        Assert.Equal(fault is "ResetAfterEffect" or "Truncate" ? 3 : 0, result.AlreadyPresent);
    }

    [Fact]
    public async Task PushAsync_QuotaExceededWithRetryAfter_RetriedWithoutReadBack()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 1);
        await harness.Pusher.PushAsync(CancellationToken.None);
        harness.AddOrders(2, 3);
        harness.StandIn.Faults.Enqueue(new Fault.Status(429, GoogleQuotaBody, new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var result = await harness.Pusher.PushAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 3).Select(OrderPayloads.KeyOf), harness.KeysInSheet());
        Assert.Equal(2, result.Appended);
        Assert.Equal(1, harness.Count("GET"));
        Assert.Equal(3, harness.Count("POST"));
    }

    [Fact]
    public async Task PushAsync_CrashAfterAppendBeforeMarkDelivered_NextProcessDoesNotWriteAgain()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.AddOrders(1, 5);
        harness.Outbox.FailNextMarkDelivered = true;
        await Assert.ThrowsAsync<IOException>(() => harness.Pusher.PushAsync(CancellationToken.None));
        Assert.Equal(5, harness.Outbox.Depth("sheets"));

        var result = await harness.NewProcess().PushAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 5).Select(OrderPayloads.KeyOf), harness.KeysInSheet());
        Assert.Equal(5, result.AlreadyPresent);
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
    }

    [Fact]
    public async Task PushAsync_ThirtyPercentRandomFailures_EveryRowExactlyOnce()
    {
        await using var harness = await SheetsHarness.StartAsync(batchSize: 10, attemptTimeout: TimeSpan.FromSeconds(2), maxAmbiguousRetries: 5);
        harness.AddOrders(1, 300);
        harness.StandIn.Faults.FailRandomly(0.3, random => random.Next(7) switch
        {
            0 => new Fault.Status(429, GoogleQuotaBody, new Dictionary<string, string> { ["Retry-After"] = "0" }),
            1 => new Fault.Status(500, GoogleErrorBody.Of(500, "INTERNAL", "Internal error encountered.")),
            2 => new Fault.Status(503, GoogleErrorBody.Of(503, "UNAVAILABLE", "The service is currently unavailable.")),
            3 => new Fault.Reset(),
            4 => new Fault.ResetAfterEffect(),
            5 => new Fault.Truncate(),
            _ => random.Next(4) == 0 ? new Fault.Delay(TimeSpan.FromSeconds(30)) : new Fault.ResetAfterEffect(),
        }, seed: 7);

        // As the worker does: a run that gives up leaves the rows pending and the next run carries on.
        var runs = 0;
        while (harness.Outbox.Depth("sheets") > 0 && runs++ < 100)
        {
            try
            {
                await harness.Pusher.PushAsync(CancellationToken.None);
            }
            catch (SheetsUnavailableException)
            {
            }
        }

        var keys = harness.KeysInSheet();
        Assert.Equal(300, keys.Count);
        Assert.Equal(Enumerable.Range(1, 300).Select(OrderPayloads.KeyOf).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Single(harness.StandIn.Rows(), r => r[0] == SheetsOrderRow.KeyColumnName);
        Assert.Equal(0, harness.Outbox.Depth("sheets"));
        Assert.Contains(harness.StandIn.Requests, r => r.FaultStatus is not null);
    }

    [Fact]
    public async Task PushAsync_UnknownSpreadsheet_StopsWithFixAndKeepsRowsPending()
    {
        await using var harness = await SheetsHarness.StartAsync(spreadsheetId: "no-such-sheet");
        harness.AddOrders(1, 2);

        var error = await Assert.ThrowsAsync<SheetsRejectedException>(() => harness.Pusher.PushAsync(CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("GOOGLE_SHEETS_SPREADSHEET_ID", error.Fix, StringComparison.Ordinal);
        Assert.Equal(2, harness.Outbox.Depth("sheets"));
        Assert.Single(harness.StandIn.Requests);
    }

    [Fact]
    public async Task PushAsync_SheetNotShared_StopsWithPermissionFix()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.StandIn.DenyAccess = true;
        harness.AddOrders(1, 1);

        var error = await Assert.ThrowsAsync<SheetsRejectedException>(() => harness.Pusher.PushAsync(CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("PERMISSION_DENIED", error.Reason);
        Assert.Contains("Share the spreadsheet", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushAsync_UnknownTab_StopsWithRangeFix()
    {
        await using var harness = await SheetsHarness.StartAsync(range: "NoSuchTab");
        harness.AddOrders(1, 1);

        var error = await Assert.ThrowsAsync<SheetsRejectedException>(() => harness.Pusher.PushAsync(CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("GOOGLE_SHEETS_RANGE_NAME", error.Fix, StringComparison.Ordinal);
    }

    private static readonly string GoogleQuotaBody = GoogleErrorBody.Of(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Write requests'", "RATE_LIMIT_EXCEEDED");

    private static int Column(IReadOnlyList<string> header, string name) => header.ToList().IndexOf(name);

    private static Fault FaultOf(string name) => name switch
    {
        "ResetAfterEffect" => new Fault.ResetAfterEffect(),
        "Truncate" => new Fault.Truncate(),
        "Reset" => new Fault.Reset(),
        "Delay" => new Fault.Delay(TimeSpan.FromSeconds(30)),
        _ => new Fault.Status(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture), GoogleErrorBody.Of(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture), "UNAVAILABLE", "try again")),
    };
}
