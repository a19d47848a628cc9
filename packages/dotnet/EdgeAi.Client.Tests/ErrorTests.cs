using System.Net;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

[Collection(EmulatorCollection.Name)]
public sealed class ErrorTests(EmulatorFixture emulator) : IDisposable
{
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    private ITextGenerationClient Chat => _services.GetRequiredService<ITextGenerationClient>();

    public void Dispose() => _services.Dispose();

    private async Task<EdgeAiException> FailWith(string steps)
    {
        using var fault = Faults.Inject(steps, out _);
        return await Assert.ThrowsAnyAsync<EdgeAiException>(() => Chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));
    }

    [Theory]
    [InlineData("unauthorized", EdgeAiErrorKind.Authentication, 401, 10000)]
    // Cloudflare's 403 carries code 10000 ("Authentication error"); like the TypeScript client, 403 + 10000 is permission.
    [InlineData("forbidden", EdgeAiErrorKind.Permission, 403, 10000)]
    [InlineData("quota", EdgeAiErrorKind.QuotaExhausted, 429, 3036)]
    public async Task When_the_api_refuses_then_the_exception_carries_kind_status_and_code(string fault, string kind, int status, int? code)
    {
        var error = await FailWith(fault);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        if (code is not null)
            Assert.Equal(code, error.Code);
        Assert.False(error.Retryable);
        var api = Assert.IsAssignableFrom<EdgeAiApiException>(error);
        Assert.NotEmpty(api.Errors);
    }

    [Fact]
    public async Task When_a_proxy_answers_html_502_three_times_then_a_server_error_is_thrown_after_the_retries()
    {
        using var fault = Faults.Inject("html-502,html-502,html-502", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));

        Assert.Equal(EdgeAiErrorKind.Server, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("502 Bad Gateway", ((EdgeAiApiException)error).Response, StringComparison.Ordinal);
        Assert.Equal(3, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_the_input_is_invalid_then_a_bad_request_is_thrown_and_not_retried()
    {
        // `prompt` and `messages` together are rejected by the API (and the emulator).
        using var fault = Faults.Inject("none", out var key);
        var input = new TextGenerationInput { Prompt = "a", Messages = [new TextGenerationInputMessagesItem { Role = "user", Content = "b" }] };

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Chat.Llama31x8bInstructFastAsync(input));

        Assert.Equal(EdgeAiErrorKind.BadRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(1, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_an_embedding_text_is_empty_then_validation_fails_and_nothing_is_sent()
    {
        using var fault = Faults.Inject("none", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => _services.GetRequiredService<ITextEmbeddingsClient>().BgeBaseEnV15Async(new TextEmbeddingsBatchableInput { Text = ["ok", ""] }));

        Assert.Equal(EdgeAiErrorKind.Validation, error.Kind);
        Assert.Contains("text", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_a_required_field_is_missing_then_validation_fails_and_nothing_is_sent()
    {
        using var fault = Faults.Inject("none", out var key);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => _services.GetRequiredService<ITranslationClient>().M2m100x12bAsync(new TranslationInput { Text = "Hello" }));

        Assert.Equal(EdgeAiErrorKind.Validation, error.Kind);
        Assert.Equal(0, (await emulator.RequestsAsync(key)).Count);
    }

    [Fact]
    public async Task When_a_value_is_out_of_range_then_the_message_names_the_field()
    {
        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => Chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x", Temperature = 9 }));

        Assert.Equal(EdgeAiErrorKind.Validation, error.Kind);
        Assert.Contains("TextGenerationInput", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_generic_run_gets_a_slug_then_the_url_keeps_its_literal_slashes()
    {
        var run = _services.GetRequiredService<IRunClient>();

        var answer = await run.RunModelAsync("@cf/meta/llama-3.1-8b-instruct-fast", new Dictionary<string, object> { ["prompt"] = "hi" });

        Assert.True(answer.Success);
        Assert.NotNull(answer.Result);
    }

    [Fact]
    public async Task When_a_slug_is_percent_encoded_then_the_api_does_not_route_it()
    {
        // The control case for the test above: what NSwag would send without the PrepareRequest hook.
        using var http = new HttpClient();
        var url = new Uri($"{emulator.BaseUrl}/accounts/{ClientFactory.Account}/ai/run/{Uri.EscapeDataString("@cf/meta/llama-3.1-8b-instruct-fast")}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"prompt\":\"hi\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", ClientFactory.Token);

        using var response = await http.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("7000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_generic_run_names_an_unknown_model_then_not_found_is_thrown()
    {
        var run = _services.GetRequiredService<IRunClient>();

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => run.RunModelAsync("@cf/nobody/no-such-model", new Dictionary<string, object> { ["prompt"] = "hi" }));

        Assert.Equal(EdgeAiErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task When_a_call_fails_then_neither_the_exception_nor_the_logs_contain_the_token()
    {
        var logs = new CapturingLoggerProvider();
        using var services = ClientFactory.Create(emulator, logs: logs);
        using var fault = Faults.Inject("unauthorized", out _);

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => services.GetRequiredService<ITextGenerationClient>().Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));

        Assert.DoesNotContain(ClientFactory.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.Token, string.Join('\n', ((EdgeAiApiException)error).Headers.SelectMany(h => h.Value)), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(ClientFactory.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(ClientFactory.Token, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeAiClientOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_nothing_listens_then_a_connection_error_is_thrown_after_the_retries()
    {
        using var services = ClientFactory.Create(emulator, o => o.BaseUrl = new Uri("http://127.0.0.1:9/client/v4"));

        var error = await Assert.ThrowsAnyAsync<EdgeAiException>(() => services.GetRequiredService<ITextGenerationClient>().Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "x" }));

        Assert.Equal(EdgeAiErrorKind.Connection, error.Kind);
        Assert.Null(error.StatusCode);
    }
}
