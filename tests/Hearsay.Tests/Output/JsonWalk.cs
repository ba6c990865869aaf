using System.Text.Json;

namespace Hearsay.Tests.Output;

/// <summary>Helpers for looking at written JSON: every object with its path, the repository root.</summary>
public static class JsonWalk
{
    /// <summary>Every object in the document with its path ("attributions[0].cue").</summary>
    public static IEnumerable<(string Path, JsonElement Object)> Objects(JsonElement root, string path = "")
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                yield return (path, root);
                foreach (var p in root.EnumerateObject())
                    foreach (var x in Objects(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name)) yield return x;
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in root.EnumerateArray())
                    foreach (var x in Objects(item, $"{path}[{i++}]")) yield return x;
                break;
        }
    }

    /// <summary>Every string value stored under the given property name, anywhere.</summary>
    public static IEnumerable<string> StringsNamed(JsonElement root, string name) =>
        Objects(root).SelectMany(o => o.Object.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? new[] { v.GetString()! } : Array.Empty<string>());

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Hearsay.slnx not found above " + AppContext.BaseDirectory);
    }
}
