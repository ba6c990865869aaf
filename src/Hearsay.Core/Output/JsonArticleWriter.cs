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

    /// <summary>One article's rendering: the writer, the article and lookups built once.</summary>
    private sealed class Renderer(Utf8JsonWriter w, Article a, JsonOutputOptions options)
    {
        public void WriteArticle()
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaName);
            w.WriteString("hearsay_version", HearsayVersion);
            w.WriteString("pipeline_version", AnalysisPipeline.Version);
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
            if (options.IncludeText) w.WriteString("text", a.Text);
            w.WriteEndObject();
        }

        // ---- metadata -------------------------------------------------------------------------------

        private void WriteSource()
        {
            var m = a.Metadata;
            w.WriteStartObject("source");
            StringOrNull("path", m.Path);
            StringOrNull("url", m.Url);
            StringOrNull("outlet", m.Outlet);
            if (m.Published is { } published) w.WriteString("published", published);
            else w.WriteNull("published");
            StringOrNull("media_type", m.MediaType);
            StringOrNull("encoding", m.Encoding);
            w.WriteEndObject();
        }

        private void WriteLanguage()
        {
            w.WriteStartObject("language");
            w.WriteString("code", a.Language);
            w.WriteNumber("confidence", Math.Round(a.LanguageConfidence, 3));
            w.WriteBoolean("detected", string.IsNullOrEmpty(a.Metadata.Language));
            w.WriteEndObject();
        }

        private void WriteDiagnostics()
        {
            w.WriteStartArray("diagnostics");
            foreach (var d in a.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("severity", OutputNames.Of(d.Severity));
                w.WriteString("code", d.Code);
                w.WriteString("message", d.Message);
                if (d.Span is { } span) SpanFields(span);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteCounts()
        {
            int paragraphs = 0;
            foreach (var b in a.Structure.Blocks) if (b.Kind == BlockKind.Paragraph) paragraphs++;
            w.WriteStartObject("counts");
            w.WriteNumber("characters", a.Text.Length);
            w.WriteNumber("blocks", a.Structure.Blocks.Count);
            w.WriteNumber("paragraphs", paragraphs);
            w.WriteNumber("sentences", a.Sentences.Length);
            w.WriteNumber("tokens", a.Tokens.Length);
            w.WriteEndObject();
        }

        // ---- structure ------------------------------------------------------------------------------

        private void WriteStructure()
        {
            var s = a.Structure;
            w.WriteStartObject("structure");
            SpanOrNull("title", s.Title ?? FirstBlock(BlockKind.Title));
            SpanOrNull("byline", FirstBlock(BlockKind.Byline));
            w.WriteStartArray("authors");
            foreach (var author in s.Authors) SpanObject(author);
            w.WriteEndArray();
            SpanOrNull("teaser", FirstBlock(BlockKind.Teaser));
            if (s.Dateline is { } dateline)
            {
                w.WriteStartObject("dateline");
                SpanFields(dateline);
                SpanOrNull("place", s.DatelinePlace);
                SpanOrNull("agency", s.DatelineAgency);
                w.WriteEndObject();
            }
            else w.WriteNull("dateline");
            w.WriteStartArray("subheadings");
            foreach (var b in s.Blocks) if (b.Kind == BlockKind.Subheading) SpanObject(b.Span);
            w.WriteEndArray();
            w.WriteStartArray("captions");
            foreach (var c in s.Captions)
            {
                w.WriteStartObject();
                SpanFields(c.Text);
                SpanOrNull("credit", c.Credit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Blocks are a layout index over the text, the one place where spans come without their text
            // (it would repeat the whole article).
            w.WriteStartArray("blocks");
            foreach (var b in s.Blocks)
            {
                w.WriteStartObject();
                w.WriteString("kind", OutputNames.Of(b.Kind));
                w.WriteNumber("start", b.Span.Start);
                w.WriteNumber("end", b.Span.End);
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
            w.WriteStartArray("entities");
            foreach (var e in a.Entities)
            {
                w.WriteStartObject();
                w.WriteString("id", OutputNames.EntityId(e.Id));
                w.WriteString("type", OutputNames.Of(e.Type));
                w.WriteString("canonical", e.Canonical);
                if (e.Iso is not null) w.WriteString("iso", e.Iso);
                if (e.Country is not null) w.WriteString("country", e.Country);
                if (e.Subtype is not null) w.WriteString("subtype", e.Subtype);
                if (e.StateMedia) w.WriteBoolean("state_media", true);
                if (e.GazetteerId is not null) w.WriteString("gazetteer_id", e.GazetteerId);
                if (e.Gender != Gender.Unknown) w.WriteString("gender", OutputNames.Of(e.Gender));
                StringArray("roles", e.Roles);
                StringArray("attributes", e.Attributes);
                w.WriteStartArray("mentions");
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
            w.WriteString("kind", OutputNames.Of(m.Kind));
            w.WriteString("context", a.Text.AsSpan(ContextOf(m.Span)));
            if (m.Role is { } role) SpanOrNull("role", role);
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
            w.WriteStartArray("attributions");
            foreach (var at in a.Attributions)
            {
                w.WriteStartObject();
                w.WriteString("id", OutputNames.AttributionId(at.Id));
                w.WriteString("kind", OutputNames.Of(at.Kind));

                w.WriteStartObject("cue");
                SpanFields(at.Cue);
                if (at.CueParticle is { } particle) SpanOrNull("particle", particle);
                w.WriteEndObject();

                w.WriteStartObject("content");
                SpanFields(at.Content);
                if (at.ContentParts.Count > 0)
                {
                    w.WriteStartArray("parts");
                    foreach (var part in at.ContentParts) SpanObject(part);
                    w.WriteEndArray();
                }
                w.WriteEndObject();

                WriteSourceRef(at.Source);

                if (at.Medium is { } medium)
                {
                    w.WriteStartObject("medium");
                    SpanFields(medium);
                    if (EntityAt(at.MediumEntityId) is { } me) EntityRef(me);
                    w.WriteEndObject();
                }
                else w.WriteNull("medium");

                w.WriteStartArray("relays");
                foreach (var relay in at.Relays)
                {
                    w.WriteStartObject();
                    SpanFields(relay.Span);
                    SpanOrNull("name", relay.Name);
                    var re = EntityAt(relay.EntityId);
                    StringOrNull("entity", re?.Canonical);
                    StringOrNull("entity_id", re is null ? null : OutputNames.EntityId(re.Id));
                    w.WriteBoolean("inferred", relay.Inferred);
                    w.WriteEndObject();
                }
                w.WriteEndArray();

                StringOrNull("parent", at.ParentId >= 0 ? OutputNames.AttributionId(at.ParentId) : null);
                w.WriteStartArray("nested");
                foreach (var other in a.Attributions)
                    if (other.ParentId == at.Id && other.Id != at.Id) w.WriteStringValue(OutputNames.AttributionId(other.Id));
                w.WriteEndArray();
                StringOrNull("carrier", at.CarrierId >= 0 ? OutputNames.AttributionId(at.CarrierId) : null);

                w.WriteStartArray("signals");
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
            w.WriteStartObject("source");
            if (s.Span is { } span) SpanFields(span);
            else
            {
                w.WriteNull("text");
                w.WriteNull("start");
                w.WriteNull("end");
            }
            w.WriteString("kind", OutputNames.Of(s.Kind));
            var e = EntityAt(s.EntityId);
            StringOrNull("entity", e?.Canonical);
            StringOrNull("entity_id", e is null ? null : OutputNames.EntityId(e.Id));
            SpanOrNull("role", s.Role);
            w.WriteEndObject();
        }

        // ---- claims ---------------------------------------------------------------------------------

        private void WriteClaims()
        {
            w.WriteStartArray("claims");
            foreach (var c in a.Claims)
            {
                w.WriteStartObject();
                w.WriteString("id", OutputNames.ClaimId(c.Id));
                SpanFields(c.Content);
                StringOrNull("attribution", c.AttributionId >= 0 ? OutputNames.AttributionId(c.AttributionId) : null);

                w.WriteStartArray("chain");
                foreach (var link in c.Chain)
                {
                    w.WriteStartObject();
                    w.WriteString("role", OutputNames.Of(link.Role));
                    w.WriteString("name", link.Name);
                    w.WriteString("kind", OutputNames.Of(link.Kind));
                    if (link.Span is { } span) SpanFields(span);
                    if (EntityAt(link.EntityId) is { } le) w.WriteString("entity_id", OutputNames.EntityId(le.Id));
                    w.WriteBoolean("inferred", link.Inferred);
                    w.WriteEndObject();
                }
                w.WriteEndArray();

                var s = c.Assessment;
                w.WriteStartObject("assessment");
                w.WriteString("origin", OutputNames.Of(s.Origin));
                w.WriteBoolean("first_hand", s.FirstHand);
                w.WriteNumber("independent_sources", s.IndependentSources);
                w.WriteBoolean("hedged_by_author", s.HedgedByAuthor);
                w.WriteBoolean("state_media_origin", s.StateMediaOrigin);
                StringArray("notes", s.Notes);
                w.WriteEndObject();

                HedgeRefs(c.Hedges);
                w.WriteStartArray("quantities");
                foreach (var qi in c.Quantities)
                {
                    if ((uint)qi >= (uint)a.Quantities.Count) continue;
                    w.WriteStartObject();
                    w.WriteString("id", OutputNames.QuantityId(qi));
                    SpanFields(a.Quantities[qi].Span);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("supports");
                foreach (var other in c.Supports) w.WriteStringValue(OutputNames.ClaimId(other));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        // ---- hedges, quantities, quotations ---------------------------------------------------------

        private void WriteHedges()
        {
            w.WriteStartArray("hedges");
            for (int i = 0; i < a.Hedges.Count; i++)
            {
                var h = a.Hedges[i];
                w.WriteStartObject();
                w.WriteString("id", OutputNames.HedgeId(i));
                w.WriteString("kind", OutputNames.Of(h.Kind));
                SpanOrNull("cue", h.Cue);
                SpanOrNull("scope", h.Scope);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        /// <summary>References to hedges from an attribution or claim: id, kind and cue, so a reader need not look them up.</summary>
        private void HedgeRefs(List<int> indexes)
        {
            w.WriteStartArray("hedges");
            foreach (var hi in indexes)
            {
                if ((uint)hi >= (uint)a.Hedges.Count) continue;
                var h = a.Hedges[hi];
                w.WriteStartObject();
                w.WriteString("id", OutputNames.HedgeId(hi));
                w.WriteString("kind", OutputNames.Of(h.Kind));
                SpanOrNull("cue", h.Cue);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteQuantities()
        {
            w.WriteStartArray("quantities");
            for (int i = 0; i < a.Quantities.Count; i++)
            {
                var q = a.Quantities[i];
                w.WriteStartObject();
                w.WriteString("id", OutputNames.QuantityId(i));
                w.WriteString("kind", OutputNames.Of(q.Kind));
                SpanFields(q.Span);
                SpanOrNull("number", q.Number);
                Number("value", q.Value);
                if (q.UpperValue is { } upper) Number("upper_value", upper);
                if (q.ValueText is not null) w.WriteString("value_text", q.ValueText);
                SpanOrNull("counted", q.Counted);
                StringOrNull("unit", q.Unit);
                w.WriteBoolean("approximate", q.Approximate);
                w.WriteString("bound", OutputNames.Of(q.Bound));
                SpanOrNull("qualifier", q.Qualifier);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void WriteQuotations()
        {
            w.WriteStartArray("quotations");
            foreach (var q in a.Quotations)
            {
                w.WriteStartObject();
                SpanFields(q.Outer);
                SpanOrNull("inner", q.Inner);
                w.WriteBoolean("single", q.Single);
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
            w.WriteString("entity", e.Canonical);
            w.WriteString("entity_id", OutputNames.EntityId(e.Id));
        }

        private void SpanFields(TextSpan span)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > a.Text.Length)
                throw new InvalidOperationException($"Span {span} lies outside the article text (length {a.Text.Length}): a stage produced a bad offset.");
            w.WriteString("text", a.Text.AsSpan(span.Start, span.Length));
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
        }

        private void SpanObject(TextSpan span)
        {
            w.WriteStartObject();
            SpanFields(span);
            w.WriteEndObject();
        }

        private void SpanOrNull(string name, TextSpan? span)
        {
            if (span is { } s)
            {
                w.WriteStartObject(name);
                SpanFields(s);
                w.WriteEndObject();
            }
            else w.WriteNull(name);
        }

        private void StringOrNull(string name, string? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteString(name, value);
        }

        private void StringArray(string name, List<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        /// <summary>JSON has no NaN or infinity: such a value is written as null.</summary>
        private void Number(string name, double value)
        {
            if (double.IsFinite(value)) w.WriteNumber(name, value);
            else w.WriteNull(name);
        }
    }
}
