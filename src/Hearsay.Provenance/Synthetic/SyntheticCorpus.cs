using System.Globalization;
using System.Text;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Synthetic;

/// <summary>
/// A deterministic synthetic corpus for measuring how linking scales: real analyzed articles (the base, e.g. the
/// 1,028 of 10kGNAD) replicated to any size without analyzing again. Article <c>i</c> is base article
/// <c>i mod B</c> in variant <c>i / B</c>; variant 0 is the base itself. In later variants each claim is, with
/// a seeded random choice,
/// <list type="bullet">
/// <item>a <b>relay</b> (30 %): the same claim, lightly reworded (a word dropped, two swapped, the number written
///   another way), so clusters grow as the corpus grows, as repeated claims do;</item>
/// <item>a <b>new claim</b> (70 %): half its words replaced by words of a random other claim and its numbers
///   changed, so the vocabulary and the number of distinct claims grow too.</item>
/// </list>
/// Outlets and dates vary by variant. The same seed and size always give the same corpus.
/// </summary>
public sealed class SyntheticCorpus(IReadOnlyList<ClaimArticle> bases, int seed = 20240501)
{
    public const double RelayShare = 0.3;

    private readonly string[][] _donorWords = bases.SelectMany(b => b.Claims).Select(c => Words(c.Text)).Where(w => w.Length > 0).ToArray();

    public int BaseCount => bases.Count;

    /// <summary>The first <paramref name="count"/> articles of the corpus, in order.</summary>
    public IEnumerable<ClaimArticle> Articles(int count)
    {
        for (int i = 0; i < count; i++) yield return Article(i);
    }

    public ClaimArticle Article(int i)
    {
        var b = bases[i % bases.Count];
        int variant = i / bases.Count;
        var rng = new Random(HashCode.Combine(seed, i));
        var id = "s" + i.ToString(CultureInfo.InvariantCulture);
        var info = b.Info with
        {
            Id = id,
            Sequence = i,
            Path = null,
            Url = null,
            Outlet = "Outlet " + ((i * 7 + variant) % 60).ToString(CultureInfo.InvariantCulture),
            Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i % 24 + variant * 24),
            PublishedFrom = DateSource.Metadata,
        };
        var article = new ClaimArticle { Info = info };
        article.Entities.AddRange(b.Entities);
        foreach (var c in b.Claims)
        {
            if (variant == 0)
            {
                article.Claims.Add(Copy(c, id, c.Text, c.EntityKeys, keepLayers: true));
                continue;
            }
            string text;
            List<string> entities;
            if (rng.NextDouble() < RelayShare)
            {
                text = Reword(c.Text, rng);
                entities = c.EntityKeys;
            }
            else
            {
                var donor = _donorWords.Length > 0 ? _donorWords[rng.Next(_donorWords.Length)] : [];
                text = Mix(c.Text, donor, rng, variant);
                entities = c.EntityKeys.Where(_ => rng.NextDouble() < 0.5).ToList();
            }
            article.Claims.Add(Copy(c, id, text, entities, keepLayers: false));
        }
        return article;
    }

    /// <summary>A copy of the mention in another article; a reworded one loses its offsets and quantities (the
    /// matcher then reads its numbers from the digits).</summary>
    private static ClaimMention Copy(ClaimMention c, string articleId, string text, List<string> entities, bool keepLayers) => new()
    {
        ArticleId = articleId,
        LocalId = c.LocalId,
        Text = text,
        Start = keepLayers ? c.Start : 0,
        End = keepLayers ? c.End : text.Length,
        Form = c.Form,
        Origin = c.Origin,
        StateMediaOrigin = c.StateMediaOrigin,
        HedgedByAuthor = c.HedgedByAuthor,
        Headline = c.Headline,
        Chain = c.Chain,
        Quantities = keepLayers ? c.Quantities : new List<QuantityFact>(),
        EntityKeys = entities,
        Covered = keepLayers ? c.Covered : new List<(int, int)>(),
        Supports = c.Supports,
        HedgeKinds = c.HedgeKinds,
    };

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A light rewording: one word dropped, two neighbours swapped, numbers regrouped ("100.000" → "100 000").</summary>
    private static string Reword(string text, Random rng)
    {
        var w = Words(text).ToList();
        if (w.Count > 4) w.RemoveAt(rng.Next(w.Count));
        if (w.Count > 3)
        {
            int k = rng.Next(w.Count - 1);
            (w[k], w[k + 1]) = (w[k + 1], w[k]);
        }
        for (int k = 0; k < w.Count; k++)
            if (w[k].Length > 4 && w[k].All(ch => char.IsDigit(ch) || ch == '.')) w[k] = w[k].Replace('.', ' ');
        return string.Join(' ', w);
    }

    /// <summary>A new claim: about half the words replaced by a donor claim's, numbers changed.</summary>
    private static string Mix(string text, string[] donor, Random rng, int variant)
    {
        var w = Words(text);
        var sb = new StringBuilder(text.Length + 16);
        for (int k = 0; k < w.Length; k++)
        {
            var word = w[k];
            if (word.Any(char.IsDigit)) word = (rng.Next(2, 999) * (variant % 7 + 1)).ToString(CultureInfo.InvariantCulture);
            else if (donor.Length > 0 && rng.NextDouble() < 0.5) word = donor[rng.Next(donor.Length)];
            if (k > 0) sb.Append(' ');
            sb.Append(word);
        }
        return sb.ToString();
    }
}
