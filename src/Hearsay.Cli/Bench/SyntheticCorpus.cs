using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hearsay.Cli.Bench;

/// <summary>
/// A large corpus made from a small one, the same every time: for scale measurements without shipping data.
/// Article i takes a base article of the source corpus (drawn with a seeded generator), drops up to two of its
/// sentences, and splices in two to six sentences from one to three other articles at random places. Its first
/// sentence becomes the title. Each article gets a URL (<c>https://synthetic.hearsay.test/{seed}/{i}</c>), one of
/// eight outlet names and a publication date, and is written as one JSON Lines record. The language is left for
/// Hearsay to detect, as with real input. The same source, count and seed give the same bytes.
/// </summary>
public static class SyntheticCorpus
{
    public const int DefaultSeed = 20261126;

    private static readonly string[] Outlets =
        ["Synthetic Courier", "Synthetic Tribune", "Synthetic Herald", "Synthetic Post", "Synthetic Chronicle", "Synthetic Gazette", "Synthetic Observer", "Synthetic Ledger"];

    /// <summary>Writes <paramref name="count"/> articles to <paramref name="path"/>; returns the bytes written.</summary>
    public static long Write(IReadOnlyList<string> source, int count, string path, int seed = DefaultSeed)
    {
        var sentences = source.Select(Split).Where(s => s.Count >= 2).ToArray();
        if (sentences.Length < 2) throw new ArgumentException("the source corpus needs at least two articles of two sentences", nameof(source));
        var rng = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 6, 0, 0, TimeSpan.Zero);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var body = new List<string>(64);
        for (int i = 0; i < count; i++)
        {
            var b = sentences[rng.Next(sentences.Length)];
            body.Clear();
            body.AddRange(b);
            int drop = rng.Next(0, Math.Min(3, b.Count - 1));
            for (int d = 0; d < drop; d++) body.RemoveAt(1 + rng.Next(body.Count - 1));
            int donors = rng.Next(1, 4);
            for (int d = 0; d < donors; d++)
            {
                var donor = sentences[rng.Next(sentences.Length)];
                int take = rng.Next(1, 3);
                int from = rng.Next(donor.Count);
                for (int t = 0; t < take && from + t < donor.Count; t++)
                    body.Insert(1 + rng.Next(body.Count), donor[from + t]);
            }
            string title = body[0];
            var text = new StringBuilder();
            for (int s = 1; s < body.Count; s++)
            {
                if (s > 1) text.Append(rng.Next(5) == 0 ? "\n\n" : " ");
                text.Append(body[s]);
            }
            json.WriteStartObject();
            json.WriteString("title", title);
            json.WriteString("text", text.ToString());
            json.WriteString("url", $"https://synthetic.hearsay.test/{seed.ToString(CultureInfo.InvariantCulture)}/{i.ToString(CultureInfo.InvariantCulture)}");
            json.WriteString("outlet", Outlets[rng.Next(Outlets.Length)]);
            json.WriteString("published", start.AddMinutes(i * 7L).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            file.WriteByte((byte)'\n');
        }
        json.Flush();
        return file.Length;
    }

    /// <summary>Sentences by a simple rule (end mark, space, capital letter or quote): enough to recombine text.</summary>
    internal static List<string> Split(string text)
    {
        var list = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length - 2; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ') continue;
            char next = text[i + 2];
            if (!char.IsUpper(next) && next is not ('"' or '„' or '«' or '»')) continue;
            // Not after a single capital ("U. S.") or a number ("3. Mai").
            if (i > 0 && (char.IsDigit(text[i - 1]) || (i > 1 && char.IsUpper(text[i - 1]) && text[i - 2] == ' '))) continue;
            list.Add(text[start..(i + 1)].Trim());
            start = i + 2;
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } last) list.Add(last);
        return list;
    }
}
