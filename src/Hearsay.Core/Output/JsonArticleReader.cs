using System.Globalization;
using System.Text.Json;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Text;

namespace Hearsay.Output;

/// <summary>
/// Reads a "hearsay.article/1" document, as <see cref="JsonArticleWriter"/> wrote it with the article text,
/// back into the model, so a stored analysis can be shown by any renderer without analysing the text again.
/// Everything the format carries is restored: metadata, language, diagnostics, structure, entities with their
/// mentions, attributions, claims with chains and assessments, hedges, quantities and quotations. Tokens and
/// sentences, of which the format carries only the counts, are recomputed with the tokenizer and the sentence
/// splitter. What the format leaves out stays at its default (a mention's gender, a source's mention index).
/// </summary>
public static class JsonArticleReader
{
    /// <exception cref="FormatException">Not a hearsay.article/1 document with its text.</exception>
    public static Article Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON: {ex.Message}", ex);
        }
    }

    /// <exception cref="FormatException">Not a hearsay.article/1 document with its text.</exception>
    public static Article Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "schema") != JsonArticleWriter.SchemaName)
            throw new FormatException($"not a {JsonArticleWriter.SchemaName} document");
        if (Str(root, "text") is not { } text)
            throw new FormatException("the document has no \"text\" (written with --no-text): the article cannot be restored");
        try
        {
            return new Restorer(root, text).Restore();
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException($"a {JsonArticleWriter.SchemaName} document with a missing or ill-typed field: {ex.Message}", ex);
        }
    }

    private sealed class Restorer(JsonElement root, string text)
    {
        private Article _a = null!;

        public Article Restore()
        {
            var source = root.GetProperty("source");
            var language = root.GetProperty("language");
            bool detected = language.TryGetProperty("detected", out var d) && d.ValueKind == JsonValueKind.True;
            string code = Str(language, "code") ?? "und";
            var metadata = new ArticleMetadata
            {
                Path = Str(source, "path"),
                Url = Str(source, "url"),
                Outlet = Str(source, "outlet"),
                Published = Str(source, "published") is { } p && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.None, out var pd) ? pd : null,
                Language = detected ? null : code,
                MediaType = Str(source, "media_type"),
                Encoding = Str(source, "encoding"),
            };
            _a = new Article(text, metadata)
            {
                Language = code,
                LanguageConfidence = language.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
            };
            Diagnostics();
            Structure();
            Tokens(code);
            Entities();
            Attributions();
            Claims();
            Hedges();
            Quantities();
            Quotations();
            _a.Done = Layers.Text | Layers.Structure | Layers.Language | Layers.Tokens | Layers.Sentences | Layers.Quotations
                      | Layers.Entities | Layers.Quantities | Layers.Hedges | Layers.Attributions | Layers.Coreference | Layers.Claims;
            return _a;
        }

        private void Diagnostics()
        {
            foreach (var d in Array(root, "diagnostics"))
                _a.Diagnostics.Add(new Diagnostic(Enum<Severity>(d, "severity", OutputNames.Of), Str(d, "code") ?? "", Str(d, "message") ?? "",
                    d.TryGetProperty("start", out _) ? SpanOf(d) : null));
        }

        private void Structure()
        {
            var s = root.GetProperty("structure");
            var st = _a.Structure;
            foreach (var b in Array(s, "blocks"))
                st.Blocks.Add(new Block(Enum<BlockKind>(b, "kind", OutputNames.Of), Bounds(b)));
            st.Title = OptSpan(s, "title");
            foreach (var author in Array(s, "authors")) st.Authors.Add(SpanOf(author));
            if (s.TryGetProperty("dateline", out var dl) && dl.ValueKind == JsonValueKind.Object)
            {
                st.Dateline = SpanOf(dl);
                st.DatelinePlace = OptSpan(dl, "place");
                st.DatelineAgency = OptSpan(dl, "agency");
            }
            foreach (var caption in Array(s, "captions"))
            {
                var span = SpanOf(caption);
                st.Captions.Add(new Caption(st.BlockIndexAt(span.Start), span, OptSpan(caption, "credit")));
            }
        }

        /// <summary>The format keeps only the counts of tokens and sentences; they are recomputed from the text.</summary>
        private void Tokens(string language)
        {
            var pack = LanguageRegistry.Default.For(language);
            new TokenizerStage().Process(_a, pack);
            new SentenceSplitterStage().Process(_a, pack);
        }

        private void Entities()
        {
            foreach (var e in Array(root, "entities"))
            {
                var entity = new Entity
                {
                    Id = Id(Str(e, "id")),
                    Type = Enum<EntityType>(e, "type", OutputNames.Of),
                    Canonical = Str(e, "canonical") ?? "",
                    Iso = Str(e, "iso"),
                    Country = Str(e, "country"),
                    Subtype = Str(e, "subtype"),
                    StateMedia = e.TryGetProperty("state_media", out var sm) && sm.ValueKind == JsonValueKind.True,
                    GazetteerId = Str(e, "gazetteer_id"),
                    Gender = e.TryGetProperty("gender", out _) ? Enum<Gender>(e, "gender", OutputNames.Of) : Gender.Unknown,
                };
                foreach (var r in Array(e, "roles")) entity.Roles.Add(r.GetString() ?? "");
                foreach (var r in Array(e, "attributes")) entity.Attributes.Add(r.GetString() ?? "");
                foreach (var m in Array(e, "mentions"))
                {
                    entity.Mentions.Add(_a.Mentions.Count);
                    _a.Mentions.Add(new Mention
                    {
                        Span = SpanOf(m),
                        Kind = Enum<MentionKind>(m, "kind", OutputNames.Of),
                        EntityId = entity.Id,
                        Role = OptSpan(m, "role"),
                    });
                }
                _a.Entities.Add(entity);
            }
        }

        private void Attributions()
        {
            foreach (var x in Array(root, "attributions"))
            {
                var cue = x.GetProperty("cue");
                var content = x.GetProperty("content");
                var at = new Attribution
                {
                    Id = Id(Str(x, "id")),
                    Kind = Enum<AttributionKind>(x, "kind", OutputNames.Of),
                    Cue = SpanOf(cue),
                    CueParticle = OptSpan(cue, "particle"),
                    Content = SpanOf(content),
                    ParentId = OptId(x, "parent"),
                    CarrierId = OptId(x, "carrier"),
                };
                foreach (var part in Array(content, "parts")) at.ContentParts.Add(SpanOf(part));
                var src = x.GetProperty("source");
                at.Source = new SourceRef
                {
                    Span = src.TryGetProperty("start", out var st) && st.ValueKind == JsonValueKind.Number ? SpanOf(src) : null,
                    Kind = Enum<SourceKind>(src, "kind", OutputNames.Of),
                    EntityId = OptId(src, "entity_id"),
                    Role = OptSpan(src, "role"),
                };
                if (x.TryGetProperty("medium", out var medium) && medium.ValueKind == JsonValueKind.Object)
                {
                    at.Medium = SpanOf(medium);
                    at.MediumEntityId = OptId(medium, "entity_id");
                }
                foreach (var r in Array(x, "relays"))
                    at.Relays.Add(new Relay
                    {
                        Span = SpanOf(r),
                        Name = OptSpan(r, "name"),
                        EntityId = OptId(r, "entity_id"),
                        Inferred = r.TryGetProperty("inferred", out var inf) && inf.ValueKind == JsonValueKind.True,
                    });
                foreach (var s in Array(x, "signals"))
                    at.Signals |= EnumOf<SpeechSignals>(s.GetString(), OutputNames.SignalOrder.ToArray(), OutputNames.Of);
                foreach (var h in Array(x, "hedges")) at.Hedges.Add(Id(Str(h, "id")));
                _a.Attributions.Add(at);
            }
        }

        private void Claims()
        {
            foreach (var x in Array(root, "claims"))
            {
                var claim = new Claim { Id = Id(Str(x, "id")), Content = SpanOf(x), AttributionId = OptId(x, "attribution") };
                foreach (var l in Array(x, "chain"))
                    claim.Chain.Add(new ChainLink(Enum<ChainRole>(l, "role", OutputNames.Of), Str(l, "name") ?? "",
                        Enum<SourceKind>(l, "kind", OutputNames.Of), l.TryGetProperty("start", out _) ? SpanOf(l) : null,
                        OptId(l, "entity_id"), l.TryGetProperty("inferred", out var inf) && inf.ValueKind == JsonValueKind.True));
                var s = x.GetProperty("assessment");
                var a = claim.Assessment;
                a.Origin = Enum<OriginKind>(s, "origin", OutputNames.Of);
                a.FirstHand = s.GetProperty("first_hand").GetBoolean();
                a.IndependentSources = s.GetProperty("independent_sources").GetInt32();
                a.HedgedByAuthor = s.GetProperty("hedged_by_author").GetBoolean();
                a.StateMediaOrigin = s.GetProperty("state_media_origin").GetBoolean();
                foreach (var n in Array(s, "notes")) a.Notes.Add(n.GetString() ?? "");
                foreach (var h in Array(x, "hedges")) claim.Hedges.Add(Id(Str(h, "id")));
                foreach (var q in Array(x, "quantities")) claim.Quantities.Add(Id(Str(q, "id")));
                foreach (var o in Array(x, "supports")) claim.Supports.Add(Id(o.GetString()));
                _a.Claims.Add(claim);
            }
        }

        private void Hedges()
        {
            foreach (var h in Array(root, "hedges"))
                _a.Hedges.Add(new Hedge(Enum<HedgeKind>(h, "kind", OutputNames.Of), OptSpan(h, "cue") ?? default, OptSpan(h, "scope") ?? default));
        }

        private void Quantities()
        {
            foreach (var q in Array(root, "quantities"))
                _a.Quantities.Add(new Quantity
                {
                    Span = SpanOf(q),
                    Number = OptSpan(q, "number") ?? SpanOf(q),
                    Kind = Enum<QuantityKind>(q, "kind", OutputNames.Of),
                    Value = q.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN,
                    UpperValue = q.TryGetProperty("upper_value", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetDouble() : null,
                    ValueText = Str(q, "value_text"),
                    Counted = OptSpan(q, "counted"),
                    Unit = Str(q, "unit"),
                    Approximate = q.TryGetProperty("approximate", out var ap) && ap.ValueKind == JsonValueKind.True,
                    Bound = Enum<Bound>(q, "bound", OutputNames.Of),
                    Qualifier = OptSpan(q, "qualifier"),
                });
        }

        private void Quotations()
        {
            foreach (var q in Array(root, "quotations"))
            {
                var outer = SpanOf(q);
                var inner = OptSpan(q, "inner") ?? outer;
                int open = _a.TokenIndexAt(outer.Start);
                int close = outer.IsEmpty ? open : Math.Max(open, _a.TokenIndexAt(outer.End - 1));
                _a.Quotations.Add(new Quotation(outer, inner, open, close,
                    q.TryGetProperty("single", out var s) && s.ValueKind == JsonValueKind.True));
            }
        }

        private TextSpan SpanOf(JsonElement e)
        {
            var span = Bounds(e);
            if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
                throw new ArgumentException($"span {span} lies outside the text ({text.Length} characters)");
            return span;
        }

        private TextSpan? OptSpan(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object ? SpanOf(e) : null;
    }

    private static TextSpan Bounds(JsonElement e) => TextSpan.FromBounds(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : default;

    /// <summary>The number of an output id ("e3" → 3).</summary>
    private static int Id(string? id) =>
        id is { Length: > 1 } && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n : throw new ArgumentException($"'{id}' is not an output id");

    private static int OptId(JsonElement parent, string name) => Str(parent, name) is { } id ? Id(id) : -1;

    private static T Enum<T>(JsonElement parent, string name, Func<T, string> names) where T : struct, System.Enum =>
        EnumOf(Str(parent, name), System.Enum.GetValues<T>(), names);

    private static T EnumOf<T>(string? value, T[] values, Func<T, string> names) where T : struct, System.Enum
    {
        foreach (var v in values)
        {
            string n;
            try { n = names(v); } catch (InvalidOperationException) { continue; }
            if (n == value) return v;
        }
        throw new ArgumentException($"'{value}' is not a {typeof(T).Name} of the format");
    }
}
