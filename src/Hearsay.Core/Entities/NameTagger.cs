using System.Buffers;
using Hearsay.Document;
using Hearsay.Learning;

namespace Hearsay.Entities;

/// <summary>A name span the tagger proposes: tokens [First, End), the label's type ("PER", "LOC", "ORG", "OTH"), and
/// how sure the tagger is: the least, over the span's tokens, of how much better the best sequence scores than
/// the best one with "O" at that token.</summary>
internal readonly record struct TaggedName(int First, int End, string Type, float Margin);

/// <summary>
/// Tags each sentence with a learned BIO model (<see cref="SequenceModel"/>) over
/// <see cref="NameFeatures"/> and returns the name spans it finds. The models are trained by
/// <c>hearsay train ner</c> and shipped as embedded resources (see <see cref="NameModels"/>).
/// </summary>
internal sealed class NameTagger
{
    private readonly EntityContext _c;
    private readonly SequenceModel _model;
    private readonly NameFeatures _features;
    /// <summary>Per label: its type ("PER") and whether it begins a span.</summary>
    private readonly (string? Type, bool Begin)[] _labels;

    /// <summary>Subtracted from the score of "O" at every scored token: above zero the tagger proposes more names.
    /// The one-word forms ("LOCderiv", "ORGpart") lose it too, so the bias moves names only: the forms' precision is
    /// what a bias costs most (German cross-validation).</summary>
    private readonly float _outsideBias;
    /// <summary>Per label: whether it is a one-word form, which the bias leaves where it was against "O".</summary>
    private readonly bool[] _form;

    /// <summary>Whether anyone reads the spans' margins: with no least margin asked (German) the max-marginals are not computed.</summary>
    private readonly bool _margins;

    /// <param name="margins">Compute each span's <see cref="TaggedName.Margin"/>; without, it is float.MaxValue.</param>
    public NameTagger(EntityContext context, SequenceModel model, NameFeatures features, float outsideBias = 0, bool margins = true)
    {
        _outsideBias = outsideBias;
        _margins = margins;
        _c = context;
        _model = model;
        _features = features;
        _labels = model.Labels.Select(l => l.Length > 2 && l[1] == '-' ? (l[2..], l[0] == 'B') : ((string?)null, false)).ToArray();
        _form = model.Labels.Select(l => l.EndsWith("deriv", StringComparison.Ordinal) || l.EndsWith("part", StringComparison.Ordinal)).ToArray();
    }

    public void Tag(List<TaggedName> output)
    {
        int l = _model.LabelCount;
        foreach (var sent in _c.Article.Sentences)
        {
            int n = sent.TokenCount;
            if (n == 0) continue;
            var features = ArrayPool<uint>.Shared.Rent(n * NameFeatures.PerToken);
            var scores = ArrayPool<float>.Shared.Rent(n * l);
            var labels = ArrayPool<int>.Shared.Rent(n);
            var scored = ArrayPool<bool>.Shared.Rent(n);
            try
            {
                bool any = false;
                for (int i = 0; i < n; i++) any |= scored[i] = _features.Scored(sent.FirstToken + i, sent);
                if (!any) continue;
                _features.Extract(sent, features, scoredOnly: true);
                for (int i = 0; i < n; i++)
                {
                    if (!scored[i]) continue;
                    var row = scores.AsSpan(i * l, l);
                    row.Clear();
                    _model.Score(features.AsSpan(i * NameFeatures.PerToken, NameFeatures.PerToken), row);
                    if (_outsideBias == 0) continue;
                    row[0] -= _outsideBias;
                    for (int k = 1; k < l; k++) if (_form[k]) row[k] -= _outsideBias;
                }
                // Tokens the tagger does not score are "O": each run of scored tokens is decoded on its own.
                _model.Decode(scores.AsSpan(0, n * l), n, labels, scored.AsSpan(0, n));
                if (!AnyName(labels.AsSpan(0, n))) continue;
                if (!_margins)
                {
                    Spans(sent.FirstToken, labels.AsSpan(0, n), default, output);
                    continue;
                }
                var marginals = ArrayPool<float>.Shared.Rent(n * l);
                _model.MaxMarginals(scores.AsSpan(0, n * l), n, marginals, scored.AsSpan(0, n), labels.AsSpan(0, n));
                Spans(sent.FirstToken, labels.AsSpan(0, n), marginals.AsSpan(0, n * l), output);
                ArrayPool<float>.Shared.Return(marginals);
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(features);
                ArrayPool<float>.Shared.Return(scores);
                ArrayPool<int>.Shared.Return(labels);
                ArrayPool<bool>.Shared.Return(scored);
            }
        }
    }

    private static bool AnyName(ReadOnlySpan<int> labels)
    {
        foreach (int x in labels) if (x != 0) return true;
        return false;
    }

    /// <param name="marginals">Max-marginals of the sentence (see <see cref="SequenceModel.MaxMarginals"/>), or empty (margins float.MaxValue).</param>
    private void Spans(int offset, ReadOnlySpan<int> labels, ReadOnlySpan<float> marginals, List<TaggedName> output)
    {
        int start = -1, l = _model.LabelCount;
        string? type = null;
        float margin = 0;
        for (int i = 0; i <= labels.Length; i++)
        {
            var (t, begin) = i < labels.Length ? _labels[labels[i]] : (null, false);
            bool continues = t is not null && !begin && t == type;
            if (type is not null && !continues)
            {
                output.Add(new TaggedName(offset + start, offset + i, type, margin));
                type = null;
            }
            if (t is not null && !continues) { start = i; type = t; margin = float.MaxValue; }
            if (t is not null && !marginals.IsEmpty) margin = Math.Min(margin, marginals[i * l + labels[i]] - marginals[i * l]);
        }
    }
}
