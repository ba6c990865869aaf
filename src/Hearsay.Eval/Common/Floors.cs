using System.Globalization;
using System.Text.Json;

namespace Hearsay.Eval;

/// <summary>
/// The accuracy ratchet: a JSON file mapping "dataset/split/metric" to the least acceptable headline figure
/// (F1, else the pass rate or accuracy). A run fails when a figure is below its floor, or when a floored
/// figure was not measured at all (a dataset silently skipped is a failure too).
/// </summary>
public static class Floors
{
    public static Dictionary<string, double> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        var root = doc.RootElement;
        var table = root.TryGetProperty("floors", out var f) ? f : root;
        foreach (var p in table.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number) continue;
            floors[p.Name] = p.Value.GetDouble();
        }
        return floors;
    }

    public sealed record Violation(string Key, double Floor, double? Measured)
    {
        public override string ToString() => Measured is double m
            ? string.Create(CultureInfo.InvariantCulture, $"{Key}: {m:0.0000} is below its floor {Floor:0.0000}")
            : string.Create(CultureInfo.InvariantCulture, $"{Key}: not measured (floor {Floor:0.0000})");
    }

    /// <summary>Floors broken by the rows. A floor counts when its dataset was run on its split
    /// (<paramref name="runs"/>: dataset and split names); such a floor whose figure is missing is broken too.</summary>
    public static List<Violation> Check(IReadOnlyDictionary<string, double> floors, IEnumerable<MetricRow> rows, IEnumerable<(string Dataset, string Split)> runs)
    {
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows) measured.TryAdd(r.Key, r.Headline);
        var ran = runs.Select(r => $"{r.Dataset}/{r.Split}/").ToHashSet(StringComparer.Ordinal);
        var violations = new List<Violation>();
        foreach (var (key, floor) in floors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!ran.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))) continue;
            if (!measured.TryGetValue(key, out var value)) violations.Add(new Violation(key, floor, null));
            else if (value < floor - 1e-9) violations.Add(new Violation(key, floor, value));
        }
        return violations;
    }

    /// <summary>A floors file for the rows: each headline minus the margin, rounded down to 4 decimals, never below 0.</summary>
    public static string Write(IEnumerable<MetricRow> rows, double margin)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("{\n  \"margin\": ").Append(margin.ToString("0.000", CultureInfo.InvariantCulture)).Append(",\n  \"floors\": {\n");
        var list = rows.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            double floor = Math.Max(0, Math.Floor((list[i].Headline - margin) * 10000) / 10000);
            sb.Append("    ").Append(JsonSerializer.Serialize(list[i].Key)).Append(": ")
              .Append(floor.ToString("0.0000", CultureInfo.InvariantCulture)).Append(i + 1 < list.Count ? ",\n" : "\n");
        }
        sb.Append("  }\n}\n");
        return sb.ToString();
    }
}
