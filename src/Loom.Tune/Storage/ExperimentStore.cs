using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Loom.Tune;

/// <summary>
/// The experiment folder: <c>experiment_state.json</c> (written atomically after every change), and per trial
/// <c>params.json</c>, <c>result.json</c> (one JSON object per report), <c>progress.csv</c> and its checkpoints.
/// </summary>
internal sealed class ExperimentStore(string path)
{
    public const string StateFile = "experiment_state.json";

    private static readonly string[] CsvLeadingColumns = ["training_iteration", "time_total_s"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new TrialConfigJsonConverter() },
    };
    private static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    public static ExperimentState? Load(string path)
    {
        var file = System.IO.Path.Combine(path, StateFile);
        return File.Exists(file) ? JsonSerializer.Deserialize<ExperimentState>(File.ReadAllText(file), Json) : null;
    }

    public void Save(ExperimentState state)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, StateFile);
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(state, Json));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    public static void WriteParams(Trial trial)
    {
        Directory.CreateDirectory(trial.Directory);
        File.WriteAllText(System.IO.Path.Combine(trial.Directory, "params.json"), JsonSerializer.Serialize(ConfigJson.ToJson(trial.Config), ConfigJson.Options));
    }

    public static void AppendResult(Trial trial, TrialResult result)
    {
        Directory.CreateDirectory(trial.Directory);
        var row = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["trial_id"] = trial.Id,
            ["training_iteration"] = result.Iteration,
            ["time_total_s"] = Math.Round(result.Elapsed.TotalSeconds, 6),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        foreach (var (name, value) in result.Metrics)
        {
            row[name] = value;
        }

        File.AppendAllText(System.IO.Path.Combine(trial.Directory, "result.json"), JsonSerializer.Serialize(row, Line) + "\n");
        var csv = System.IO.Path.Combine(trial.Directory, "progress.csv");
        var names = result.Metrics.Keys.Order(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder();
        if (!File.Exists(csv))
        {
            text.AppendLine(string.Join(',', CsvLeadingColumns.Concat(names)));
        }

        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(string.Join(',', new[] { result.Iteration.ToString(culture), result.Elapsed.TotalSeconds.ToString("0.######", culture) }
            .Concat(names.Select(n => result.Metrics[n].ToString("R", culture)))));
        File.AppendAllText(csv, text.ToString());
    }

    public static List<TrialResult> ReadResults(string trialId, string trialDirectory)
    {
        var file = System.IO.Path.Combine(trialDirectory, "result.json");
        var results = new List<TrialResult>();
        if (!File.Exists(file))
        {
            return results;
        }

        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name is not ("trial_id" or "training_iteration" or "time_total_s" or "timestamp") && property.Value.ValueKind == JsonValueKind.Number)
                {
                    metrics[property.Name] = property.Value.GetDouble();
                }
            }

            results.Add(new TrialResult(
                trialId,
                document.RootElement.GetProperty("training_iteration").GetInt32(),
                metrics,
                TimeSpan.FromSeconds(document.RootElement.GetProperty("time_total_s").GetDouble())));
        }

        return results;
    }
}
