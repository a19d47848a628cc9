// Shared by the three "generate it yourself" runs (NSwag Newtonsoft, NSwag System.Text.Json, Kiota) that
// check-nswag-defaults.sh compiles into throw-away projects next to a freshly generated client.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading.Tasks;
using EdgeAi.TestSupport;

namespace DefaultsCheck
{
    /// <summary>
    /// Starts the emulator (port 0), runs named checks, prints one line per check and writes a TRX file (one test per
    /// check) so scripts/test-dotnet.sh counts every call. Exit code = number of failed checks.
    /// </summary>
    internal sealed class DefaultsHarness : IDisposable
    {
        private readonly EmulatorProcess _emulator;
        private readonly List<(string Name, string? Error)> _results = new();
        private readonly string _suite;

        private DefaultsHarness(string suite, EmulatorProcess emulator)
        {
            _suite = suite;
            _emulator = emulator;
        }

        /// <summary>The per-account base URL a user sets: the emulator's API root plus /accounts/{id}.</summary>
        public string AccountBaseUrl => _emulator.BaseUrl.ToString().TrimEnd('/') + "/accounts/0123456789abcdef0123456789abcdef";

        public static async Task<DefaultsHarness> StartAsync(string suite, string repoRoot) =>
            new DefaultsHarness(suite, await EmulatorProcess.StartAsync(repoRoot, preferBuilt: true, TimeSpan.FromSeconds(60)));

        /// <summary>An HttpClient as the README says: only an Authorization header (none when <paramref name="token"/> is null).</summary>
        public static HttpClient Http(string? token = "test-token", string? emulatorFault = null)
        {
            var http = new HttpClient();
            if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // Test-only: asks the emulator for a fault answer (decision 0032); not something a user sets.
            if (emulatorFault is not null) http.DefaultRequestHeaders.Add("x-emulator-fault", emulatorFault);
            return http;
        }

        public async Task CheckAsync(string name, Func<Task> body)
        {
            string? error = null;
            try { await body(); }
            catch (Exception e) { error = e.GetType().Name + ": " + e.Message; }
            _results.Add((name, error));
            Console.WriteLine(error is null ? $"  ok    {_suite}: {name}" : $"  FAIL  {_suite}: {name}: {error}");
        }

        public static void Expect(bool condition, string what)
        {
            if (!condition) throw new InvalidOperationException("expected " + what);
        }

        /// <summary>Writes the TRX (when a path is given) and returns the number of failures.</summary>
        public int Finish(string? trxPath)
        {
            var failed = _results.FindAll(r => r.Error is not null).Count;
            Console.WriteLine($"{_suite}: {_results.Count - failed} passed, {failed} failed");
            if (string.IsNullOrEmpty(trxPath)) return failed;
            var rows = new System.Text.StringBuilder();
            foreach (var (name, error) in _results)
            {
                var outcome = error is null ? "Passed" : "Failed";
                rows.Append($"    <UnitTestResult testName=\"{SecurityElement.Escape(_suite + ": " + name)}\" outcome=\"{outcome}\">");
                if (error is not null) rows.Append($"<Output><ErrorInfo><Message>{SecurityElement.Escape(error)}</Message></ErrorInfo></Output>");
                rows.AppendLine("</UnitTestResult>");
            }
            File.WriteAllText(trxPath, $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <TestRun name="{SecurityElement.Escape(_suite)}" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
                  <Results>
                {rows}  </Results>
                  <ResultSummary outcome="{(failed == 0 ? "Completed" : "Failed")}">
                    <Counters total="{_results.Count}" executed="{_results.Count}" passed="{_results.Count - failed}" failed="{failed}" error="0" timeout="0" aborted="0" inconclusive="0" notExecuted="0" />
                  </ResultSummary>
                </TestRun>
                """);
            return failed;
        }

        public void Dispose() => _emulator.Dispose();
    }
}
