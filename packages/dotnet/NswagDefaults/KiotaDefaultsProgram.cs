// The Kiota half of the "generate it yourself" check: `kiota generate -l CSharp` with its defaults on
// openapi/dist/edge-ai.nswag.json, then calls against the emulator with only the base URL and an Authorization header
// (an HttpClient with a default header and Kiota's anonymous authentication provider).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DefaultsCheck;
using KiotaCheck.Client;
using KiotaCheck.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

var repoRoot = args[0];
var trx = args.Length > 1 ? args[1] : null;
using var h = await DefaultsHarness.StartAsync("kiota-defaults", repoRoot);
EdgeAiKiotaClient Client(System.Net.Http.HttpClient? http = null)
{
    var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http ?? DefaultsHarness.Http());
    adapter.BaseUrl = h.AccountBaseUrl;
    return new EdgeAiKiotaClient(adapter);
}
var api = Client();

await h.CheckAsync("prompt chat", async () =>
{
    var r = await api.Ai.Run.Cf.Meta.Llama318bInstructFast.PostAsync(new TextGenerationInput { Prompt = "Say hello" });
    DefaultsHarness.Expect(r?.Success == true && !string.IsNullOrEmpty(r.Result?.Response), "a text answer");
});
await h.CheckAsync("messages chat", async () =>
{
    var r = await api.Ai.Run.Cf.Meta.Llama318bInstructFast.PostAsync(new TextGenerationInput
    {
        Messages = new List<TextGenerationInputMessagesItem> { new() { Role = "user", Content = "Hi" } },
        MaxTokens = 64,
    });
    DefaultsHarness.Expect(!string.IsNullOrEmpty(r?.Result?.Response), "a text answer");
});
await h.CheckAsync("streaming", async () =>
{
    await using var s = await api.Ai.Run.Cf["meta"]["llama-3.1-8b-instruct-fast"].PostAsync(new TextGenerationInput { Prompt = "Count", Stream = true });
    var text = await new StreamReader(s!).ReadToEndAsync();
    DefaultsHarness.Expect(text.Contains("data: {") && text.Contains("data: [DONE]"), "SSE events ending with [DONE]");
});
await h.CheckAsync("embeddings", async () =>
{
    var r = await api.Ai.Run.Cf.Baai.BgeBaseEnV15.PostAsync(new TextEmbeddingsBatchableInput { Text = new List<string> { "a", "b" }, Pooling = "cls" });
    DefaultsHarness.Expect(r?.Result?.Data is UntypedArray rows && rows.GetValue().Count() == 2, "two vectors");
});
await h.CheckAsync("SDXL image bytes", async () =>
{
    await using var s = await api.Ai.Run.Cf.Stabilityai.StableDiffusionXlBase10.PostAsync(new TextToImageInput { Prompt = "a lighthouse" });
    using var bytes = new MemoryStream();
    await s!.CopyToAsync(bytes);
    DefaultsHarness.Expect(bytes.Length > 8 && bytes.ToArray()[0] == 0x89, "PNG bytes");
});
await h.CheckAsync("flux image (base64 JSON)", async () =>
{
    var r = await api.Ai.Run.Cf.BlackForestLabs.Flux1Schnell.PostAsync(new FluxInput { Prompt = "a lighthouse" });
    DefaultsHarness.Expect(Convert.FromBase64String(r!.Result!.Image!).Length > 8, "a base64 image");
});
await h.CheckAsync("whisper", async () =>
{
    var r = await api.Ai.Run.Cf.Openai.Whisper.PostAsync(new WhisperInput { Audio = Enumerable.Range(0, 64).Select(i => (double?)((i * 7) % 256)).ToList() });
    DefaultsHarness.Expect(r?.Result?.Text is not null, "a transcript");
});
await h.CheckAsync("translation", async () =>
{
    var r = await api.Ai.Run.Cf.Meta.M2m10012b.PostAsync(new TranslationInput { Text = "Hello", TargetLang = "french" });
    DefaultsHarness.Expect(!string.IsNullOrEmpty(r?.Result?.TranslatedText), "a translation");
});
await h.CheckAsync("models search", async () =>
{
    var r = await api.Ai.Models.Search.GetAsync(c => { c.QueryParameters.Task = "Text Generation"; c.QueryParameters.PerPage = 5; });
    DefaultsHarness.Expect(r?.Result?.Count > 0 && r.Result.All(m => !string.IsNullOrEmpty(m.Name)), "named models");
});
await h.CheckAsync("/ai/v1 chat completions", async () =>
{
    var r = await api.Ai.V1.Chat.Completions.PostAsync(new ChatCompletionRequest
    {
        Model = "@cf/meta/llama-3.1-8b-instruct-fast",
        Messages = new List<ChatMessage> { new() { Role = "user", Content = new UntypedString("Hi") } },
    });
    DefaultsHarness.Expect(!string.IsNullOrEmpty(r?.Choices?.First().Message?.Content), "an assistant message");
});

async Task ExpectError(Func<Task> call, int status, int code)
{
    try { await call(); }
    catch (ErrorEnvelope e)
    {
        DefaultsHarness.Expect(e.ResponseStatusCode == status, $"status {status}, got {e.ResponseStatusCode}");
        DefaultsHarness.Expect(e.Errors?.Any(x => x.Code == code) == true, $"code {code} in the envelope");
        return;
    }
    throw new InvalidOperationException("no ErrorEnvelope thrown");
}
await h.CheckAsync("error 401 (no token) with code 10000", () =>
    ExpectError(() => Client(DefaultsHarness.Http(token: null)).Ai.Run.Cf.Meta.Llama318bInstructFast.PostAsync(new TextGenerationInput { Prompt = "Hi" }), 401, 10000));
await h.CheckAsync("error 5007 (unknown model)", () =>
    ExpectError(() => api.Ai.Run.Cf["nobody"]["no-such-model"].PostAsync(new TextGenerationInput { Prompt = "Hi", Stream = true }), 400, 5007));
await h.CheckAsync("error 429 (rate limited)", () =>
    ExpectError(() => Client(DefaultsHarness.Http(emulatorFault: "rate-limit")).Ai.Run.Cf.Meta.Llama318bInstructFast.PostAsync(new TextGenerationInput { Prompt = "Hi" }), 429, 971));

return h.Finish(trx);
