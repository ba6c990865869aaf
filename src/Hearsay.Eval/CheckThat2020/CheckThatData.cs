using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hearsay.Provenance.Matching;

namespace Hearsay.Eval.CheckThat2020;

/// <summary>A tweet to match: its task id, text and, from its closing signature, the year it was posted.</summary>
public sealed record CheckThatQuery(string Id, string Text, int? Year);

/// <summary>
/// Reads CLEF-2020 CheckThat! task 2 (verified claim retrieval): the verified claims
/// (<c>verified_claims.docs.tsv</c>: id, claim, title), each split's tweets (<c>tweets.queries.tsv</c>) and gold pairs
/// (<c>tweet-vclaim-pairs.qrels</c>, TREC qrels). The TSV files quote fields like CSV (a quoted field may hold tabs,
/// doubled quotes and line breaks). Tweets are tidied for matching: links and picture addresses out, hashtags and
/// handles split at their capitals ("#IranProtests" → "Iran Protests") and, given a splitter, into the words they run
/// together ("#fyrefestival" → "fyre festival"), and the closing "— Name (@handle) Month D, YYYY" signature kept as
/// the name and handle (who tweeted says much about what) with its year read off.
/// </summary>
public static class CheckThatData
{
    public const string Folder = "checkthat2020-task2";

    public static List<KnownClaim> ReadClaims(string path) =>
        ReadQuotedTsv(path).Skip(1).Where(r => r.Length >= 2 && r[0].Length > 0)
            .Select(r => new KnownClaim(r[0], r[1], r.Length > 2 ? r[2] : "")).ToList();

    /// <param name="split">Splits a word written without spaces into words (<see cref="ClaimRanker.SplitRunTogether"/>).</param>
    public static List<CheckThatQuery> ReadQueries(string path, Func<string, string>? split = null) =>
        ReadQuotedTsv(path).Skip(1).Where(r => r.Length >= 2 && r[0].Length > 0)
            .Select(r => new CheckThatQuery(r[0], Tidy(r[1], split), YearOf(r[1]))).ToList();

    /// <summary>Query id → relevant claim ids.</summary>
    public static Dictionary<string, HashSet<string>> ReadQrels(string path)
    {
        var gold = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var c = line.Split('\t', StringSplitOptions.TrimEntries);
            if (c.Length < 4 || c[3] == "0") continue;
            if (!gold.TryGetValue(c[0], out var set)) gold[c[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(c[2]);
        }
        return gold;
    }

    private static readonly Regex Links = new(@"pic\.twitter\.com/\S+|https?://\S+", RegexOptions.Compiled);
    private static readonly Regex Signature = new(@"—\s*([^—]*)\(@(\w+)\)\s*\w+ \d+, (\d{4})\s*$", RegexOptions.Compiled);
    private static readonly Regex Tags = new(@"[#@](\w+)", RegexOptions.Compiled);
    private static readonly Regex CamelBreak = new("(?<=[a-z])(?=[A-Z])|_", RegexOptions.Compiled);

    public static string Tidy(string tweet, Func<string, string>? split = null)
    {
        var t = Links.Replace(tweet, " ");
        t = Signature.Replace(t, m => " " + m.Groups[1].Value + " " + Words(m.Groups[2].Value, split) + " ");
        return Tags.Replace(t, m => " " + Words(m.Groups[1].Value, split) + " ");
    }

    /// <summary>A hashtag or handle as words: split at its capitals and underscores, then each part by the splitter.</summary>
    private static string Words(string tag, Func<string, string>? split)
    {
        var words = CamelBreak.Replace(tag, " ");
        return split is null ? words : string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(split));
    }

    public static int? YearOf(string tweet)
    {
        var m = Signature.Match(tweet);
        return m.Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Rows of a tab-separated file whose fields may be quoted as in CSV.</summary>
    public static List<string[]> ReadQuotedTsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, fieldStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && fieldStart) { quoted = true; fieldStart = false; continue; }
            if (c == '\t') { row.Add(field.ToString()); field.Clear(); fieldStart = true; continue; }
            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row = new List<string>();
                fieldStart = true;
                continue;
            }
            field.Append(c);
            fieldStart = false;
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }
}
