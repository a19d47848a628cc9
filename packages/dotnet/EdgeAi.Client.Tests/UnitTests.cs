using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EdgeAi.Client.Tests;

/// <summary>The hand-written pieces on their own, without the emulator.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("ai/run/%40cf%2Fmeta%2Fllama-3.1-8b-instruct-fast", "ai/run/@cf/meta/llama-3.1-8b-instruct-fast")]
    [InlineData("ai/run/%40cf%2Fmeta%2Fm?queueRequest=true", "ai/run/@cf/meta/m?queueRequest=true")]
    [InlineData("ai/run/@cf/meta/already-literal", "ai/run/@cf/meta/already-literal")]
    [InlineData("ai/models/search?search=a%2Fb", "ai/models/search?search=a%2Fb")]
    public void When_a_run_url_is_prepared_then_only_the_slug_gets_literal_slashes(string built, string sent)
    {
        var url = new StringBuilder(built);

        EdgeAiClientHooks.RestoreSlugSlashes(url);

        Assert.Equal(sent, url.ToString());
    }

    [Theory]
    [InlineData(429, "{\"errors\":[{\"code\":3036,\"message\":\"quota\"}]}", EdgeAiErrorKind.QuotaExhausted, false)]
    [InlineData(429, "{\"errors\":[{\"code\":3040,\"message\":\"capacity\"}]}", EdgeAiErrorKind.Capacity, true)]
    [InlineData(429, "{\"errors\":[{\"message\":\"slow down\"}]}", EdgeAiErrorKind.RateLimited, true)]
    [InlineData(400, "{\"errors\":[{\"code\":\"7000\",\"message\":\"No route\"}]}", EdgeAiErrorKind.NotFound, false)]
    [InlineData(400, "{\"errors\":[{\"message\":\"bad input\"}]}", EdgeAiErrorKind.BadRequest, false)]
    [InlineData(404, "{\"success\":false,\"error\":\"no such model\"}", EdgeAiErrorKind.NotFound, false)]
    [InlineData(403, "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}", EdgeAiErrorKind.Permission, false)]
    [InlineData(401, "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}", EdgeAiErrorKind.Authentication, false)]
    [InlineData(408, "", EdgeAiErrorKind.Timeout, true)]
    [InlineData(409, "", EdgeAiErrorKind.Server, true)]
    [InlineData(502, "<html><title>502 Bad Gateway</title></html>", EdgeAiErrorKind.Server, true)]
    [InlineData(200, "{\"result\":", EdgeAiErrorKind.Validation, false)]
    public void When_an_answer_is_classified_then_the_code_wins_over_the_status(int status, string body, string kind, bool retryable)
    {
        var c = ErrorClassifier.Classify(status, body);

        Assert.Equal(kind, c.Kind);
        Assert.Equal(retryable, c.Retryable);
    }

    [Theory]
    [InlineData(500, null, true)]
    [InlineData(500, "false", false)]
    [InlineData(400, "true", true)]
    [InlineData(400, null, false)]
    public async Task When_the_server_sends_x_should_retry_then_it_overrules_the_status(int status, string? header, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };
        if (header is not null)
            response.Headers.TryAddWithoutValidation("x-should-retry", header);

        var decision = await RetryPolicy.ShouldRetryAsync(Polly.Outcome.FromResult(response), TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(retried, decision);
    }

    [Fact]
    public void When_retry_after_is_within_the_cap_then_it_is_the_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryPolicy.ServerDelay(response, TimeSpan.FromSeconds(60), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void When_retry_after_ms_is_present_then_it_wins_over_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        response.Headers.TryAddWithoutValidation("retry-after-ms", "250");

        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryPolicy.ServerDelay(response, TimeSpan.FromSeconds(60), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void When_retry_after_is_an_http_date_then_the_delay_is_counted_from_now()
    {
        var now = new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.ServerDelay(response, TimeSpan.FromSeconds(60), now));
    }

    [Fact]
    public void When_retry_after_exceeds_the_cap_then_the_backoff_decides()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(5));

        Assert.Null(RetryPolicy.ServerDelay(response, TimeSpan.FromSeconds(60), DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 375)]
    [InlineData(1, 0.0, 1000)]
    [InlineData(5, 0.0, 8000)]
    public void When_no_server_hint_exists_then_the_backoff_doubles_with_at_most_25_percent_jitter(int retries, double random, double expectedMs)
    {
        var delay = RetryPolicy.Backoff(retries, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(8), random);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, 3);
    }

    [Fact]
    public void When_a_catalog_id_is_split_then_namespace_author_and_model_come_back()
    {
        Assert.Equal(("@cf", "meta", "llama-3.1-8b-instruct-fast"), ModelId.SplitCatalogId("@cf/meta/llama-3.1-8b-instruct-fast"));
        Assert.Equal(("@hf", "nousresearch", "hermes-2-pro-mistral-7b"), ModelId.SplitCatalogId("@hf/nousresearch/hermes-2-pro-mistral-7b"));
        Assert.Throws<ArgumentException>(() => ModelId.SplitCatalogId("@xx/meta/m"));
        Assert.Throws<ArgumentException>(() => ModelId.SplitCatalogId("@cf/meta"));
    }

    [Theory]
    [InlineData("\"default\";r=0;t=1", "\"default\";q=300;w=60", 0, 1, 300, 60)]
    [InlineData("\"default\";r=42;t=17", null, 42, 17, null, null)]
    public void When_ratelimit_headers_are_parsed_then_remaining_reset_quota_and_window_come_back(string? limit, string? policy, int? remaining, int? reset, int? quota, int? window)
    {
        var parsed = EdgeAiRateLimit.Parse(limit, policy);
        Assert.Equal("default", parsed.Policy);
        Assert.Equal(remaining, parsed.Remaining);
        Assert.Equal(reset, (int?)parsed.Reset?.TotalSeconds);
        Assert.Equal(quota, parsed.Quota);
        Assert.Equal(window, (int?)parsed.Window?.TotalSeconds);
    }

    [Fact]
    public async Task When_an_error_body_echoes_the_token_then_the_exception_never_sees_it()
    {
        const string secret = "tok-0123456789-secret";
        using var handler = new BearerTokenHandler(() => secret) { InnerHandler = new EchoAuthorization() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/client/v4/accounts/a/") };
        var client = new TextGenerationClient(http);

        var error = await Assert.ThrowsAnyAsync<EdgeAiApiException>(() => client.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("[redacted]", error.Response, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Response, StringComparison.Ordinal);
    }

    /// <summary>A server that answers 403 and echoes the Authorization header in its error message.</summary>
    private sealed class EchoAuthorization : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
            {
                Content = new StringContent($"{{\"success\":false,\"errors\":[{{\"code\":9109,\"message\":\"bad header {request.Headers.Authorization}\"}}]}}", Encoding.UTF8, "application/json"),
            });
    }

    [Fact]
    public void When_options_are_printed_then_the_token_is_redacted()
    {
        var options = new EdgeAiClientOptions { AccountId = "abc", ApiToken = "very-secret-token" };

        Assert.DoesNotContain("very-secret-token", options.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://api.cloudflare.com/client/v4/accounts/abc/"), options.AccountBaseAddress);
    }

    [Fact]
    public void When_flux_base64_is_not_base64_then_a_validation_error_is_thrown()
    {
        var error = Assert.Throws<EdgeAiException>(() => new FluxOutput { Image = "not base64!" }.DecodeImage());

        Assert.Equal(EdgeAiErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void When_a_buffered_body_is_parsed_then_its_utf8_byte_order_mark_is_skipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'];

        Assert.Equal("{}", Encoding.UTF8.GetString(EdgeAiClientHooks.Utf8Json(body)));
        Assert.Equal("{}", Encoding.UTF8.GetString(EdgeAiClientHooks.Utf8Json([(byte)'{', (byte)'}'])));
    }

    [Fact]
    public void When_an_error_body_is_kept_as_text_then_it_is_decoded_like_ReadAsStringAsync()
    {
        var latin1 = new ByteArrayContent([]);
        latin1.Headers.ContentType = new MediaTypeHeaderValue("text/html") { CharSet = "iso-8859-1" };
        var plain = new ByteArrayContent([]);

        Assert.Equal("Caf\u00e9", EdgeAiClientHooks.Text(latin1, [(byte)'C', (byte)'a', (byte)'f', 0xE9]));
        Assert.Equal("Caf\u00e9", EdgeAiClientHooks.Text(plain, [0xEF, 0xBB, 0xBF, (byte)'C', (byte)'a', (byte)'f', 0xC3, 0xA9]));
        Assert.Equal("Caf\u00e9", EdgeAiClientHooks.Text(plain, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Caf\u00e9")).ToArray()));
    }

    [Theory]
    [InlineData(202, "{\"success\":false,\"errors\":[{\"code\":1234,\"message\":\"odd status\"}]}", "odd status")]
    [InlineData(200, "null", "null")]
    [InlineData(200, "<html>proxy page</html>", "proxy page")]
    public async Task When_an_answer_cannot_be_returned_then_the_exception_keeps_its_body_as_text(int status, string body, string kept)
    {
        using var http = new HttpClient(new Canned((HttpStatusCode)status, body)) { BaseAddress = new Uri("http://unit.invalid/client/v4/accounts/0123456789abcdef0123456789abcdef/") };
        var client = new TextGenerationClient(http);

        var error = await Assert.ThrowsAnyAsync<EdgeAiApiException>(() => client.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(kept, error.Response, StringComparison.Ordinal);
    }

    /// <summary>A server that answers every request with one status and body.</summary>
    private sealed class Canned(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
