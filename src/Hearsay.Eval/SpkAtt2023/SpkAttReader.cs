using System.Text.Json;

namespace Hearsay.Eval.SpkAtt2023;

/// <summary>One speech of SpkAtt-2023 task 1: sentences as token lists, and the speech-event annotations as
/// role name → global token ids (sentences concatenated in order).</summary>
public sealed class SpkAttSpeech
{
    public static readonly string[] RoleNames = { "Source", "Message", "Addr", "Topic", "Medium", "Evidence", "PTC" };

    public required string Name { get; init; }
    public required List<(int Id, string[] Tokens)> Sentences { get; init; }
    /// <summary>Global id of the first token of each sentence, by position in <see cref="Sentences"/>.</summary>
    public required int[] SentenceOffsets { get; init; }
    public required List<Dictionary<string, int[]>> Annotations { get; init; }

    public IEnumerable<string> AllTokens => Sentences.SelectMany(s => s.Tokens);

    /// <summary>"sentenceId:tokenId" of a global token id.</summary>
    public string Address(int global)
    {
        int s = Array.BinarySearch(SentenceOffsets, global);
        if (s < 0) s = ~s - 1;
        return $"{Sentences[s].Id}:{global - SentenceOffsets[s]}";
    }
}

/// <summary>Reads the JSON files of a SpkAtt-2023 split folder (one speech per file).</summary>
public static class SpkAttReader
{
    public static IEnumerable<SpkAttSpeech> Read(IEnumerable<string> files)
    {
        foreach (var file in files) yield return Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
    }

    public static SpkAttSpeech Parse(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var sentences = new List<(int, string[])>();
        foreach (var s in doc.RootElement.GetProperty("Sentences").EnumerateArray())
            sentences.Add((s.GetProperty("SentenceId").GetInt32(), s.GetProperty("Tokens").EnumerateArray().Select(t => t.GetString() ?? "").ToArray()));
        var offsets = new int[sentences.Count];
        var byId = new Dictionary<int, int>();
        int total = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            offsets[i] = total;
            byId[sentences[i].Item1] = total;
            total += sentences[i].Item2.Length;
        }
        var annotations = new List<Dictionary<string, int[]>>();
        foreach (var a in doc.RootElement.GetProperty("Annotations").EnumerateArray())
        {
            var roles = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var p in a.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Array) continue;
                var ids = new List<int>();
                foreach (var addr in p.Value.EnumerateArray())
                {
                    var str = addr.GetString() ?? "";
                    int colon = str.IndexOf(':');
                    if (colon < 0) throw new FormatException($"{name}: bad token address '{str}'");
                    int sid = int.Parse(str.AsSpan(0, colon)), tid = int.Parse(str.AsSpan(colon + 1));
                    if (!byId.TryGetValue(sid, out var off)) throw new FormatException($"{name}: unknown sentence {sid}");
                    ids.Add(off + tid);
                }
                roles[p.Name] = AnnotationGroup.Normalize(ids);
            }
            annotations.Add(roles);
        }
        return new SpkAttSpeech { Name = name, Sentences = sentences, SentenceOffsets = offsets, Annotations = annotations };
    }
}
