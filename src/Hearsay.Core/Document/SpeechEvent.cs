namespace Hearsay.Document;

/// <summary>The roles a speech event can realise (the SpkAtt-2023 scheme: Rehbein, Ruppenhofer et al. 2023).</summary>
public enum SpeechRole : byte
{
    /// <summary>Who speaks, thinks or writes ("ich", "die Bundesregierung").</summary>
    Source,
    /// <summary>What is said or thought (a "dass" clause, a quotation, an object clause).</summary>
    Message,
    /// <summary>Whom it is said to ("Ihnen").</summary>
    Addr,
    /// <summary>What it is about ("über die Rente").</summary>
    Topic,
    /// <summary>Through what it is said ("im Interview", "in ihrem Antrag").</summary>
    Medium,
    /// <summary>What it rests on ("laut Studie").</summary>
    Evidence,
    /// <summary>The particle of a separable cue verb ("lehnen … ab") or its reflexive.</summary>
    PTC,
}

/// <summary>One role of a speech event: its kind and one contiguous span (a role split in pieces has several).</summary>
public readonly record struct SpeechRoleSpan(SpeechRole Role, TextSpan Span);

/// <summary>
/// A speech, thought or writing event: any word or words that introduce one, verbal ("fordern", "glauben",
/// "sagte") or nominal ("Antrag", "Kritik", "Frage"), with the roles realised around it. Broader than an
/// <see cref="Attribution"/> (a news attribution needs a content and a source); found by the learned
/// speech-event stage. Immutable: the spans are offsets into <see cref="Article.Text"/> and never change.
/// </summary>
public sealed class SpeechEvent
{
    public SpeechEvent(int id, IReadOnlyList<TextSpan> cue, IReadOnlyList<SpeechRoleSpan> roles, float confidence)
    {
        if (cue.Count == 0) throw new ArgumentException("a speech event needs a cue", nameof(cue));
        Id = id;
        Cue = cue.ToArray();
        Roles = roles.ToArray();
        Confidence = confidence;
    }

    public int Id { get; }
    /// <summary>The cue's pieces, in text order (usually one).</summary>
    public IReadOnlyList<TextSpan> Cue { get; }
    /// <summary>The role spans, in text order within each role.</summary>
    public IReadOnlyList<SpeechRoleSpan> Roles { get; }
    /// <summary>The cue tagger's margin for the cue's first token over "O" (higher: surer).</summary>
    public float Confidence { get; }

    /// <summary>The span from the first cue piece to the last.</summary>
    public TextSpan CueExtent => Cue[0].Union(Cue[^1]);

    /// <summary>The spans of one role.</summary>
    public IEnumerable<TextSpan> SpansOf(SpeechRole role)
    {
        foreach (var r in Roles)
            if (r.Role == role) yield return r.Span;
    }
}
