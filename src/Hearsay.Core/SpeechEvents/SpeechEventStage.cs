using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.SpeechEvents;

/// <summary>
/// Adds speech events (<see cref="Article.SpeechEvents"/>): every speech, thought or writing event, verbal or
/// nominal, with its roles. Two learned taggers (<see cref="SpeechEventModels"/>, features in
/// <see cref="SpeechEventFeatures"/>): the cue tagger labels each sentence's words B-Cue/I-Cue/O (Viterbi), each
/// run of cue tokens is one event, unless it joins an earlier run of the sentence as a piece of one discontinuous cue
/// (<see cref="SpeechEventModels.JoinsCue"/>: "stellt … die Frage"); the role tagger then labels the other tokens of
/// that cue's sentence with the roles (BIO per role; a role may come in several pieces). A language without models gets no events.
/// </summary>
public sealed class SpeechEventStage : IStage
{
    public string Name => "speech-events";
    public Layers Needs => Layers.Sentences | Layers.Quotations;
    public Layers Adds => Layers.SpeechEvents;

    public void Process(Article article, LanguagePack language)
    {
        var models = SpeechEventModels.For(language);
        if (models is null || article.Sentences.Length == 0) return;
        Find(article, models, AttributionLexicon.For(language));
    }

    /// <summary>Runs both taggers over the article and adds what they find.</summary>
    public static void Find(Article article, SpeechEventModels models, AttributionLexicon lexicon)
    {
        var features = new SpeechEventFeatures(article, lexicon);
        int longest = 0;
        foreach (var s in article.Sentences) longest = Math.Max(longest, s.TokenCount);
        int lc = models.Cue.LabelCount, lr = models.Roles.LabelCount;
        var emissions = new float[longest * lc];
        var roleEmissions = new float[longest * lr];
        var labels = new int[longest];
        var roleLabels = new int[longest];
        var scored = new bool[longest];
        var roleScored = new bool[longest];
        Span<uint> buf = stackalloc uint[Math.Max(SpeechEventFeatures.CueCount, SpeechEventFeatures.RoleCount)];
        var cueBuf = buf[..SpeechEventFeatures.CueCount];
        var roleBuf = buf[..SpeechEventFeatures.RoleCount];
        var roles = new List<SpeechRoleSpan>();
        var runs = new List<(int First, int End, float Confidence, uint Key, int Head)>();
        var cueSpans = new List<TextSpan>();
        var cueMask = new bool[longest];

        foreach (var sentence in article.Sentences)
        {
            int s0 = sentence.FirstToken, n = sentence.TokenCount;
            if (n == 0) continue;
            var em = emissions.AsSpan(0, n * lc);
            em.Clear();
            bool any = false;
            for (int k = 0; k < n; k++)
            {
                scored[k] = features.IsCandidate(s0 + k) && models.MayBeCue(features.StemKey(s0 + k));
                if (!scored[k]) continue;
                any = true;
                features.Cue(s0 + k, cueBuf);
                models.Cue.Score(cueBuf, em.Slice(k * lc, lc));
                em[k * lc] -= models.CueOutsideBias;
            }
            if (!any) continue;
            models.Cue.Decode(em, n, labels.AsSpan(0, n), scored.AsSpan(0, n));

            for (int k = 0; k < n; k++) if (labels[k] != 0) features.MarkCue(s0 + k);
            // the runs of cue tokens; a run joins an earlier run of the sentence when the pair makes one cue in training
            runs.Clear();
            for (int k = 0; k < n; k++)
            {
                if (labels[k] == 0) continue;
                int first = k;
                float confidence = em[k * lc + labels[k]] - em[k * lc];
                while (k + 1 < n && labels[k + 1] == 2) k++;
                int head = runs.Count;
                uint key = features.StemKey(s0 + k);
                for (int p = runs.Count - 1; p >= 0; p--)
                    if (runs[p].Head == p && models.JoinsCue(runs[p].Key, key)) { head = p; break; }
                runs.Add((first, k + 1, confidence, key, head));
            }

            for (int h = 0; h < runs.Count; h++)
            {
                if (runs[h].Head != h) continue;
                int cueFirst = s0 + runs[h].First, cueEnd = s0 + runs[h].End;
                var mask = cueMask.AsSpan(0, n);
                mask.Clear();
                cueSpans.Clear();
                for (int r = h; r < runs.Count; r++)
                {
                    if (runs[r].Head != h) continue;
                    mask[runs[r].First..runs[r].End].Fill(true);
                    cueSpans.Add(article.SpanOfTokens(s0 + runs[r].First, s0 + runs[r].End - 1));
                }

                TagRoles(features, models.Roles, cueFirst, cueEnd, s0, n, roleEmissions, roleLabels, roleScored, roleBuf, models.RoleOutsideBias, mask);
                roles.Clear();
                for (int j = 0; j < n; j++)
                {
                    int lab = roleLabels[j];
                    if (lab == 0) continue;
                    int start = j;
                    while (j + 1 < n && roleLabels[j + 1] == (lab % 2 == 1 ? lab + 1 : lab)) j++;
                    roles.Add(new SpeechRoleSpan((SpeechRole)((lab - 1) / 2), article.SpanOfTokens(s0 + start, s0 + j)));
                }
                article.SpeechEvents.Add(new SpeechEvent(article.SpeechEvents.Count, cueSpans, roles, runs[h].Confidence));
            }
        }
    }

    /// <summary>The role labels (indices into <see cref="SpeechEventModels.RoleLabels"/>) of the tokens of the sentence
    /// [<paramref name="s0"/>, s0 + <paramref name="n"/>) for the cue on [<paramref name="cueFirst"/>, <paramref name="cueEnd"/>);
    /// the cue's own tokens are "O" (all pieces of a discontinuous cue: <paramref name="cueMask"/>, sentence-relative, when
    /// given). The buffers hold at least n × labels, n and n entries.</summary>
    public static void TagRoles(SpeechEventFeatures features, Learning.SequenceModel model, int cueFirst, int cueEnd, int s0, int n,
        Span<float> emissions, Span<int> labels, Span<bool> scored, Span<uint> buffer, float outsideBias = 0, ReadOnlySpan<bool> cueMask = default)
    {
        int lr = model.LabelCount;
        var rem = emissions[..(n * lr)];
        rem.Clear();
        for (int j = 0; j < n; j++)
        {
            int t = s0 + j;
            scored[j] = cueMask.IsEmpty ? t < cueFirst || t >= cueEnd : !cueMask[j];
            if (!scored[j]) continue;
            features.Role(t, cueFirst, cueEnd, s0, s0 + n, buffer);
            model.Score(buffer, rem.Slice(j * lr, lr));
            rem[j * lr] -= outsideBias;
        }
        model.Decode(rem, n, labels[..n], scored[..n]);
    }
}
