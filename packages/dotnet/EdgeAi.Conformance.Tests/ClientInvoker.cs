using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EdgeAi.Client;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Conformance.Tests;

/// <summary>
/// Makes a scenario's call through EdgeAi.Client the way an application would: <c>AddEdgeAiClient</c> with the
/// scenario's retry and timeout settings, then the typed method the NSwag export names for the model, with the
/// scenario input bound to that method's DTO. Only the fault headers are added, by a handler inside the retry
/// pipeline so every attempt carries them.
/// </summary>
public sealed class ClientInvoker(EmulatorFixture emulator, IReadOnlyDictionary<string, ErrorKindRow> kinds)
{
    private const string AccountId = "0123456789abcdef0123456789abcdef";
    private const string ApiToken = "conformance-test-token";

    private static readonly JsonSerializerOptions OutputJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly JsonSerializerOptions InputJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Runs the call and returns what the client produced (a result or an error, never throws for client errors).</summary>
    public async System.Threading.Tasks.Task<Outcome> RunAsync(Scenario scenario, string faultKey)
    {
        var call = scenario.Call;
        var opts = call.Options;
        var services = new ServiceCollection();
        services.AddEdgeAiClient(o =>
            {
                o.AccountId = AccountId;
                o.ApiToken = ApiToken;
                o.BaseUrl = emulator.BaseUrl;
                if (opts?.MaxRetries is int retries) o.MaxRetries = retries;
                if (opts?.RetryInitialDelayMs is int initial) o.InitialRetryDelay = TimeSpan.FromMilliseconds(initial);
                if (opts?.RetryMaxDelayMs is int max) o.MaxRetryDelay = TimeSpan.FromMilliseconds(max);
                if (opts?.TimeoutMs is int timeout) o.AttemptTimeout = TimeSpan.FromMilliseconds(timeout);
                o.Gateway = GatewayScenarios.OptionsFor(scenario.Id, emulator.BaseUrl, faultKey); // null outside conformance/gateway
            })
            .AddHttpMessageHandler(() => new FaultHeaderHandler(scenario.Emulator?.Faults, faultKey));
        await using var provider = services.BuildServiceProvider();

        using var cts = new CancellationTokenSource();
        if (opts?.AbortAfterMs is int abortAfter) cts.CancelAfter(abortAfter);
        var input = (JsonObject)call.Input.DeepClone();
        if (call.Fill is Fill fill) input[fill.Key] = new string('a', fill.Length);

        var chunks = new List<ObservedChunk>();
        try
        {
            if (call.Stream == true)
            {
                await foreach (var chunk in StreamAsync(provider, call, input, cts.Token).ConfigureAwait(false))
                    chunks.Add(Observe(chunk));
                return new StreamOutcome(chunks);
            }
            var (client, method) = Resolve(provider, call);
            var args = BindArguments(method, call, input, cts.Token);
            var task = (System.Threading.Tasks.Task)method.Invoke(client, args)!;
            if (task is System.Threading.Tasks.Task<FileResponse> binary)
            {
                var image = await binary.ReadImageAsync(cts.Token).ConfigureAwait(false);
                return new ImageOutcome(image.ContentType, image.Bytes);
            }
            await task.ConfigureAwait(false);
            var value = task.GetType().GetProperty("Result")!.GetValue(task);
            return ToOutcome(value, jsonMode: input["response_format"] is not null);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return ToError(e is TargetInvocationException { InnerException: { } inner } ? inner : e, scenario.Expect.Error?.Kind, chunks.Count);
        }
    }

    private static (object Client, MethodInfo Method) Resolve(IServiceProvider provider, ScenarioCall call)
    {
        var operationId = call.Operation switch
        {
            "chat-completions" => OperationMap.OperationIdFor("/ai/v1/chat/completions")!,
            "embeddings" => OperationMap.OperationIdFor("/ai/v1/embeddings")!,
            _ => OperationMap.OperationIdFor($"/ai/run/{call.Model}") ?? OperationMap.OperationIdFor("/ai/run/{model_name}")!,
        };
        var (clientClass, methodName) = OperationMap.Split(operationId);
        var type = typeof(EdgeAiException).Assembly.GetType($"EdgeAi.Client.{clientClass}")
            ?? throw new InvalidOperationException($"EdgeAi.Client has no {clientClass} (operation {operationId})");
        var method = type.GetMethods().SingleOrDefault(m => m.Name == methodName && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
            ?? throw new InvalidOperationException($"{clientClass} has no {methodName}(..., CancellationToken) (operation {operationId})");
        return (provider.GetRequiredService(type), method);
    }

    private static object?[] BindArguments(MethodInfo method, ScenarioCall call, JsonObject input, CancellationToken token)
    {
        if (call.Operation is "chat-completions" or "embeddings") input["model"] = call.Model;
        return [.. method.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(CancellationToken)) return token;
            if (p.Name == "body")
            {
                try
                {
                    return input.Deserialize(p.ParameterType, InputJson);
                }
                catch (JsonException e)
                {
                    throw new InvalidOperationException($"the scenario input does not bind to {p.ParameterType.Name}: {e.Message}", e);
                }
            }
            if (p.Name == "modelName") return call.Model;
            return null; // optional query parameters (queueRequest) stay unset
        })];
    }

    /// <summary>The client's streaming API: StreamEventsAsync for /ai/run, StreamChatCompletionAsync for chat completions.</summary>
    private static IAsyncEnumerable<object> StreamAsync(IServiceProvider provider, ScenarioCall call, JsonObject input, CancellationToken token)
    {
        if (call.Operation == "chat-completions")
        {
            input["model"] = call.Model;
            var request = Bind<ChatCompletionRequest>(input);
            return provider.GetRequiredService<IOpenAICompatibleClient>().StreamChatCompletionAsync(request, token);
        }
        return provider.GetRequiredService<ITextGenerationClient>().StreamEventsAsync(call.Model, BindStreamInput(call, input), token);
    }

    /// <summary>The scenario input as the model's own input type (the body of its typed method); TextGenerationInput for a model the contract does not name.</summary>
    private static IStreamableInput BindStreamInput(ScenarioCall call, JsonObject input)
    {
        var operationId = OperationMap.OperationIdFor($"/ai/run/{call.Model}");
        var type = typeof(TextGenerationInput);
        if (operationId is not null)
        {
            var (clientClass, methodName) = OperationMap.Split(operationId);
            var body = typeof(EdgeAiException).Assembly.GetType($"EdgeAi.Client.{clientClass}")?.GetMethods()
                .FirstOrDefault(m => m.Name == methodName)?.GetParameters().FirstOrDefault(p => p.Name == "body")?.ParameterType;
            if (body is not null && typeof(IStreamableInput).IsAssignableFrom(body)) type = body;
        }
        try
        {
            return (IStreamableInput)(input.Deserialize(type, InputJson) ?? throw new InvalidOperationException($"the scenario input binds to a null {type.Name}"));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the scenario input does not bind to {type.Name}: {e.Message}", e);
        }
    }

    private static T Bind<T>(JsonObject input)
    {
        try
        {
            return input.Deserialize<T>(InputJson) ?? throw new InvalidOperationException($"the scenario input binds to a null {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the scenario input does not bind to {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>The text delta of an event: native <c>response</c>, or an OpenAI chunk's <c>choices[0].delta.content</c>.</summary>
    private static ObservedChunk Observe(object chunk)
    {
        var node = JsonSerializer.SerializeToNode(chunk, chunk.GetType(), OutputJson) as JsonObject;
        var delta = node?["choices"] is JsonArray { Count: > 0 } choices ? choices[0]?["delta"] : null;
        var text = node?["response"] is JsonValue r && r.GetValueKind() == JsonValueKind.String ? r.GetValue<string>()
            : delta?["content"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>()
            : "";
        var toolCalls = node?["tool_calls"] as JsonArray ?? delta?["tool_calls"] as JsonArray;
        return new ObservedChunk(text, node?["usage"] is not null, toolCalls is { Count: > 0 });
    }

    private static JsonOutcome ToOutcome(object? value, bool jsonMode)
    {
        // Envelopes carry the payload in Result; OpenAI-compatible answers are the payload themselves.
        var result = value?.GetType().GetProperty("Result") is PropertyInfo p && value.GetType().GetProperty("Success") is not null ? p.GetValue(value) : value;
        var node = result is null ? null : JsonSerializer.SerializeToNode(result, result.GetType(), OutputJson);
        // The C# client types the chat `response` as text (a JSON-mode object arrives as its JSON text, read with
        // TextGenerationResult.ReadResponseAs); the scenarios check the wire shape, so JSON mode gets the object back.
        if (jsonMode && result is ITextResponse { Response: { } text } && node is JsonObject obj)
            obj["response"] = JsonNode.Parse(text);
        return new JsonOutcome(node);
    }

    private ErrorOutcome ToError(Exception e, string? expectedKind, int chunksBeforeError)
    {
        string? kind;
        int? code = null, status = null;
        if (e is EdgeAiException edge)
        {
            kind = edge.Kind;
            code = edge.Code;
            status = edge.StatusCode;
        }
        else
        {
            // A .NET type the table names for a kind (OperationCanceledException for abort) stands for that kind.
            kind = kinds.FirstOrDefault(k => TypeFor(k.Value.Csharp)?.IsInstanceOfType(e) == true && TypeFor(k.Value.Csharp) != typeof(EdgeAiException)).Key;
        }
        var matches = expectedKind is not null && kinds.TryGetValue(expectedKind, out var row) && TypeFor(row.Csharp)?.IsInstanceOfType(e) == true;
        return new ErrorOutcome(kind, code, status, e.GetType().FullName ?? e.GetType().Name, matches, e.Message, chunksBeforeError);
    }

    private static Type? TypeFor(string name) =>
        typeof(EdgeAiException).Assembly.GetType(name) ?? Type.GetType(name);
}

/// <summary>Adds the emulator's fault headers to every attempt.</summary>
internal sealed class FaultHeaderHandler(IReadOnlyList<string>? faults, string key) : DelegatingHandler
{
    protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("x-emulator-fault-key");
        request.Headers.Add("x-emulator-fault-key", key);
        if (faults is { Count: > 0 })
        {
            request.Headers.Remove("x-emulator-fault");
            request.Headers.Add("x-emulator-fault", string.Join(',', faults));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
