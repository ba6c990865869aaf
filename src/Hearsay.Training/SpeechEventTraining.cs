using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.SpkAtt2023;
using Hearsay.Learning;
using Hearsay.SpeechEvents;

namespace Hearsay.Training;

/// <summary>Settings of a speech-event training run; the defaults are the ones the shipped models were trained with.</summary>
public sealed record SpeechEventTrainingOptions
{
    public int CueEpochs { get; init; } = 80;
    public int RoleEpochs { get; init; } = 40;
    public int CueBits { get; init; } = 18;
    public int RoleBits { get; init; } = 16;
    public ulong Seed { get; init; } = 20230901;
    /// <summary>Training runs over different orders whose weights are averaged (see <see cref="PerceptronTrainer.Runs"/>).</summary>
    public int Runs { get; init; } = 1;
    /// <summary>The cue tagger scores a word only when its stem was inside a gold cue at least this share of its occurrences.</summary>
    public double MinCueShare { get; init; } = 0.02;
    /// <summary>Rows whose largest absolute weight is at most this are dropped after training (a smaller model scores faster).</summary>
    public float Prune { get; init; } = 4f;
    /// <summary>The decoding biases written into the headers (<see cref="SpeechEventModels.CueOutsideBias"/>).</summary>
    public float CueOutsideBias { get; init; } = 80f;
    public float RoleOutsideBias { get; init; } = 5f;
    /// <summary>Two cue pieces join into one event when their pair was one gold cue at least this often in training and
    /// more often than two events of one sentence (<see cref="SpeechEventModels.JoinsCue"/>); 0: never join.</summary>
    public int CueJoinMin { get; init; } = 2;
}

/// <summary>
/// Trains the two taggers of the speech-event stage from gold speech events on Hearsay's tokens
/// (<see cref="SpeechEventArticle"/>) with the averaged structured perceptron (<see cref="PerceptronTrainer"/>).
/// The cue tagger learns one sequence per sentence: B-Cue on the first token of each contiguous piece of a
/// gold cue, I-Cue on the rest, "O" elsewhere (only words are scored). The role tagger learns one sequence per
/// gold event: the sentence of the cue's first token, each token labelled with the first role (in
/// <see cref="SpeechRole"/> order) it belongs to, BIO; the cue's tokens are "O" and not scored. Role tokens
/// outside the cue's sentence are not learnt (the stage never looks there). Deterministic: fixed seeds and
/// epoch counts, no parallel updates.
/// </summary>
public static class SpeechEventTraining
{
    public static List<TaggerSequence> CueSequences(IReadOnlyList<SpeechEventArticle> data, AttributionLexicon lexicon)
    {
        var result = new List<TaggerSequence>();
        foreach (var item in data)
        {
            var a = item.Article;
            var gold = new int[a.Tokens.Length];
            foreach (var e in item.Events)
                for (int k = 0; k < e.Cue.Length; k++)
                    if (gold[e.Cue[k]] == 0) gold[e.Cue[k]] = k > 0 && e.Cue[k - 1] == e.Cue[k] - 1 ? 2 : 1;
            var features = new SpeechEventFeatures(a, lexicon);
            const int kf = SpeechEventFeatures.CueCount;
            foreach (var s in a.Sentences)
            {
                int n = s.TokenCount;
                if (n == 0) continue;
                var f = new uint[n * kf];
                var scored = new bool[n];
                var labels = new int[n];
                for (int i = 0; i < n; i++)
                {
                    int t = s.FirstToken + i;
                    scored[i] = features.IsCandidate(t);
                    features.Cue(t, f.AsSpan(i * kf, kf));
                    labels[i] = scored[i] ? gold[t] : 0;
                    // an I-Cue whose B fell on an unscored token starts the piece
                    if (labels[i] == 2 && (i == 0 || labels[i - 1] == 0)) labels[i] = 1;
                }
                result.Add(new TaggerSequence { Features = f, Labels = labels, Scored = scored, Source = item.Name });
            }
        }
        return result;
    }

    public static List<TaggerSequence> RoleSequences(IReadOnlyList<SpeechEventArticle> data, AttributionLexicon lexicon)
    {
        var result = new List<TaggerSequence>();
        foreach (var item in data)
        {
            var a = item.Article;
            var features = new SpeechEventFeatures(a, lexicon);
            foreach (var e in item.Events) foreach (var t in e.Cue) features.MarkCue(t);
            foreach (var e in item.Events)
            {
                var (cueFirst, cueEnd) = FirstPiece(e.Cue);
                int si = a.SentenceIndexAt(a.Tokens[cueFirst].Start);
                if (si < 0) continue;
                var s = a.Sentences[si];
                int n = s.TokenCount, s0 = s.FirstToken;
                cueEnd = Math.Min(cueEnd, s0 + n);
                result.Add(RoleSequence(features, e, cueFirst, cueEnd, s0, n, item.Name, CueMask(e.Cue, s0, n)));
            }
        }
        return result;
    }

    /// <summary>The first contiguous run of a sorted token list, as [first, end).</summary>
    public static (int First, int End) FirstPiece(int[] tokens)
    {
        int end = 1;
        while (end < tokens.Length && tokens[end] == tokens[end - 1] + 1) end++;
        return (tokens[0], tokens[0] + end);
    }

    /// <summary>Which tokens of the sentence [s0, s0 + n) belong to the cue (all its pieces).</summary>
    private static bool[] CueMask(int[] cue, int s0, int n)
    {
        var mask = new bool[n];
        foreach (var t in cue) if (t >= s0 && t < s0 + n) mask[t - s0] = true;
        return mask;
    }

    private static TaggerSequence RoleSequence(SpeechEventFeatures features, GoldSpeechEvent e, int cueFirst, int cueEnd, int s0, int n, string source, bool[] cueMask)
    {
        const int kf = SpeechEventFeatures.RoleCount;
        var role = new int[n];   // 0: none, else role index + 1
        for (int r = e.Roles.Length - 1; r >= 0; r--)
            foreach (var t in e.Roles[r])
                if (t >= s0 && t < s0 + n) role[t - s0] = r + 1;
        var f = new uint[n * kf];
        var scored = new bool[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int t = s0 + i;
            scored[i] = !cueMask[i];
            features.Role(t, cueFirst, cueEnd, s0, s0 + n, f.AsSpan(i * kf, kf));
            if (!scored[i] || role[i] == 0) continue;
            bool continues = i > 0 && scored[i - 1] && role[i - 1] == role[i];
            labels[i] = 2 * (role[i] - 1) + (continues ? 2 : 1);
        }
        return new TaggerSequence { Features = f, Labels = labels, Scored = scored, Source = source };
    }

    public static SpeechEventModels Train(IReadOnlyList<SpeechEventArticle> data, AttributionLexicon lexicon, SpeechEventTrainingOptions options,
        string cueHeader, string roleHeader, Action<string>? log = null)
    {
        var cueTrainer = new PerceptronTrainer { Labels = SpeechEventModels.CueLabels, Bits = options.CueBits, Epochs = options.CueEpochs, Seed = options.Seed, Runs = options.Runs };
        var cue = cueTrainer.Train(CueSequences(data, lexicon), cueHeader, m => log?.Invoke("cue " + m));
        cue = cue.WithHeader(CueHeader(cueHeader, data, options));
        var roleTrainer = new PerceptronTrainer { Labels = SpeechEventModels.RoleLabels, Bits = options.RoleBits, Epochs = options.RoleEpochs, Seed = options.Seed + 1000, Runs = options.Runs };
        var roles = roleTrainer.Train(RoleSequences(data, lexicon), roleHeader, m => log?.Invoke("roles " + m));
        roles = Pruned(roles, options.Prune).WithHeader(WithBias(roleHeader, options.RoleOutsideBias));
        cue = Pruned(cue, options.Prune);
        return new SpeechEventModels(cue, roles);
    }

    /// <summary>The cue model's header: <paramref name="header"/>, the decoding bias, the cue stems and the joined cue pairs.</summary>
    public static string CueHeader(string header, IReadOnlyList<SpeechEventArticle> data, SpeechEventTrainingOptions options)
    {
        var h = WithBias(header, options.CueOutsideBias) + "\n" + SpeechEventModels.CueStemsLine(CueStemKeys(data, options.MinCueShare));
        return options.CueJoinMin > 0 ? h + "\n" + SpeechEventModels.CuePairsLine(CuePairs(data, options.CueJoinMin)) : h;
    }

    /// <summary>The contiguous pieces of a sorted token list, as [first, end).</summary>
    public static List<(int First, int End)> Pieces(int[] tokens)
    {
        var pieces = new List<(int, int)>();
        for (int i = 0; i < tokens.Length;)
        {
            int j = i + 1;
            while (j < tokens.Length && tokens[j] == tokens[j - 1] + 1) j++;
            pieces.Add((tokens[i], tokens[j - 1] + 1));
            i = j;
        }
        return pieces;
    }

    /// <summary>The pairs of cue pieces (light-stem keys of each piece's last word, <see cref="SpeechEventModels.PairKey"/>) that
    /// were pieces of one gold cue in one sentence at least <paramref name="minJoined"/> times and more often than pieces of two
    /// events of one sentence.</summary>
    public static IEnumerable<ulong> CuePairs(IReadOnlyList<SpeechEventArticle> data, int minJoined)
    {
        var joined = new Dictionary<ulong, int>();
        var apart = new Dictionary<ulong, int>();
        foreach (var item in data)
        {
            var a = item.Article;
            uint Key(int lastToken) => CueFeatures.StemKey(a.Slice(a.Tokens[lastToken]));
            var bySentence = new Dictionary<int, List<(int Event, uint Key)>>();
            for (int ev = 0; ev < item.Events.Count; ev++)
            {
                var pieces = Pieces(item.Events[ev].Cue);
                int si = a.SentenceIndexAt(a.Tokens[pieces[0].First].Start);
                var keys = new List<uint>();
                foreach (var (first, end) in pieces)
                    if (a.SentenceIndexAt(a.Tokens[first].Start) == si) keys.Add(Key(end - 1));
                for (int k = 1; k < keys.Count; k++)
                {
                    var pair = SpeechEventModels.PairKey(keys[0], keys[k]);
                    joined[pair] = joined.GetValueOrDefault(pair) + 1;
                }
                if (!bySentence.TryGetValue(si, out var list)) bySentence[si] = list = new();
                foreach (var key in keys) list.Add((ev, key));
            }
            foreach (var list in bySentence.Values)
                for (int x = 0; x < list.Count; x++)
                    for (int y = x + 1; y < list.Count; y++)
                        if (list[x].Event != list[y].Event)
                        {
                            var pair = SpeechEventModels.PairKey(list[x].Key, list[y].Key);
                            apart[pair] = apart.GetValueOrDefault(pair) + 1;
                        }
        }
        foreach (var (pair, n) in joined)
            if (n >= minJoined && n > apart.GetValueOrDefault(pair)) yield return pair;
    }

    /// <summary>The figures of the eval's scorer (<see cref="AlignedScorer"/>, aligned on the cue, macro over (pair, role)
    /// cells) for the whole stage on the articles, on Hearsay's tokens.</summary>
    public static (MacroPr Cue, MacroPr Roles) Score(SpeechEventModels models, IReadOnlyList<SpeechEventArticle> data, AttributionLexicon lexicon)
    {
        var names = Hearsay.Eval.SpkAtt2023.SpkAttSpeech.RoleNames;
        var roleOf = names.Select(Enum.Parse<SpeechRole>).ToArray();
        var scorer = new AlignedScorer(names, labelBonuses: false);
        foreach (var item in data)
        {
            var a = item.Article;
            var probe = ArticleWithTokens(a);
            SpeechEventStage.Find(probe, models, lexicon);
            int[] Tokens(IEnumerable<TextSpan> spans)
            {
                var list = new List<int>();
                foreach (var span in spans)
                    for (int t = a.TokenIndexAt(span.Start); t >= 0 && t < a.Tokens.Length && a.Tokens[t].Start < span.End; t++) list.Add(t);
                return list.ToArray();
            }
            var sys = probe.SpeechEvents.Select(ev => new AnnotationGroup(Tokens(ev.Cue),
                Enumerable.Range(0, names.Length).ToDictionary(r => names[r], r => Tokens(ev.SpansOf(roleOf[r]))))).ToList();
            var gold = item.Events.Select(e => new AnnotationGroup(e.Cue,
                Enumerable.Range(0, names.Length).ToDictionary(r => names[r], r => e.Roles[(int)roleOf[r]]))).ToList();
            scorer.AddDocument(sys, gold);
        }
        return (scorer.Trigger, scorer.Roles);
    }

    /// <summary>K-fold cross-validation inside the training speeches (speech i in fold i mod K): trains on the other folds and
    /// scores the stage on the fold (<see cref="Score"/>), for every pair of decoding biases; the figures are summed over folds.</summary>
    public static List<(float CueBias, float RoleBias, MacroPr Cue, MacroPr Roles)> CrossValidate(IReadOnlyList<SpeechEventArticle> data,
        AttributionLexicon lexicon, SpeechEventTrainingOptions options, int folds, IReadOnlyList<float> cueBiases, IReadOnlyList<float> roleBiases, Action<string>? log = null)
    {
        var result = new List<(float, float, MacroPr, MacroPr)>();
        foreach (var cb in cueBiases) foreach (var rb in roleBiases) result.Add((cb, rb, new MacroPr(), new MacroPr()));
        for (int f = 0; f < folds; f++)
        {
            var train = data.Where((_, i) => i % folds != f).ToList();
            var test = data.Where((_, i) => i % folds == f).ToList();
            var models = Train(train, lexicon, options, "", "");
            for (int k = 0; k < result.Count; k++)
            {
                var (cb, rb, cue, roles) = result[k];
                var m = new SpeechEventModels(models.Cue.WithHeader(Rebias(models.Cue.Header, cb)), models.Roles.WithHeader(Rebias(models.Roles.Header, rb)));
                var (c, r) = Score(m, test, lexicon);
                cue.Add(c);
                roles.Add(r);
                result[k] = (cb, rb, cue, roles);
            }
            log?.Invoke($"fold {f + 1}/{folds} done");
        }
        return result;
    }

    private static string Rebias(string header, float bias) =>
        string.Join('\n', header.Split('\n').Select(l => l.StartsWith(SpeechEventModels.OutsideBiasKey + ":", StringComparison.Ordinal)
            ? SpeechEventModels.OutsideBiasKey + ": " + bias.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : l));

    /// <summary>The light-stem keys of the words the stage's cue tagger scores: those inside a gold cue at least
    /// <paramref name="minShare"/> of the times they occur in the training speeches (a stem like "hab" of "habe … Eindruck"
    /// is rarely a cue and would make the tagger score most sentences' auxiliaries).</summary>
    public static IEnumerable<uint> CueStemKeys(IReadOnlyList<SpeechEventArticle> data, double minShare)
    {
        var counts = new Dictionary<uint, (int Cue, int All)>();
        foreach (var item in data)
        {
            var inCue = new bool[item.Article.Tokens.Length];
            foreach (var e in item.Events) foreach (var t in e.Cue) inCue[t] = true;
            for (int t = 0; t < inCue.Length; t++)
            {
                if (item.Article.Tokens[t].Kind != TokenKind.Word) continue;
                var key = CueFeatures.StemKey(item.Article.Slice(item.Article.Tokens[t]));
                var c = counts.GetValueOrDefault(key);
                counts[key] = (c.Cue + (inCue[t] ? 1 : 0), c.All + 1);
            }
        }
        foreach (var (key, c) in counts)
            if (c.Cue > 0 && c.Cue >= minShare * c.All) yield return key;
    }

    /// <summary>The model without the rows whose largest absolute weight is at most <paramref name="threshold"/>.</summary>
    public static SequenceModel Pruned(SequenceModel model, float threshold)
    {
        if (threshold <= 0) return model;
        int l = model.LabelCount;
        var w = new float[(1 << model.Bits) * l];
        for (int r = 0; r < 1 << model.Bits; r++)
        {
            var row = model.Row(r);
            if (row.IsEmpty) continue;
            float max = 0;
            foreach (var x in row) max = Math.Max(max, Math.Abs(x));
            if (max > threshold) row.CopyTo(w.AsSpan(r * l, l));
        }
        return new SequenceModel(model.Header, model.Labels, model.Bits, w, model.Transitions.ToArray());
    }

    /// <summary>A header with its "outside-bias" line (the last line).</summary>
    public static string WithBias(string header, float bias) =>
        (header.Length == 0 ? "" : header + "\n") + SpeechEventModels.OutsideBiasKey + ": " + bias.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Token-level counts on the articles: cue tokens of the whole stage against the gold cues, and role
    /// tokens (all roles together, a token counting when its role is right) with the gold cues given.</summary>
    public static (Prf Cue, Prf Roles) Measure(SpeechEventModels models, IReadOnlyList<SpeechEventArticle> data, AttributionLexicon lexicon)
    {
        long ctp = 0, cfp = 0, cfn = 0, rtp = 0, rfp = 0, rfn = 0;
        foreach (var item in data)
        {
            var a = item.Article;
            var sys = new bool[a.Tokens.Length];
            var gold = new bool[a.Tokens.Length];
            var probe = ArticleWithTokens(a);
            SpeechEventStage.Find(probe, models, lexicon);
            foreach (var ev in probe.SpeechEvents)
                foreach (var span in ev.Cue)
                    for (int t = a.TokenIndexAt(span.Start); t < a.Tokens.Length && a.Tokens[t].Start < span.End; t++) sys[t] = true;
            foreach (var e in item.Events) foreach (var t in e.Cue) gold[t] = true;
            for (int t = 0; t < sys.Length; t++)
            {
                if (sys[t] && gold[t]) ctp++;
                else if (sys[t]) cfp++;
                else if (gold[t]) cfn++;
            }

            var features = new SpeechEventFeatures(a, lexicon);
            foreach (var e in item.Events) foreach (var t in e.Cue) features.MarkCue(t);
            int longest = a.Sentences.Length == 0 ? 0 : a.Sentences.Max(s => s.TokenCount);
            var em = new float[longest * models.Roles.LabelCount];
            var labels = new int[longest];
            var scored = new bool[longest];
            var buf = new uint[SpeechEventFeatures.RoleCount];
            foreach (var e in item.Events)
            {
                var (cueFirst, cueEnd) = FirstPiece(e.Cue);
                int si = a.SentenceIndexAt(a.Tokens[cueFirst].Start);
                if (si < 0) continue;
                var s = a.Sentences[si];
                cueEnd = Math.Min(cueEnd, s.EndToken);
                SpeechEventStage.TagRoles(features, models.Roles, cueFirst, cueEnd, s.FirstToken, s.TokenCount, em, labels, scored, buf, models.RoleOutsideBias, CueMask(e.Cue, s.FirstToken, s.TokenCount));
                var goldRole = new Dictionary<int, int>();
                for (int r = e.Roles.Length - 1; r >= 0; r--) foreach (var t in e.Roles[r]) goldRole[t] = r + 1;
                for (int j = 0; j < s.TokenCount; j++)
                {
                    int t = s.FirstToken + j, p = labels[j] == 0 ? 0 : (labels[j] - 1) / 2 + 1;
                    int g = goldRole.GetValueOrDefault(t);
                    if (p != 0 && p == g) rtp++;
                    else
                    {
                        if (p != 0) rfp++;
                        if (g != 0) rfn++;
                    }
                }
                foreach (var t in goldRole.Keys) if (t < s.FirstToken || t >= s.EndToken) rfn++;
            }
        }
        return (new Prf(ctp, cfp, cfn), new Prf(rtp, rfp, rfn));
    }

    /// <summary>A fresh article with the same text, tokens, sentences and quotations (no speech events yet).</summary>
    private static Article ArticleWithTokens(Article a)
    {
        var copy = new Article(a.Text, a.Metadata) { Tokens = a.Tokens, Sentences = a.Sentences };
        copy.Quotations.AddRange(a.Quotations);
        return copy;
    }
}
