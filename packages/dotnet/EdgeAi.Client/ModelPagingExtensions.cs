using System.Runtime.CompilerServices;

namespace EdgeAi.Client;

/// <summary>Walks every page of the model catalog search as one <see cref="IAsyncEnumerable{T}"/>.</summary>
public static class ModelPagingExtensions
{
    /// <summary>
    /// Every model matching the filters, fetching pages of <paramref name="pageSize"/> lazily (the next page is requested
    /// only when the caller reaches it). Stops at the last page (<c>result_info.total_count</c>, or a short page).
    /// </summary>
    /// <param name="client">The generated models client.</param>
    /// <param name="task">Task display name filter, for example <c>Text Generation</c>.</param>
    /// <param name="search">Free-text filter over name and description.</param>
    /// <param name="author">Author filter, for example <c>meta</c>.</param>
    /// <param name="pageSize">Models per request (1..100).</param>
    /// <param name="cancellationToken">Cancels the current page request.</param>
    /// <returns>The models, in the API's order.</returns>
    public static async IAsyncEnumerable<Model> SearchAllModelsAsync(this IModelsClient client, string? task = null, string? search = null, string? author = null, int pageSize = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        var seen = 0;
        for (var page = 1; ; page++)
        {
            var answer = await client.SearchModelsAsync(page: page, perPage: pageSize, search: search, task: task, author: author, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var model in answer.Result)
                yield return model;
            seen += answer.Result.Count;
            var total = answer.ResultInfo?.TotalCount;
            if (answer.Result.Count < pageSize || answer.Result.Count == 0 || (total is int t && seen >= t))
                yield break;
        }
    }
}
