namespace Hearsay.Eval.Ner;

/// <summary>Readers of the two NER file shapes.</summary>
public static class NerReaders
{
    /// <summary>GermEval 2014: a "#\tURL\t[date]" comment opens each sentence; token lines
    /// "index\ttoken\touter\tinner"; a blank line ends the sentence. The outer level is the gold.</summary>
    public static IEnumerable<NerSentence> GermEval(string path) => Read(path, tagColumn: 2, textPrefix: null);

    /// <summary>Universal NER (IOB2 CoNLL): "# sent_id = …" and "# text = …" comments; token lines
    /// "index\ttoken\ttag\t-\tannotator".</summary>
    public static IEnumerable<NerSentence> Uner(string path) => Read(path, tagColumn: 2, textPrefix: "# text = ");

    private static IEnumerable<NerSentence> Read(string path, int tagColumn, string? textPrefix)
    {
        using var reader = new StreamReader(path);
        var tokens = new List<string>();
        var tags = new List<string>();
        var columns = new List<string[]>();
        var comments = new List<string>();
        string? text = null, id = null;
        int n = 0;
        string? line;
        while (true)
        {
            line = reader.ReadLine();
            if (line is null || line.Length == 0)
            {
                if (tokens.Count > 0)
                {
                    yield return new NerSentence { Id = id ?? $"{++n}", Tokens = tokens.ToArray(), Tags = tags.ToArray(), Text = text, Columns = columns.ToArray(), Comments = comments.ToArray() };
                }
                tokens.Clear(); tags.Clear(); columns.Clear(); comments.Clear(); text = null; id = null;
                if (line is null) yield break;
                continue;
            }
            if (line[0] == '#')
            {
                comments.Add(line);
                if (textPrefix is not null && line.StartsWith(textPrefix, StringComparison.Ordinal)) text = line[textPrefix.Length..];
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line["# sent_id = ".Length..];
                else if (textPrefix is null && line.StartsWith("#\t", StringComparison.Ordinal)) id = line[2..].Split('\t')[0];
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length <= tagColumn) throw new FormatException($"{path}: bad token line '{line}'");
            tokens.Add(cols[1]);
            tags.Add(cols[tagColumn]);
            columns.Add(cols);
        }
    }
}
