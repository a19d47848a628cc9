namespace AspNetMinimal;

/// <summary>POST /chat and /chat/stream body.</summary>
public sealed record ChatRequest(string Message);

/// <summary>POST /chat answer.</summary>
public sealed record ChatReply(string Reply);

/// <summary>POST /embed body.</summary>
public sealed record EmbedRequest(IReadOnlyList<string> Texts);

/// <summary>POST /embed answer: one vector per text.</summary>
public sealed record EmbedReply(int Dimensions, IList<IList<double>> Vectors);

/// <summary>POST /image body.</summary>
public sealed record ImageRequest(string Prompt);
