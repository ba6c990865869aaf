using System.Buffers;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hearsay.Document;
using Hearsay.Pipeline;

namespace Hearsay.Output;

/// <summary>Options for <see cref="JsonArticleWriter"/>.</summary>
public sealed record JsonOutputOptions
{
    /// <summary>Write the full article text as "text". Every span still carries its own text without it.</summary>
    public bool IncludeText { get; init; } = true;
    /// <summary>Indent for people; off for JSON Lines.</summary>
    public bool Indented { get; init; } = true;
}

/// <summary>
/// Writes an analyzed <see cref="Article"/> as JSON in the "hearsay.article/1" format
/// (docs/schema/hearsay-article-1.schema.json, explained in docs/output.md).
/// It renders the model as it is and never analyzes: no reflection, a fixed key order, snake_case keys,
/// kebab-case enum values. Rules a reader can rely on:
/// every span object has "text", "start" and "end", with start/end UTF-16 offsets into the article text,
/// so text == article_text[start..end]; a key documented as optional is left out when it does not apply,
/// every other key is always there (null when unknown); references between objects use ids whose first
/// letter names the kind of object ("e3" entity, "a5" attribution, "c1" claim, "h0" hedge, "q2" quantity).
/// </summary>
public sealed class JsonArticleWriter
{
    /// <summary>The value of the "schema" field.</summary>
    public const string SchemaName = "hearsay.article/1";
    /// <summary>The "$id" of the JSON Schema that describes the output.</summary>
    public const string SchemaId = "https://hearsay.dev/schema/article/1";

    /// <summary>Version of the Hearsay library that wrote the output (without build metadata).</summary>
    public static string HearsayVersion { get; } = ReadVersion();

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly JsonOutputOptions _options;

    public JsonArticleWriter(JsonOutputOptions? options = null) => _options = options ?? new JsonOutputOptions();

    public JsonOutputOptions Options => _options;

    /// <summary>Writer options matching <see cref="Options"/>: relaxed escaping, so "ä" and "„" stay readable.
    /// (The output is meant for files and pipes, not for embedding in HTML.)</summary>
    public JsonWriterOptions WriterOptions => new() { Indented = _options.Indented, Encoder = Encoder };

    /// <summary>The article as one JSON document.</summary>
    public string ToJson(Article article)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(4096, article.Text.Length * 4));
        WriteDocument(buffer, article);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the article as one JSON document to a buffer.</summary>
    public void WriteDocument(IBufferWriter<byte> output, Article article)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, article);
    }

    /// <summary>Writes the article as one JSON document to a stream.</summary>
    public void WriteDocument(Stream output, Article article)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, article);
    }

    /// <summary>Writes the article as one JSON Lines record: compact whatever <see cref="JsonOutputOptions.Indented"/> says, then "\n".</summary>
    public void WriteLine(Stream output, Article article)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions with { Indented = false }))
            Write(writer, article);
        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the article object at the writer's current position (a value in an array, or the root).</summary>
    public void Write(Utf8JsonWriter w, Article article)
    {
        new Renderer(w, article, _options).WriteArticle();
        w.Flush();
    }

    private static string ReadVersion()
    {
        var asm = typeof(Article).Assembly;
        var info = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                   ?? asm.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = info.IndexOf('+');
        return plus >= 0 ? info[..plus] : info;
    }

    /// <summary>The keys, encoded once: a key written as a string is checked for escaping and transcoded to UTF-8
    /// on every call, which cost about a fifth of the writing time.</summary>
    private static class Key
    {
        public static readonly JsonEncodedText Agency = JsonEncodedText.Encode("agency");
        public static readonly JsonEncodedText Approximate = JsonEncodedText.Encode("approximate");
        public static readonly JsonEncodedText Assessment = JsonEncodedText.Encode("assessment");
        public static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
        public static readonly JsonEncodedText Attribution = JsonEncodedText.Encode("attribution");
        public static readonly JsonEncodedText Attributions = JsonEncodedText.Encode("attributions");
        public static readonly JsonEncodedText Authors = JsonEncodedText.Encode("authors");
        public static readonly JsonEncodedText Blocks = JsonEncodedText.Encode("blocks");
        public static readonly JsonEncodedText Bound = JsonEncodedText.Encode("bound");
        public static readonly JsonEncodedText Byline = JsonEncodedText.Encode("byline");
        public static readonly JsonEncodedText Canonical = JsonEncodedText.Encode("canonical");
        public static readonly JsonEncodedText Captions = JsonEncodedText.Encode("captions");
        public static readonly JsonEncodedText Carrier = JsonEncodedText.Encode("carrier");
        public static readonly JsonEncodedText Chain = JsonEncodedText.Encode("chain");
        public static readonly JsonEncodedText Characters = JsonEncodedText.Encode("characters");
        public static readonly JsonEncodedText Claims = JsonEncodedText.Encode("claims");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
        public static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
        public static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");
        public static readonly JsonEncodedText Counted = JsonEncodedText.Encode("counted");
        public static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
        public static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
        public static readonly JsonEncodedText Credit = JsonEncodedText.Encode("credit");
        public static readonly JsonEncodedText Cue = JsonEncodedText.Encode("cue");
        public static readonly JsonEncodedText Dateline = JsonEncodedText.Encode("dateline");
        public static readonly JsonEncodedText Detected = JsonEncodedText.Encode("detected");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
        public static readonly JsonEncodedText Encoding = JsonEncodedText.Encode("encoding");
        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
        public static readonly JsonEncodedText Entity = JsonEncodedText.Encode("entity");
        public static readonly JsonEncodedText EntityId = JsonEncodedText.Encode("entity_id");
        public static readonly JsonEncodedText FirstHand = JsonEncodedText.Encode("first_hand");
        public static readonly JsonEncodedText GazetteerId = JsonEncodedText.Encode("gazetteer_id");
        public static readonly JsonEncodedText Gender = JsonEncodedText.Encode("gender");
        public static readonly JsonEncodedText HearsayVersion = JsonEncodedText.Encode("hearsay_version");
        public static readonly JsonEncodedText HedgedByAuthor = JsonEncodedText.Encode("hedged_by_author");
        public static readonly JsonEncodedText Hedges = JsonEncodedText.Encode("hedges");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText IndependentSources = JsonEncodedText.Encode("independent_sources");
        public static readonly JsonEncodedText Inferred = JsonEncodedText.Encode("inferred");
        public static readonly JsonEncodedText Inner = JsonEncodedText.Encode("inner");
        public static readonly JsonEncodedText Iso = JsonEncodedText.Encode("iso");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
        public static readonly JsonEncodedText MediaType = JsonEncodedText.Encode("media_type");
        public static readonly JsonEncodedText Medium = JsonEncodedText.Encode("medium");
        public static readonly JsonEncodedText Mentions = JsonEncodedText.Encode("mentions");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Nested = JsonEncodedText.Encode("nested");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
        public static readonly JsonEncodedText Outlet = JsonEncodedText.Encode("outlet");
        public static readonly JsonEncodedText Paragraphs = JsonEncodedText.Encode("paragraphs");
        public static readonly JsonEncodedText Parent = JsonEncodedText.Encode("parent");
        public static readonly JsonEncodedText Particle = JsonEncodedText.Encode("particle");
        public static readonly JsonEncodedText Parts = JsonEncodedText.Encode("parts");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText PipelineVersion = JsonEncodedText.Encode("pipeline_version");
        public static readonly JsonEncodedText Place = JsonEncodedText.Encode("place");
        public static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText Qualifier = JsonEncodedText.Encode("qualifier");
        public static readonly JsonEncodedText Quantities = JsonEncodedText.Encode("quantities");
        public static readonly JsonEncodedText Quotations = JsonEncodedText.Encode("quotations");
        public static readonly JsonEncodedText Relays = JsonEncodedText.Encode("relays");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
        public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
        public static readonly JsonEncodedText Sentences = JsonEncodedText.Encode("sentences");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Signals = JsonEncodedText.Encode("signals");
        public static readonly JsonEncodedText Single = JsonEncodedText.Encode("single");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText StateMedia = JsonEncodedText.Encode("state_media");
        public static readonly JsonEncodedText StateMediaOrigin = JsonEncodedText.Encode("state_media_origin");
        public static readonly JsonEncodedText Structure = JsonEncodedText.Encode("structure");
        public static readonly JsonEncodedText Subheadings = JsonEncodedText.Encode("subheadings");
        public static readonly JsonEncodedText Subtype = JsonEncodedText.Encode("subtype");
        public static readonly JsonEncodedText Supports = JsonEncodedText.Encode("supports");
        public static readonly JsonEncodedText Teaser = JsonEncodedText.Encode("teaser");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Tokens = JsonEncodedText.Encode("tokens");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText UpperValue = JsonEncodedText.Encode("upper_value");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText ValueText = JsonEncodedText.Encode("value_text");
    }

    /// <summary>One article's rendering: the writer, the article and lookups built once.</summary>
    private sealed class Renderer(Utf8JsonWriter w, Article a, JsonOutputOptions options)
    {
        public void WriteArticle()
        {
            w.WriteStartObject();
            w.WriteString(Key.Schema, SchemaName);
            w.WriteString(Key.HearsayVersion, HearsayVersion);
            w.WriteString(Key.PipelineVersion, AnalysisPipeline.Version);
            WriteSource();
            WriteLanguage();
            WriteDiagnostics();
            WriteCounts();
            WriteStructure();
            WriteEntities();
            WriteAttributions();
            WriteClaims();
            WriteHedges();
            WriteQuantities();
            WriteQuotations();
            if (options.IncludeText) w.WriteString(Key.Text, a.Text);
            w.WriteEndObject();
        }

        // ---- metadata -------------------------------------------------------------------------------

        private void WriteSource()
        {
            var m = a.Metadata;
            w.WriteStartObject(Key.Source);
            StringOrNull(Key.Path, m.Path);
            StringOrNull(Key.Url, m.Url);
            StringOrNull(Key.Outlet, m.Outlet);
            if (m.Published is { } published) w.WriteString(Key.Published, published);
            else w.WriteNull(Key.Published);
            StringOrNull(Key.MediaType, m.MediaType);
            StringOrNull(Key.Encoding, m.Encoding);
            w.WriteEndObject();
        }

        private void WriteLanguage()
        {
            w.WriteStartObject(Key.Language);
            w.WriteString(Key.Code, a.Language);
            w.WriteNumber(Key.Confidence, Math.Round(a.LanguageConfidence, 3));
            w.WriteBoolean(Key.Detected, string.IsNullOrEmpty(a.Metadata.Language));
            w.WriteEndObject();
        }

        private void WriteDiagnostics()
        {
            w.WriteStartArray(Key.Diagnostics);
            foreach (var d in a.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString(Key.Severity, OutputNames.Of(d.Severity));
                w.WriteString(Key.Code, d.Code);
                w.WriteString(Key.Message, d.Message);
                if (d.Span is { } span) SpanFields(span);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteCounts()
        {
            int paragraphs = 0;
            foreach (var b in a.Structure.Blocks) if (b.Kind == BlockKind.Paragraph) paragraphs++;
            w.WriteStartObject(Key.Counts);
            w.WriteNumber(Key.Characters, a.Text.Length);
            w.WriteNumber(Key.Blocks, a.Structure.Blocks.Count);
            w.WriteNumber(Key.Paragraphs, paragraphs);
            w.WriteNumber(Key.Sentences, a.Sentences.Length);
            w.WriteNumber(Key.Tokens, a.Tokens.Length);
            w.WriteEndObject();
        }

        // ---- structure ------------------------------------------------------------------------------

        private void WriteStructure()
        {
            var s = a.Structure;
            w.WriteStartObject(Key.Structure);
            SpanOrNull(Key.Title, s.Title ?? FirstBlock(BlockKind.Title));
            SpanOrNull(Key.Byline, FirstBlock(BlockKind.Byline));
            w.WriteStartArray(Key.Authors);
            foreach (var author in s.Authors) SpanObject(author);
            w.WriteEndArray();
            SpanOrNull(Key.Teaser, FirstBlock(BlockKind.Teaser));
            if (s.Dateline is { } dateline)
            {
                w.WriteStartObject(Key.Dateline);
                SpanFields(dateline);
                SpanOrNull(Key.Place, s.DatelinePlace);
                SpanOrNull(Key.Agency, s.DatelineAgency);
                w.WriteEndObject();
            }
            else w.WriteNull(Key.Dateline);
            w.WriteStartArray(Key.Subheadings);
            foreach (var b in s.Blocks) if (b.Kind == BlockKind.Subheading) SpanObject(b.Span);
            w.WriteEndArray();
            w.WriteStartArray(Key.Captions);
            foreach (var c in s.Captions)
            {
                w.WriteStartObject();
                SpanFields(c.Text);
                SpanOrNull(Key.Credit, c.Credit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Blocks are a layout index over the text, the one place where spans come without their text
            // (it would repeat the whole article).
            w.WriteStartArray(Key.Blocks);
            foreach (var b in s.Blocks)
            {
                w.WriteStartObject();
                w.WriteString(Key.Kind, OutputNames.Of(b.Kind));
                w.WriteNumber(Key.Start, b.Span.Start);
                w.WriteNumber(Key.End, b.Span.End);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private TextSpan? FirstBlock(BlockKind kind)
        {
            foreach (var b in a.Structure.Blocks) if (b.Kind == kind) return b.Span;
            return null;
        }

        // ---- entities -------------------------------------------------------------------------------

        private void WriteEntities()
        {
            w.WriteStartArray(Key.Entities);
            foreach (var e in a.Entities)
            {
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.EntityId(e.Id));
                w.WriteString(Key.Type, OutputNames.Of(e.Type));
                w.WriteString(Key.Canonical, e.Canonical);
                if (e.Iso is not null) w.WriteString(Key.Iso, e.Iso);
                if (e.Country is not null) w.WriteString(Key.Country, e.Country);
                if (e.Subtype is not null) w.WriteString(Key.Subtype, e.Subtype);
                if (e.StateMedia) w.WriteBoolean(Key.StateMedia, true);
                if (e.GazetteerId is not null) w.WriteString(Key.GazetteerId, e.GazetteerId);
                if (e.Gender != Gender.Unknown) w.WriteString(Key.Gender, OutputNames.Of(e.Gender));
                StringArray(Key.Roles, e.Roles);
                StringArray(Key.Attributes, e.Attributes);
                w.WriteStartArray(Key.Mentions);
                foreach (var mi in SortedMentions(e)) WriteMention(a.Mentions[mi]);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private List<int> SortedMentions(Entity e)
        {
            var list = new List<int>(e.Mentions.Count);
            foreach (var mi in e.Mentions) if ((uint)mi < (uint)a.Mentions.Count) list.Add(mi);
            list.Sort((x, y) => a.Mentions[x].Span.Start.CompareTo(a.Mentions[y].Span.Start));
            return list;
        }

        private void WriteMention(Mention m)
        {
            w.WriteStartObject();
            SpanFields(m.Span);
            w.WriteString(Key.Kind, OutputNames.Of(m.Kind));
            w.WriteString(Key.Context, a.Text.AsSpan(ContextOf(m.Span)));
            if (m.Role is { } role) SpanOrNull(Key.Role, role);
            w.WriteEndObject();
        }

        /// <summary>The mention with one token either side, not crossing a line break or a sentence end.</summary>
        private Range ContextOf(TextSpan span)
        {
            var tokens = a.Tokens;
            int first = span.IsEmpty ? tokens.Length : a.TokenIndexAt(span.Start);
            if (first >= tokens.Length) return span.Start..span.End;
            int last = Math.Clamp(a.TokenIndexAt(span.End - 1), first, tokens.Length - 1);
            int start = span.Start, end = span.End;
            if (first > 0 && Joined(first - 1)) start = Math.Min(start, tokens[first - 1].Start);
            if (last + 1 < tokens.Length && Joined(last)) end = Math.Max(end, tokens[last + 1].End);
            return start..end;
        }

        /// <summary>Token <paramref name="i"/> and the next one sit on one line of one sentence.</summary>
        private bool Joined(int i)
        {
            var next = a.Tokens[i + 1];
            if (next.Has(TokenFlags.LineBefore)) return false;
            return a.Sentences.Length == 0 || a.SentenceIndexAt(a.Tokens[i].Start) == a.SentenceIndexAt(next.Start);
        }

        // ---- attributions ---------------------------------------------------------------------------

        private void WriteAttributions()
        {
            w.WriteStartArray(Key.Attributions);
            foreach (var at in a.Attributions)
            {
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.AttributionId(at.Id));
                w.WriteString(Key.Kind, OutputNames.Of(at.Kind));

                w.WriteStartObject(Key.Cue);
                SpanFields(at.Cue);
                if (at.CueParticle is { } particle) SpanOrNull(Key.Particle, particle);
                w.WriteEndObject();

                w.WriteStartObject(Key.Content);
                SpanFields(at.Content);
                if (at.ContentParts.Count > 0)
                {
                    w.WriteStartArray(Key.Parts);
                    foreach (var part in at.ContentParts) SpanObject(part);
                    w.WriteEndArray();
                }
                w.WriteEndObject();

                WriteSourceRef(at.Source);

                if (at.Medium is { } medium)
                {
                    w.WriteStartObject(Key.Medium);
                    SpanFields(medium);
                    if (EntityAt(at.MediumEntityId) is { } me) EntityRef(me);
                    w.WriteEndObject();
                }
                else w.WriteNull(Key.Medium);

                w.WriteStartArray(Key.Relays);
                foreach (var relay in at.Relays)
                {
                    w.WriteStartObject();
                    SpanFields(relay.Span);
                    SpanOrNull(Key.Name, relay.Name);
                    var re = EntityAt(relay.EntityId);
                    StringOrNull(Key.Entity, re?.Canonical);
                    StringOrNull(Key.EntityId, re is null ? null : OutputNames.EntityId(re.Id));
                    w.WriteBoolean(Key.Inferred, relay.Inferred);
                    w.WriteEndObject();
                }
                w.WriteEndArray();

                StringOrNull(Key.Parent, at.ParentId >= 0 ? OutputNames.AttributionId(at.ParentId) : null);
                w.WriteStartArray(Key.Nested);
                foreach (var other in a.Attributions)
                    if (other.ParentId == at.Id && other.Id != at.Id) w.WriteStringValue(OutputNames.AttributionId(other.Id));
                w.WriteEndArray();
                StringOrNull(Key.Carrier, at.CarrierId >= 0 ? OutputNames.AttributionId(at.CarrierId) : null);

                w.WriteStartArray(Key.Signals);
                foreach (var signal in OutputNames.SignalOrder)
                    if ((at.Signals & signal) != 0) w.WriteStringValue(OutputNames.Of(signal));
                w.WriteEndArray();

                HedgeRefs(at.Hedges);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteSourceRef(SourceRef s)
        {
            w.WriteStartObject(Key.Source);
            if (s.Span is { } span) SpanFields(span);
            else
            {
                w.WriteNull(Key.Text);
                w.WriteNull(Key.Start);
                w.WriteNull(Key.End);
            }
            w.WriteString(Key.Kind, OutputNames.Of(s.Kind));
            var e = EntityAt(s.EntityId);
            StringOrNull(Key.Entity, e?.Canonical);
            StringOrNull(Key.EntityId, e is null ? null : OutputNames.EntityId(e.Id));
            SpanOrNull(Key.Role, s.Role);
            w.WriteEndObject();
        }

        // ---- claims ---------------------------------------------------------------------------------

        private void WriteClaims()
        {
            w.WriteStartArray(Key.Claims);
            foreach (var c in a.Claims)
            {
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.ClaimId(c.Id));
                SpanFields(c.Content);
                StringOrNull(Key.Attribution, c.AttributionId >= 0 ? OutputNames.AttributionId(c.AttributionId) : null);

                w.WriteStartArray(Key.Chain);
                foreach (var link in c.Chain)
                {
                    w.WriteStartObject();
                    w.WriteString(Key.Role, OutputNames.Of(link.Role));
                    w.WriteString(Key.Name, link.Name);
                    w.WriteString(Key.Kind, OutputNames.Of(link.Kind));
                    if (link.Span is { } span) SpanFields(span);
                    if (EntityAt(link.EntityId) is { } le) w.WriteString(Key.EntityId, OutputNames.EntityId(le.Id));
                    w.WriteBoolean(Key.Inferred, link.Inferred);
                    w.WriteEndObject();
                }
                w.WriteEndArray();

                var s = c.Assessment;
                w.WriteStartObject(Key.Assessment);
                w.WriteString(Key.Origin, OutputNames.Of(s.Origin));
                w.WriteBoolean(Key.FirstHand, s.FirstHand);
                w.WriteNumber(Key.IndependentSources, s.IndependentSources);
                w.WriteBoolean(Key.HedgedByAuthor, s.HedgedByAuthor);
                w.WriteBoolean(Key.StateMediaOrigin, s.StateMediaOrigin);
                StringArray(Key.Notes, s.Notes);
                w.WriteEndObject();

                HedgeRefs(c.Hedges);
                w.WriteStartArray(Key.Quantities);
                foreach (var qi in c.Quantities)
                {
                    if ((uint)qi >= (uint)a.Quantities.Count) continue;
                    w.WriteStartObject();
                    w.WriteString(Key.Id, OutputNames.QuantityId(qi));
                    SpanFields(a.Quantities[qi].Span);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray(Key.Supports);
                foreach (var other in c.Supports) w.WriteStringValue(OutputNames.ClaimId(other));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        // ---- hedges, quantities, quotations ---------------------------------------------------------

        private void WriteHedges()
        {
            w.WriteStartArray(Key.Hedges);
            for (int i = 0; i < a.Hedges.Count; i++)
            {
                var h = a.Hedges[i];
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.HedgeId(i));
                w.WriteString(Key.Kind, OutputNames.Of(h.Kind));
                SpanOrNull(Key.Cue, h.Cue);
                SpanOrNull(Key.Scope, h.Scope);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        /// <summary>References to hedges from an attribution or claim: id, kind and cue, so a reader need not look them up.</summary>
        private void HedgeRefs(List<int> indexes)
        {
            w.WriteStartArray(Key.Hedges);
            foreach (var hi in indexes)
            {
                if ((uint)hi >= (uint)a.Hedges.Count) continue;
                var h = a.Hedges[hi];
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.HedgeId(hi));
                w.WriteString(Key.Kind, OutputNames.Of(h.Kind));
                SpanOrNull(Key.Cue, h.Cue);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteQuantities()
        {
            w.WriteStartArray(Key.Quantities);
            for (int i = 0; i < a.Quantities.Count; i++)
            {
                var q = a.Quantities[i];
                w.WriteStartObject();
                w.WriteString(Key.Id, OutputNames.QuantityId(i));
                w.WriteString(Key.Kind, OutputNames.Of(q.Kind));
                SpanFields(q.Span);
                SpanOrNull(Key.Number, q.Number);
                Number(Key.Value, q.Value);
                if (q.UpperValue is { } upper) Number(Key.UpperValue, upper);
                if (q.ValueText is not null) w.WriteString(Key.ValueText, q.ValueText);
                SpanOrNull(Key.Counted, q.Counted);
                StringOrNull(Key.Unit, q.Unit);
                w.WriteBoolean(Key.Approximate, q.Approximate);
                w.WriteString(Key.Bound, OutputNames.Of(q.Bound));
                SpanOrNull(Key.Qualifier, q.Qualifier);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteQuotations()
        {
            w.WriteStartArray(Key.Quotations);
            foreach (var q in a.Quotations)
            {
                w.WriteStartObject();
                SpanFields(q.Outer);
                SpanOrNull(Key.Inner, q.Inner);
                w.WriteBoolean(Key.Single, q.Single);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        // ---- helpers --------------------------------------------------------------------------------

        private Entity? EntityAt(int id)
        {
            if (id < 0) return null;
            var list = a.Entities;
            if (id < list.Count && list[id].Id == id) return list[id];
            foreach (var e in list) if (e.Id == id) return e;
            return null;
        }

        private void EntityRef(Entity e)
        {
            w.WriteString(Key.Entity, e.Canonical);
            w.WriteString(Key.EntityId, OutputNames.EntityId(e.Id));
        }

        private void SpanFields(TextSpan span)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > a.Text.Length)
                throw new InvalidOperationException($"Span {span} lies outside the article text (length {a.Text.Length}): a stage produced a bad offset.");
            w.WriteString(Key.Text, a.Text.AsSpan(span.Start, span.Length));
            w.WriteNumber(Key.Start, span.Start);
            w.WriteNumber(Key.End, span.End);
        }

        private void SpanObject(TextSpan span)
        {
            w.WriteStartObject();
            SpanFields(span);
            w.WriteEndObject();
        }

        private void SpanOrNull(JsonEncodedText name, TextSpan? span)
        {
            if (span is { } s)
            {
                w.WriteStartObject(name);
                SpanFields(s);
                w.WriteEndObject();
            }
            else w.WriteNull(name);
        }

        private void StringOrNull(JsonEncodedText name, string? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteString(name, value);
        }

        private void StringArray(JsonEncodedText name, List<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        /// <summary>JSON has no NaN or infinity: such a value is written as null.</summary>
        private void Number(JsonEncodedText name, double value)
        {
            if (double.IsFinite(value)) w.WriteNumber(name, value);
            else w.WriteNull(name);
        }
    }
}
