using Hearsay.Document;
using Hearsay.Learning;

namespace Hearsay.Eval.SpkAtt2023;

/// <summary>One gold speech event projected onto Hearsay's tokens: the cue's token indices and, per role
/// (<see cref="SpeechRole"/> order), the role's token indices (ascending; a Hearsay token belongs to a role
/// when it overlaps one of the role's corpus tokens).</summary>
public sealed record GoldSpeechEvent(int[] Cue, int[][] Roles);

/// <summary>An analyzed speech (tokens, sentences, quotations) with its gold speech events on Hearsay's tokens.</summary>
public sealed record SpeechEventArticle(string Name, Article Article, IReadOnlyList<GoldSpeechEvent> Events);

/// <summary>
/// SpkAtt-2023 speeches as training data for the speech-event stage: each speech rebuilt as running text
/// (<see cref="Detokenizer"/>, as the evaluation does), analyzed as German up to quotations, and every gold
/// annotation's cue and roles projected onto Hearsay's tokens. Which speeches make which split is
/// <see cref="SpkAttCueData.Files"/> (train without its held-out tenth; the eval's "dev" is that tenth).
/// </summary>
public static class SpkAttSpeechEventData
{
    public static IEnumerable<SpeechEventArticle> Load(IEnumerable<SpkAttSpeech> speeches)
    {
        foreach (var speech in speeches)
        {
            var labeled = SpkAttCueData.Labeled(new[] { speech }).Single();
            var text = Detokenizer.Build(speech.AllTokens.ToList());
            yield return new SpeechEventArticle(speech.Name, labeled.Article, Project(labeled.Article, text.Grid, speech));
        }
    }

    /// <summary>The speech's annotations on the article's tokens (those whose cue covers no Hearsay token are left out).</summary>
    public static List<GoldSpeechEvent> Project(Article article, TokenGrid grid, SpkAttSpeech speech)
    {
        // corpus token id → Hearsay tokens overlapping it
        var byCorpus = new List<int>[grid.Count];
        for (int i = 0; i < article.Tokens.Length; i++)
            foreach (var t in grid.Overlapping(article.Tokens[i].Span))
                (byCorpus[t] ??= new List<int>()).Add(i);
        int[] Map(int[]? ids)
        {
            if (ids is null) return Array.Empty<int>();
            var set = new SortedSet<int>();
            foreach (var id in ids)
                if (id < byCorpus.Length && byCorpus[id] is { } hs) set.UnionWith(hs);
            return set.ToArray();
        }
        var roles = Enum.GetValues<SpeechRole>();
        var result = new List<GoldSpeechEvent>();
        foreach (var a in speech.Annotations)
        {
            var cue = Map(a.GetValueOrDefault("Cue"));
            if (cue.Length == 0) continue;
            result.Add(new GoldSpeechEvent(cue, roles.Select(r => Map(a.GetValueOrDefault(r.ToString()))).ToArray()));
        }
        return result;
    }
}
