using Hearsay.Document;
using Hearsay.Pipeline;

namespace Hearsay.Tests.Output;

/// <summary>
/// Small hand-annotated articles (German and English) with every layer of the model filled in, for testing
/// renderers independently of the analysis stages: the text layers (language, tokens, sentences, quotations)
/// come from the real text stages, everything else is set here by hand. Spans are located by their words.
/// </summary>
public static class ArticleFixtures
{
    public const string GermanText =
        "Stadtrat billigt neuen Radweg am Weserufer\n\n" +
        "Von: Mara Lindqvist\n\n" +
        "Bremen – Der Stadtrat hat am Dienstag einen neuen Radweg gebilligt. „Das ist ein guter Tag für die Stadt“, " +
        "sagte Bürgermeisterin Anna Berg dem Weser-Kurier, wie der NDR berichtete. „Wir fangen im Mai an“, sagte sie und lachte.\n\n" +
        "Kosten noch offen\n\n" +
        "Laut einem internen Papier könnte der Bau rund 2,5 Millionen Euro kosten. Ob das reicht, ist nicht klar.\n\n" +
        "Der geplante Radweg am Weserufer. © Foto: Stadt Bremen";

    public const string EnglishText =
        "Council approves new bike lane\n\n" +
        "By Tom Hale\n\n" +
        "BOSTON (Reuters) - The city council approved a new bike lane on Tuesday. \"This is a good day for the city,\" " +
        "Mayor Anna Berg told the Boston Globe, as WBUR reported. \"We start in May,\" she said and laughed.\n\n" +
        "Costs still open\n\n" +
        "According to an internal memo, the project could cost about $2.5 million. It is unclear whether that is enough.\n\n" +
        "The planned bike lane along the river. Photo: City of Boston";

    public static Article German()
    {
        var b = new Builder(GermanText, "de");
        b.Block(BlockKind.Title, "Stadtrat billigt neuen Radweg am Weserufer")
         .Block(BlockKind.Byline, "Von: Mara Lindqvist")
         .Block(BlockKind.Paragraph, "Bremen – Der Stadtrat", "sagte sie und lachte.")
         .Block(BlockKind.Subheading, "Kosten noch offen")
         .Block(BlockKind.Paragraph, "Laut einem internen Papier", "ist nicht klar.")
         .Block(BlockKind.Caption, "Der geplante Radweg am Weserufer. © Foto: Stadt Bremen");
        b.Analyze();
        var a = b.Article;
        var s = a.Structure;
        s.Title = b.Span("Stadtrat billigt neuen Radweg am Weserufer");
        s.Authors.Add(b.Span("Mara Lindqvist"));
        s.Dateline = b.Span("Bremen –");
        s.DatelinePlace = b.Span("Bremen");
        s.Captions.Add(new Caption(5, b.Span("Der geplante Radweg am Weserufer."), b.Span("© Foto: Stadt Bremen")));

        var berg = b.Entity(EntityType.Person, "Anna Berg", e => { e.Gender = Gender.Feminine; e.Roles.Add("Bürgermeisterin"); });
        int bergName = b.Mention(berg, "Anna Berg", MentionKind.Name);
        b.Mention(berg, "sie", MentionKind.Pronoun, after: "an“, sagte ");
        var kurier = b.Entity(EntityType.Media, "Weser-Kurier", e => { e.Subtype = "newspaper"; e.Country = "DE"; e.GazetteerId = "weser-kurier"; });
        b.Mention(kurier, "Weser-Kurier", MentionKind.Name);
        var ndr = b.Entity(EntityType.Media, "Norddeutscher Rundfunk", e => { e.Subtype = "broadcaster"; e.StateMedia = true; e.Country = "DE"; });
        b.Mention(ndr, "NDR", MentionKind.Name);
        var germany = b.Entity(EntityType.Country, "Germany", e => e.Iso = "DE");
        var bremen = b.Entity(EntityType.Place, "Bremen", e => e.Country = "DE");
        b.Mention(bremen, "Bremen", MentionKind.Name);
        _ = germany;

        a.Hedges.Add(new Hedge(HedgeKind.Speculation, b.Span("könnte"), b.Span("könnte der Bau rund 2,5 Millionen Euro kosten")));
        a.Hedges.Add(new Hedge(HedgeKind.Uncertainty, b.Span("ist nicht klar"), b.Span("Ob das reicht, ist nicht klar")));

        a.Quantities.Add(new Quantity
        {
            Kind = QuantityKind.Money, Span = b.Span("rund 2,5 Millionen Euro"), Number = b.Span("2,5 Millionen"),
            Value = 2_500_000, Unit = "EUR", Approximate = true, Bound = Bound.Exact, Qualifier = b.Span("rund"), Counted = b.Span("Euro"),
        });
        a.Quantities.Add(new Quantity
        {
            Kind = QuantityKind.Date, Span = b.Span("im Mai"), Number = b.Span("Mai"), ValueText = "--05", Value = double.NaN,
        });

        var direct = new Document.Attribution
        {
            Id = 0, Kind = AttributionKind.Direct, Cue = b.Span("sagte"), Content = b.Span("Das ist ein guter Tag für die Stadt"),
            Source = new SourceRef { Span = b.Span("Bürgermeisterin Anna Berg"), EntityId = berg.Id, MentionId = bergName, Kind = SourceKind.Person, Role = b.Span("Bürgermeisterin") },
            Medium = b.Span("dem Weser-Kurier"), MediumEntityId = kurier.Id, Signals = SpeechSignals.Backward,
        };
        direct.Relays.Add(new Relay { Span = b.Span("wie der NDR berichtete"), Name = b.Span("NDR"), EntityId = ndr.Id });
        a.Attributions.Add(direct);
        var second = new Document.Attribution
        {
            Id = 1, Kind = AttributionKind.Direct, Cue = b.Span("sagte", after: "Mai an“, "), Content = b.Span("Wir fangen im Mai an"),
            Source = new SourceRef { Span = b.Span("sie", after: "an“, sagte "), EntityId = berg.Id, Kind = SourceKind.Person },
            Signals = SpeechSignals.Backward | SpeechSignals.Continued,
        };
        second.Relays.Add(new Relay { Span = b.Span("wie der NDR berichtete"), Name = b.Span("NDR"), EntityId = ndr.Id, Inferred = true });
        a.Attributions.Add(second);
        var paper = new Document.Attribution
        {
            Id = 2, Kind = AttributionKind.AccordingTo, Cue = b.Span("Laut"), Content = b.Span("könnte der Bau rund 2,5 Millionen Euro kosten"),
            Source = new SourceRef { Span = b.Span("einem internen Papier"), Kind = SourceKind.Document, Role = b.Span("Papier") },
            ParentId = -1,
        };
        paper.Hedges.Add(0);
        a.Attributions.Add(paper);

        var c0 = new Claim { Id = 0, Content = b.Span("Das ist ein guter Tag für die Stadt"), AttributionId = 0 };
        c0.Chain.Add(new ChainLink(ChainRole.Origin, "Anna Berg", SourceKind.Person, b.Span("Bürgermeisterin Anna Berg"), berg.Id, false));
        c0.Chain.Add(new ChainLink(ChainRole.Medium, "Weser-Kurier", SourceKind.Media, b.Span("dem Weser-Kurier"), kurier.Id, false));
        c0.Chain.Add(new ChainLink(ChainRole.Relay, "Norddeutscher Rundfunk", SourceKind.Media, b.Span("NDR"), ndr.Id, false));
        c0.Chain.Add(new ChainLink(ChainRole.Author, "Mara Lindqvist", SourceKind.Person, b.Span("Mara Lindqvist"), -1, false));
        c0.Assessment.Origin = OriginKind.Named;
        c0.Assessment.IndependentSources = 1;
        c0.Assessment.StateMediaOrigin = false;
        c0.Assessment.Notes.Add("relayed by a broadcaster");
        a.Claims.Add(c0);
        var c1 = new Claim { Id = 1, Content = b.Span("der Bau rund 2,5 Millionen Euro kosten"), AttributionId = 2 };
        c1.Chain.Add(new ChainLink(ChainRole.Document, "internes Papier", SourceKind.Document, b.Span("einem internen Papier"), -1, false));
        c1.Chain.Add(new ChainLink(ChainRole.Author, "Mara Lindqvist", SourceKind.Person, null, -1, true));
        c1.Assessment.Origin = OriginKind.Document;
        c1.Assessment.IndependentSources = 1;
        c1.Assessment.HedgedByAuthor = true;
        c1.Hedges.Add(0);
        c1.Quantities.Add(0);
        a.Claims.Add(c1);
        var c2 = new Claim { Id = 2, Content = b.Span("Stadtrat billigt neuen Radweg am Weserufer") };
        c2.Assessment.Origin = OriginKind.Unattributed;
        c2.Assessment.FirstHand = true;
        c2.Supports.Add(0);
        a.Claims.Add(c2);

        a.Warn("quote.unbalanced", "A quotation mark is not closed.", b.Span("„Wir"));
        return a;
    }

    public static Article English()
    {
        var b = new Builder(EnglishText, "en");
        b.Block(BlockKind.Title, "Council approves new bike lane")
         .Block(BlockKind.Byline, "By Tom Hale")
         .Block(BlockKind.Paragraph, "BOSTON (Reuters)", "she said and laughed.")
         .Block(BlockKind.Subheading, "Costs still open")
         .Block(BlockKind.Paragraph, "According to an internal memo", "whether that is enough.")
         .Block(BlockKind.Caption, "The planned bike lane along the river. Photo: City of Boston");
        b.Analyze();
        var a = b.Article;
        var s = a.Structure;
        s.Title = b.Span("Council approves new bike lane");
        s.Authors.Add(b.Span("Tom Hale"));
        s.Dateline = b.Span("BOSTON (Reuters) -");
        s.DatelinePlace = b.Span("BOSTON");
        s.DatelineAgency = b.Span("Reuters");
        s.Captions.Add(new Caption(5, b.Span("The planned bike lane along the river."), b.Span("Photo: City of Boston")));

        var berg = b.Entity(EntityType.Person, "Anna Berg", e => e.Roles.Add("mayor"));
        b.Mention(berg, "Mayor Anna Berg", MentionKind.Name);
        b.Mention(berg, "she", MentionKind.Pronoun);
        var globe = b.Entity(EntityType.Media, "The Boston Globe", e => e.Subtype = "newspaper");
        b.Mention(globe, "Boston Globe", MentionKind.Name);
        var wbur = b.Entity(EntityType.Media, "WBUR", e => e.Subtype = "radio");
        b.Mention(wbur, "WBUR", MentionKind.Name);

        a.Hedges.Add(new Hedge(HedgeKind.Speculation, b.Span("could"), b.Span("the project could cost about $2.5 million")));
        a.Hedges.Add(new Hedge(HedgeKind.Uncertainty, b.Span("It is unclear"), b.Span("It is unclear whether that is enough")));
        a.Quantities.Add(new Quantity
        {
            Kind = QuantityKind.Money, Span = b.Span("about $2.5 million"), Number = b.Span("2.5 million"),
            Value = 2_500_000, Unit = "USD", Approximate = true, Qualifier = b.Span("about"),
        });

        var told = new Document.Attribution
        {
            Id = 0, Kind = AttributionKind.Direct, Cue = b.Span("told"), Content = b.Span("This is a good day for the city,"),
            Source = new SourceRef { Span = b.Span("Mayor Anna Berg"), EntityId = berg.Id, Kind = SourceKind.Person, Role = b.Span("Mayor") },
            Medium = b.Span("the Boston Globe"), MediumEntityId = globe.Id,
        };
        told.Relays.Add(new Relay { Span = b.Span("as WBUR reported"), Name = b.Span("WBUR"), EntityId = wbur.Id });
        a.Attributions.Add(told);
        var memo = new Document.Attribution
        {
            Id = 1, Kind = AttributionKind.AccordingTo, Cue = b.Span("According to"), Content = b.Span("the project could cost about $2.5 million"),
            Source = new SourceRef { Span = b.Span("an internal memo"), Kind = SourceKind.Document },
        };
        memo.Hedges.Add(0);
        a.Attributions.Add(memo);
        var nested = new Document.Attribution
        {
            Id = 2, Kind = AttributionKind.Indirect, Cue = b.Span("said"), Content = b.Span("We start in May,"),
            CueParticle = null, Source = new SourceRef { Span = b.Span("she"), EntityId = berg.Id, Kind = SourceKind.Person },
            ParentId = 0, CarrierId = 0,
        };
        nested.ContentParts.Add(b.Span("We start"));
        nested.ContentParts.Add(b.Span("in May"));
        a.Attributions.Add(nested);

        var c0 = new Claim { Id = 0, Content = b.Span("the project could cost about $2.5 million"), AttributionId = 1 };
        c0.Chain.Add(new ChainLink(ChainRole.Document, "internal memo", SourceKind.Document, b.Span("an internal memo"), -1, false));
        c0.Chain.Add(new ChainLink(ChainRole.Author, "Tom Hale", SourceKind.Person, b.Span("Tom Hale"), -1, false));
        c0.Chain.Add(new ChainLink(ChainRole.Outlet, "Reuters", SourceKind.Media, b.Span("Reuters"), -1, false));
        c0.Assessment.Origin = OriginKind.Document;
        c0.Assessment.IndependentSources = 1;
        c0.Assessment.HedgedByAuthor = true;
        c0.Hedges.Add(0);
        c0.Quantities.Add(0);
        a.Claims.Add(c0);
        return a;
    }

    /// <summary>Builds a fixture article: blocks located by their words, text stages run, entities and mentions added.</summary>
    public sealed class Builder(string text, string language)
    {
        public Article Article { get; } = new(text, new ArticleMetadata { Path = "fixture-" + language + ".txt", Language = language, MediaType = "text/plain", Encoding = "utf-8" });

        public TextSpan Span(string words, string? after = null)
        {
            int from = 0;
            if (after is not null)
            {
                from = text.IndexOf(after, StringComparison.Ordinal);
                Assert.True(from >= 0, $"fixture: «{after}» not in text");
                from += after.Length;
            }
            int i = text.IndexOf(words, from, StringComparison.Ordinal);
            Assert.True(i >= 0, $"fixture: «{words}» not in text");
            return new TextSpan(i, words.Length);
        }

        public Builder Block(BlockKind kind, string first, string? last = null)
        {
            var s = Span(first);
            var span = last is null ? s : TextSpan.FromBounds(s.Start, Span(last, after: first).End);
            Article.Structure.Blocks.Add(new Block(kind, span));
            return this;
        }

        /// <summary>Runs the real text stages (language from the metadata, tokens, sentences, quotations).</summary>
        public void Analyze() =>
            new PipelineBuilder()
                .Use(new Hearsay.Text.LanguageDetectionStage())
                .Use(new Hearsay.Text.TokenizerStage())
                .Use(new Hearsay.Text.SentenceSplitterStage())
                .Use(new Hearsay.Text.QuotationStage())
                .Build()
                .Run(Article);

        public Entity Entity(EntityType type, string canonical, Action<Entity>? configure = null)
        {
            var e = new Entity { Id = Article.Entities.Count, Type = type, Canonical = canonical };
            configure?.Invoke(e);
            Article.Entities.Add(e);
            return e;
        }

        public int Mention(Entity entity, string words, MentionKind kind, string? after = null)
        {
            Article.Mentions.Add(new Mention { Span = Span(words, after), Kind = kind, EntityId = entity.Id });
            entity.Mentions.Add(Article.Mentions.Count - 1);
            return Article.Mentions.Count - 1;
        }
    }
}
