using System.Net;

namespace Hearsay.Eval.Redewiedergabe;

[Flags]
public enum StwrType : byte
{
    None = 0,
    Direct = 1,
    Indirect = 2,
    FreeIndirect = 4,
    Reported = 8,
}

/// <summary>One text sample of Corpus REDEWIEDERGABE: its tokens with the gold STWR types (any level) and the
/// speaker and introductory-expression (cue) marks.</summary>
public sealed class RwSample
{
    public required string File { get; init; }
    public required bool Fictional { get; init; }
    public required string[] Tokens { get; init; }
    public required bool[] SentenceStart { get; init; }
    public required StwrType[] Types { get; init; }
    public required bool[] Speaker { get; init; }
    public required bool[] Cue { get; init; }
}

/// <summary>
/// Reads the corpus's token TSV (header <c>tok normtok lemma pos rfpos sentstart stwr frame speaker intexpr
/// note</c>, '-' = empty) and metadata.tsv. The <c>stwr</c> cell holds levels separated by '|', each
/// <c>Type.Medium.ID[.attrs]</c>; an ambiguous type is written with a space ("indirect freeIndirect") and
/// counts for both types. A token is positive for a type if any of its levels carries it. Tokens are taken
/// from <c>tok</c> (the original spelling, with its quotation marks), with HTML entities decoded.
/// </summary>
public static class RedewiedergabeReader
{
    /// <summary>File name → fictional (metadata.tsv column "fictional": yes/no).</summary>
    public static Dictionary<string, bool> ReadMetadata(string path)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? throw new FormatException($"{path}: empty");
        int file = Array.IndexOf(header, "file"), fictional = Array.IndexOf(header, "fictional");
        if (file < 0 || fictional < 0) throw new FormatException($"{path}: no 'file' or 'fictional' column");
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var cols = line.Split('\t');
            if (cols.Length <= Math.Max(file, fictional)) continue;
            result[cols[file]] = cols[fictional] == "yes";
        }
        return result;
    }

    public static RwSample Read(string path, bool fictional)
    {
        var tokens = new List<string>();
        var starts = new List<bool>();
        var types = new List<StwrType>();
        var speaker = new List<bool>();
        var cue = new List<bool>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? throw new FormatException($"{path}: empty");
        int tok = Col("tok"), sent = Col("sentstart"), stwr = Col("stwr"), spk = Col("speaker"), intexpr = Col("intexpr");
        int Col(string name)
        {
            int i = Array.IndexOf(header, name);
            if (i < 0) throw new FormatException($"{path}: no '{name}' column");
            return i;
        }
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            tokens.Add(WebUtility.HtmlDecode(cols[tok]));
            starts.Add(cols[sent] == "yes");
            types.Add(ParseTypes(cols[stwr]));
            speaker.Add(cols[spk] != "-");
            cue.Add(cols[intexpr] != "-");
        }
        return new RwSample
        {
            File = Path.GetFileName(path), Fictional = fictional, Tokens = tokens.ToArray(), SentenceStart = starts.ToArray(),
            Types = types.ToArray(), Speaker = speaker.ToArray(), Cue = cue.ToArray(),
        };
    }

    public static StwrType ParseTypes(string cell)
    {
        if (cell == "-" || cell.Length == 0) return StwrType.None;
        var result = StwrType.None;
        foreach (var level in cell.Split('|'))
        {
            int dot = level.IndexOf('.');
            var type = dot < 0 ? level : level[..dot];
            foreach (var t in type.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                result |= t switch
                {
                    "direct" => StwrType.Direct,
                    "indirect" => StwrType.Indirect,
                    "freeIndirect" => StwrType.FreeIndirect,
                    "reported" => StwrType.Reported,
                    _ => StwrType.None,
                };
        }
        return result;
    }
}
