namespace Hearsay.Eval.Gum;

/// <summary>One GUM document: its text rebuilt from the WebAnno TSV character offsets (sentences on their
/// own lines), the tokens, and the gold coreference mentions from the CoNLL file.</summary>
public sealed class GumDocument
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required TokenGrid Grid { get; init; }
    public required string[] Tokens { get; init; }
    public required List<GumMention> Mentions { get; init; }
}

/// <summary>A gold mention: token span, entity type (person, place, …), chain id, and the entity's Wikipedia
/// identity ("Donald_Trump") when it has one.</summary>
public sealed record GumMention(int First, int Last, string Type, int Chain, string? Identity = null);

public static class GumReader
{
    /// <summary>Document names of a split, from splits.tsv ("document\tsplit").</summary>
    public static List<string> Split(string splitsPath, string split) => File.ReadLines(splitsPath).Skip(1)
        .Select(l => l.Split('\t')).Where(c => c.Length >= 2 && c[1] == split).Select(c => c[0]).ToList();

    public static GumDocument Read(string tsvPath, string conllPath)
    {
        var (text, grid, tokens) = ReadTsv(tsvPath);
        var mentions = ReadConll(conllPath, out int count);
        if (count != tokens.Length) throw new FormatException($"{conllPath}: {count} tokens, but {tsvPath} has {tokens.Length}");
        return new GumDocument { Name = Path.GetFileNameWithoutExtension(tsvPath), Text = text, Grid = grid, Tokens = tokens, Mentions = mentions };
    }

    /// <summary>Token lines "s-t\tbegin-end\ttoken\t…"; the offsets place each token in the text.</summary>
    private static (string, TokenGrid, string[]) ReadTsv(string path)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var tokens = new List<string>();
        var sentence = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 3) continue;
            var id = cols[0].Split('-');
            if (id.Length != 2 || id[1].Contains('.')) continue; // sub-token lines
            var off = cols[1].Split('-');
            starts.Add(int.Parse(off[0]));
            ends.Add(int.Parse(off[1]));
            tokens.Add(cols[2]);
            sentence.Add(int.Parse(id[0]));
        }
        int length = ends.Count == 0 ? 0 : ends.Max();
        var chars = Enumerable.Repeat(' ', length).ToArray();
        for (int i = 0; i < tokens.Count; i++)
        {
            var tok = tokens[i];
            for (int c = 0; c < tok.Length && starts[i] + c < ends[i]; c++) chars[starts[i] + c] = tok[c];
            // A sentence starts on a new line.
            if (i > 0 && sentence[i] != sentence[i - 1] && starts[i] > ends[i - 1]) chars[starts[i] - 1] = '\n';
        }
        return (new string(chars), new TokenGrid(starts.ToArray(), ends.ToArray()), tokens.ToArray());
    }

    /// <summary>CoNLL coreference: "index\ttoken\tbrackets", where brackets are "(type-chain[-identity]" to
    /// open, "type-chain[-identity])" to close and "(type-chain…)" for one token, written back to back.</summary>
    private static List<GumMention> ReadConll(string path, out int tokenCount)
    {
        var mentions = new List<GumMention>();
        var open = new List<(int Start, string Type, int Chain, string? Identity)>();
        int index = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 3) continue;
            var s = cols[2];
            int i = 0;
            while (s != "_" && i < s.Length)
            {
                bool opens = s[i] == '(';
                if (opens) i++;
                int j = i;
                while (j < s.Length && s[j] != '(' && s[j] != ')') j++;
                var (type, chain, identity) = Label(s[i..j], path);
                bool closes = j < s.Length && s[j] == ')';
                if (opens && closes) mentions.Add(new GumMention(index, index, type, chain, identity));
                else if (opens) open.Add((index, type, chain, identity));
                else if (closes)
                {
                    int k = open.FindLastIndex(o => o.Chain == chain);
                    if (k < 0) throw new FormatException($"{path}: token {index} closes chain {chain}, which is not open");
                    mentions.Add(new GumMention(open[k].Start, index, open[k].Type, chain, open[k].Identity));
                    open.RemoveAt(k);
                }
                i = closes ? j + 1 : j;
            }
            index++;
        }
        if (open.Count > 0) throw new FormatException($"{path}: {open.Count} mentions never closed");
        tokenCount = index;
        return mentions;
    }

    private static (string Type, int Chain, string? Identity) Label(string label, string path)
    {
        var parts = label.Split('-', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out int chain)) throw new FormatException($"{path}: bad mention label '{label}'");
        return (parts[0], chain, parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }
}
