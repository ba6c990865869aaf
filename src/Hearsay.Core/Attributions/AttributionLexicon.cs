using Hearsay.Languages;

namespace Hearsay.Attributions;

public enum CueClass : byte { Speech, Claim, Report, Characterize, Thought, Emphasis, Warning, Demand, Question, Writing, Agreement, Denial }

public enum FunctionClass : byte { None, Determiner, Preposition, Pronoun, Relative, Conjunction, Subordinator, Adverb, Auxiliary, Negation }

public enum NounSourceKind : byte { Vague, Anonymous, Document, Organization }

/// <summary>What a finite verb form says about reported speech by its mood (lexicon "mood-forms").</summary>
public enum MoodForm : byte { SubjunctiveI, SubjunctiveII, Reportive, Intention }

public enum AccordingPosition : byte { After, Before, Postposed, Wie, Self, AfterNoun, PostposedNoun, SentenceAdverb }

/// <summary>One inflected form of a reporting verb. A form of a separable verb used alone ("fügte")
/// needs its particle ("hinzu") later in the clause.</summary>
public sealed record VerbForm(string Lemma, CueClass Class, string? Particle, bool Participle);

public sealed record MediumNoun(string Kind, bool State);

public sealed record AccordingPhrase(string[] Words, AccordingPosition Position, bool Relay);

/// <summary>Everything the attribution, hedge and coreference stages read from a language pack,
/// compiled once per pack.</summary>
public sealed class AttributionLexicon
{
    public required WordMap<VerbForm[]> Verbs { get; init; }
    public required WordMap<FunctionClass> Function { get; init; }
    public required SuffixMap<(Document.Gender Gender, bool Group)> Roles { get; init; }
    public required SuffixMap<NounSourceKind> SourceNouns { get; init; }
    public required SuffixMap<MediumNoun> MediaNouns { get; init; }
    public required WordSet StateMarkers { get; init; }
    public required WordMap<Document.Gender> Pronouns { get; init; }
    public required WordMap<AccordingPhrase[]> According { get; init; }
    public required WordSet Months { get; init; }
    /// <summary>Verb forms that mark reported speech by mood (German: Konjunktiv I and II, reportive "sollen").</summary>
    public WordMap<MoodForm> MoodForms { get; init; } = new(Array.Empty<KeyValuePair<string, MoodForm>>());
    /// <summary>Nouns that name a statement and can carry its content in a clause ("die Forderung, … zu …").</summary>
    public SuffixMap<CueClass> SpeechNouns { get; init; } = new(Array.Empty<KeyValuePair<string, CueClass>>());
    /// <summary>English speech nouns whose content can be a to-infinitive ("his promise to cut taxes"; third column "to").</summary>
    public WordSet InfinitiveNouns { get; init; } = new(Array.Empty<string>());
    /// <summary>English reporting verbs whose content can be a to-infinitive ("vowed to form …"; fourth column "to").</summary>
    public WordSet InfinitiveVerbs { get; init; } = new(Array.Empty<string>());
    /// <summary>English reporting verbs that address someone with a to-infinitive ("urged Republicans to join …";
    /// fourth column "obj-to").</summary>
    public WordSet ObjectInfinitiveVerbs { get; init; } = new(Array.Empty<string>());
    public required string Language { get; init; }
    /// <summary>The learned cue detector for this language, or null (none ships, or turned off): see <see cref="TokenView.Verb"/>.</summary>
    public Learning.CueModel? CueModel { get; init; }

    public static AttributionLexicon For(LanguagePack pack) => pack.Compiled("attribution-lexicon", Build);

    /// <summary>The same lexicon with another cue model (or none): for tests and experiments.</summary>
    internal AttributionLexicon WithCueModel(Learning.CueModel? model) => new()
    {
        Verbs = Verbs, Function = Function, Roles = Roles, SourceNouns = SourceNouns, MediaNouns = MediaNouns,
        StateMarkers = StateMarkers, Pronouns = Pronouns, According = According, Months = Months, Language = Language,
        MoodForms = MoodForms, SpeechNouns = SpeechNouns, InfinitiveNouns = InfinitiveNouns, CueModel = model,
    };

    private static AttributionLexicon Build(LanguagePack pack)
    {
        var verbs = new Dictionary<string, List<VerbForm>>(StringComparer.Ordinal);
        void AddForm(string form, VerbForm v)
        {
            form = form.ToLowerInvariant();
            if (!verbs.TryGetValue(form, out var list)) verbs[form] = list = new List<VerbForm>();
            if (!list.Contains(v)) list.Add(v);
        }
        foreach (var row in pack.Rows("reporting-verbs"))
        {
            if (pack.Code == "de") foreach (var (form, v) in GermanVerbForms.Generate(row)) AddForm(form, v);
            else if (row.Length >= 3)
            {
                var lemma = row[0];
                var cls = ParseClass(row[1]);
                var parts = lemma.Split(' ');
                string? particle = parts.Length > 1 ? parts[1] : null;
                foreach (var f in row[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    AddForm(f, new VerbForm(lemma, cls, particle, false)); // English past and participle coincide ("said"); both work as cues
            }
        }

        var function = pack.Rows("function-words").Where(r => r.Length >= 2 && !r[0].Contains(' '))
            .Select(r => KeyValuePair.Create(r[0], ParseFunction(r[1])));
        var roles = pack.Rows("roles").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], (ParseGender(r[1]), r.Length > 2 && r[2] == "group")));
        var sourceNouns = pack.Rows("source-nouns").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], Enum.Parse<NounSourceKind>(r[1], ignoreCase: true)));
        var media = pack.Rows("media-nouns").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], new MediumNoun(r[1], r.Length > 2 && r[2] == "yes")));
        var pronouns = pack.Rows("pronouns").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], ParseGender(r[1])));
        var according = pack.Rows("according-to").Where(r => r.Length >= 3)
            .Select(r => new AccordingPhrase(r[0].ToLowerInvariant().Split(' '), r[1] switch
            {
                "after" => AccordingPosition.After,
                "before" => AccordingPosition.Before,
                "postposed" => AccordingPosition.Postposed,
                "wie" => AccordingPosition.Wie,
                "after-noun" => AccordingPosition.AfterNoun,
                "postposed-noun" => AccordingPosition.PostposedNoun,
                "sentence" => AccordingPosition.SentenceAdverb,
                "self" => AccordingPosition.Self,
                _ => throw new FormatException($"Unknown according-to position '{r[1]}'."),
            }, r[2] == "relay"))
            .GroupBy(p => p.Words[0])
            .Select(g => KeyValuePair.Create(g.Key, g.OrderByDescending(p => p.Words.Length).ToArray()));

        return new AttributionLexicon
        {
            Language = pack.Code,
            Verbs = new WordMap<VerbForm[]>(verbs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray()))),
            Function = new WordMap<FunctionClass>(function),
            Roles = new SuffixMap<(Document.Gender, bool)>(roles),
            SourceNouns = new SuffixMap<NounSourceKind>(sourceNouns),
            MediaNouns = new SuffixMap<MediumNoun>(media),
            StateMarkers = pack.Words("state-media-markers"),
            Pronouns = new WordMap<Document.Gender>(pronouns),
            According = new WordMap<AccordingPhrase[]>(according),
            Months = pack.Words("months"),
            SpeechNouns = new SuffixMap<CueClass>(pack.Rows("speech-nouns").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], ParseClass(r[1])))),
            InfinitiveNouns = new WordSet(pack.Rows("speech-nouns").Where(r => r.Length >= 3 && r[2] == "to").Select(r => r[0])),
            InfinitiveVerbs = new WordSet(pack.Rows("reporting-verbs").Where(r => r.Length >= 4 && r[3] == "to").Select(r => r[0])),
            ObjectInfinitiveVerbs = new WordSet(pack.Rows("reporting-verbs").Where(r => r.Length >= 4 && r[3] == "obj-to").Select(r => r[0])),
            MoodForms = new WordMap<MoodForm>(pack.Rows("mood-forms").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], r[1] switch
            {
                "1" => MoodForm.SubjunctiveI,
                "2" => MoodForm.SubjunctiveII,
                "reportive" => MoodForm.Reportive,
                "intention" => MoodForm.Intention,
                _ => throw new FormatException($"Unknown mood '{r[1]}' in mood-forms."),
            }))),
            CueModel = Learning.CueModel.ForLanguage(pack.Code),
        };
    }

    internal static CueClass ParseClass(string s) => s switch
    {
        "speech" => CueClass.Speech,
        "claim" => CueClass.Claim,
        "report" => CueClass.Report,
        "characterize" => CueClass.Characterize,
        "thought" => CueClass.Thought,
        "emphasis" => CueClass.Emphasis,
        "warning" => CueClass.Warning,
        "demand" => CueClass.Demand,
        "question" => CueClass.Question,
        "writing" => CueClass.Writing,
        "agreement" => CueClass.Agreement,
        "denial" => CueClass.Denial,
        _ => throw new FormatException($"Unknown reporting-verb class '{s}'."),
    };

    private static FunctionClass ParseFunction(string s) => s switch
    {
        "det" => FunctionClass.Determiner,
        "prep" => FunctionClass.Preposition,
        "pron" => FunctionClass.Pronoun,
        "rel" => FunctionClass.Relative,
        "conj" => FunctionClass.Conjunction,
        "sub" => FunctionClass.Subordinator,
        "adv" => FunctionClass.Adverb,
        "aux" => FunctionClass.Auxiliary,
        "neg" => FunctionClass.Negation,
        _ => throw new FormatException($"Unknown function-word class '{s}'."),
    };

    internal static Document.Gender ParseGender(string s) => s switch
    {
        "M" => Document.Gender.Masculine,
        "F" => Document.Gender.Feminine,
        "N" => Document.Gender.Neuter,
        "P" => Document.Gender.Plural,
        _ => Document.Gender.Unknown,
    };
}
