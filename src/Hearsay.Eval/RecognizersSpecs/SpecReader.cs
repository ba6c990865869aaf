using System.Text.Json;

namespace Hearsay.Eval.RecognizersSpecs;

/// <summary>One expected extraction of a spec case: text, type, resolution fields, and the span [Start, End] (End inclusive).</summary>
public sealed record SpecResult(string Text, string TypeName, IReadOnlyDictionary<string, string> Resolution, string? Timex, int Start, int End);

/// <summary>One test case of a Recognizers-Text spec file.</summary>
public sealed record SpecCase(string Input, string NotSupported, IReadOnlyList<SpecResult> Results);

/// <summary>A spec file: which model and language it tests.</summary>
public sealed record SpecFile(string Path, string Model, string Language);

public static class SpecReader
{
    /// <summary>The spec files under the root: Number/, NumberWithUnit/ and DateTime/, English and German.</summary>
    public static List<SpecFile> Files(string root)
    {
        var list = new List<SpecFile>();
        foreach (var group in new[] { "Number", "NumberWithUnit", "DateTime" })
            foreach (var (folder, lang) in new[] { ("German", "de"), ("English", "en") })
            {
                var dir = System.IO.Path.Combine(root, group, folder);
                if (!Directory.Exists(dir)) throw new EvalDataMissingException(dir);
                foreach (var f in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                    list.Add(new SpecFile(f, System.IO.Path.GetFileNameWithoutExtension(f), lang));
            }
        return list;
    }

    public static List<SpecCase> Read(string path)
    {
        // Some files begin with a byte-order mark; File.ReadAllText drops it.
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<SpecCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            var results = new List<SpecResult>();
            if (c.TryGetProperty("Results", out var rs) && rs.ValueKind == JsonValueKind.Array)
                foreach (var r in rs.EnumerateArray())
                {
                    var resolution = new Dictionary<string, string>(StringComparer.Ordinal);
                    string? timex = null;
                    if (r.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object)
                        foreach (var p in res.EnumerateObject())
                        {
                            if (p.Value.ValueKind == JsonValueKind.String) resolution[p.Name] = p.Value.GetString()!;
                            else if (p.Name == "values" && p.Value.ValueKind == JsonValueKind.Array)
                                foreach (var v in p.Value.EnumerateArray()) { timex ??= S(v, "timex"); }
                        }
                    int start = r.TryGetProperty("Start", out var st) ? st.GetInt32() : -1;
                    int end = r.TryGetProperty("End", out var en) ? en.GetInt32() : -1;
                    results.Add(new SpecResult(S(r, "Text"), S(r, "TypeName"), resolution, string.IsNullOrEmpty(timex) ? null : timex, start, end));
                }
            cases.Add(new SpecCase(S(c, "Input"), S(c, "NotSupported") + "," + S(c, "NotSupportedByDesign"), results));
        }
        return cases;
    }
}
