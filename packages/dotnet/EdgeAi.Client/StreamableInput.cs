namespace EdgeAi.Client;

/// <summary>
/// A request body with a <c>stream</c> flag: every model input that can stream implements it (see
/// Generated/StreamableInputs.g.cs), so one streaming call serves each model's own input type
/// (<see cref="TextGenerationInput"/>, <see cref="GptOssInput"/>, ...).
/// </summary>
public interface IStreamableInput
{
    /// <summary>Whether the answer comes as server-sent events (the streaming helpers set it).</summary>
    bool? Stream { get; set; }
}
