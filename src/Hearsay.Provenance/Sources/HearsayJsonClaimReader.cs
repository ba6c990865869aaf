using System.Globalization;
using System.Text.Json;
using Hearsay.Output;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Sources;

/// <summary>
/// Reads the provenance layer's view of an article (<see cref="ClaimArticle"/>) straight from a
/// hearsay.article/1 document (docs/output.md): the output of <c>hearsay analyze --format json|jsonl</c>, with or
/// without the article text, or an analysis kept in a store. Nothing is analyzed again: the claims, chains,
/// entities and quantities are taken as written. Only the fields the provenance layer needs are read, so
/// optional fields added to the format later do no harm.
/// </summary>
public static class HearsayJsonClaimReader
{
    /// <summary>True when the element looks like a hearsay.article/1 document.</summary>
    public static bool IsArticleDocument(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
        && s.GetString() == JsonArticleWriter.SchemaName;

    /// <exception cref="FormatException">Not a hearsay.article/1 document.</exception>
    public static ClaimArticle Read(string json, long sequence = 0)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
            return Read(doc.RootElement, sequence);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON: {ex.Message}", ex);
        }
    }

    /// <exception cref="FormatException">Not a hearsay.article/1 document, or a needed field is missing or ill-typed.</exception>
    public static ClaimArticle Read(JsonElement root, long sequence = 0, string? id = null)
    {
        if (!IsArticleDocument(root)) throw new FormatException($"not a {JsonArticleWriter.SchemaName} document");
        try
        {
            return ReadCore(root, sequence, id);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException($"a {JsonArticleWriter.SchemaName} document with a missing or ill-typed field: {ex.Message}", ex);
        }
    }

    private static ClaimArticle ReadCore(JsonElement root, long sequence, string? id)
    {
        var source = root.GetProperty("source");
        string? url = Str(source, "url"), path = Str(source, "path"), outlet = Str(source, "outlet");
        DateTimeOffset? published = null;
        var dateFrom = DateSource.None;
        if (Str(source, "published") is { } p && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            published = dto;
            dateFrom = DateSource.Metadata;
        }
        string language = root.TryGetProperty("language", out var lang) ? Str(lang, "code") ?? "und" : "und";
        var structure = root.TryGetProperty("structure", out var st) ? st : default;
        if (published is null && structure.ValueKind == JsonValueKind.Object && HeaderDate(root, structure) is { } inText)
        {
            published = inText;
            dateFrom = DateSource.Text;
        }
        string? title = structure.ValueKind == JsonValueKind.Object && structure.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object ? Str(t, "text") : null;
        var authors = new List<string>();
        if (structure.ValueKind == JsonValueKind.Object && structure.TryGetProperty("authors", out var au) && au.ValueKind == JsonValueKind.Array)
            foreach (var x in au.EnumerateArray()) if (Str(x, "text") is { } name) authors.Add(name);
        string? text = Str(root, "text");
        // Without the text, the id rests on the URL or the path; with it, on the text like an in-memory analysis.
        var info = new ArticleInfo
        {
            Id = id ?? ArticleIds.Of(url, text ?? (url is null && path is null ? root.GetRawText() : null), path),
            Path = path, Url = url, Title = title, Outlet = outlet, Published = published, PublishedFrom = dateFrom,
            Language = language, Sequence = sequence, Authors = authors,
        };
        var result = new ClaimArticle { Info = info };

        var entityKeys = new Dictionary<string, (string Key, bool State)>(StringComparer.Ordinal);
        var mentions = new List<(int Start, int End, string Key)>();
        foreach (var e in Array(root, "entities"))
        {
            string eid = Str(e, "id") ?? "", type = Str(e, "type") ?? "other", canonical = Str(e, "canonical") ?? "";
            bool state = e.TryGetProperty("state_media", out var sm) && sm.ValueKind == JsonValueKind.True;
            var key = Keys.Entity(type, canonical, Str(e, "gazetteer_id"));
            entityKeys[eid] = (key, state);
            result.Entities.Add(new EntityFact(eid, type, canonical, key, state));
            foreach (var m in Array(e, "mentions"))
            {
                var kind = Str(m, "kind");
                if (kind is "pronoun" or "description") continue;
                mentions.Add((Int(m, "start"), Int(m, "end"), key));
            }
        }
        mentions.Sort((x, y) => x.Start.CompareTo(y.Start)); // text order, as the model keeps them
        var attributionKinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributionSpans = new List<(int Start, int End)>();
        foreach (var at in Array(root, "attributions"))
        {
            if (Str(at, "id") is { } aid) attributionKinds[aid] = Str(at, "kind") ?? "indirect";
            foreach (var part in new[] { "cue", "source", "medium" })
                if (at.TryGetProperty(part, out var sp) && sp.ValueKind == JsonValueKind.Object) attributionSpans.Add((Int(sp, "start"), Int(sp, "end")));
            foreach (var r in Array(at, "relays")) attributionSpans.Add((Int(r, "start"), Int(r, "end")));
        }
        var quantities = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var q in Array(root, "quantities"))
            if (Str(q, "id") is { } qid) quantities[qid] = q;
        var outletKey = OutletDirectory.Default.Resolve(outlet, url);

        foreach (var c in Array(root, "claims"))
        {
            int start = Int(c, "start"), end = Int(c, "end");
            var attribution = Str(c, "attribution");
            var assessment = c.TryGetProperty("assessment", out var asm) ? asm : default;
            var mention = new ClaimMention
            {
                ArticleId = info.Id,
                LocalId = Str(c, "id") ?? "",
                Text = Str(c, "text") ?? "",
                Start = start,
                End = end,
                Form = attribution is not null && attributionKinds.TryGetValue(attribution, out var form) ? form : "unattributed",
                Origin = assessment.ValueKind == JsonValueKind.Object ? Str(assessment, "origin") ?? "unattributed" : "unattributed",
                StateMediaOrigin = assessment.ValueKind == JsonValueKind.Object && Bool(assessment, "state_media_origin"),
                HedgedByAuthor = assessment.ValueKind == JsonValueKind.Object && Bool(assessment, "hedged_by_author"),
                Headline = attribution is null,
            };
            foreach (var link in Array(c, "chain"))
            {
                string role = Str(link, "role") ?? "origin", name = Str(link, "name") ?? "", kind = Str(link, "kind") ?? "unknown";
                bool inferred = Bool(link, "inferred"), state = false, identified = false;
                string key;
                if (Str(link, "entity_id") is { } le && entityKeys.TryGetValue(le, out var ek)) { (key, state) = ek; identified = true; }
                else if (role == "outlet") (key, _, state) = outletKey;
                else if (role == "author") key = "author:" + Keys.Fold(name);
                else if (role is "relay" or "medium")
                {
                    var resolved = OutletDirectory.Default.Resolve(name);
                    identified = resolved.Key.StartsWith("g:", StringComparison.Ordinal);
                    key = identified ? resolved.Key : Keys.Phrase(kind, name);
                    state = resolved.StateMedia;
                }
                else key = Keys.Phrase(kind, name);
                if (role == "outlet") identified = key.Length > 0;
                if (!identified)
                {
                    name = Phrases.Clean(name, language);
                    if (role is not ("author" or "outlet")) key = Keys.Phrase(kind, name);
                }
                mention.Chain.Add(new ChainHop(role, name, kind, key, inferred, state, identified));
            }
            foreach (var qref in Array(c, "quantities"))
            {
                if (Str(qref, "id") is not { } qid || !quantities.TryGetValue(qid, out var q)) continue;
                double? upper = q.TryGetProperty("upper_value", out var uv) && uv.ValueKind == JsonValueKind.Number ? uv.GetDouble() : null;
                bool hasNumber = q.TryGetProperty("number", out var num) && num.ValueKind == JsonValueKind.Object;
                mention.Quantities.Add(new QuantityFact(Str(q, "kind") ?? "count", Num(q, "value"), upper, Str(q, "unit"),
                    Str(q, "bound") ?? "exact", Bool(q, "approximate"), Str(q, "text") ?? "",
                    q.TryGetProperty("qualifier", out var ql) && ql.ValueKind == JsonValueKind.Object ? Str(ql, "text") : null, Str(q, "value_text"),
                    hasNumber ? Str(num, "text") ?? "" : ""));
                if (hasNumber) Cover(mention, start, end, Int(num, "start"), Int(num, "end"));
                if (q.TryGetProperty("qualifier", out var qq) && qq.ValueKind == JsonValueKind.Object) Cover(mention, start, end, Int(qq, "start"), Int(qq, "end"));
            }
            // Attribution phrases inside the claim say who reported it, not what (see ArticleClaimsExtractor).
            foreach (var (ss, se) in attributionSpans) Cover(mention, start, end, ss, se);
            foreach (var (ms, me, key) in mentions)
            {
                if (ms < start || me > end) continue;
                if (!mention.EntityKeys.Contains(key)) mention.EntityKeys.Add(key);
                Cover(mention, start, end, ms, me);
            }
            foreach (var s in Array(c, "supports")) if (s.ValueKind == JsonValueKind.String) mention.Supports.Add(s.GetString()!);
            foreach (var h in Array(c, "hedges")) if (Str(h, "kind") is { } hk) mention.HedgeKinds.Add(hk);
            result.Claims.Add(mention);
        }
        return result;
    }

    private static void Cover(ClaimMention mention, int cStart, int cEnd, int start, int end)
    {
        int s = Math.Max(start, cStart) - cStart, e = Math.Min(end, cEnd) - cStart;
        if (e > s) mention.Covered.Add((s, e));
    }

    /// <summary>A full date in the byline block or the dateline (see <see cref="ArticleClaimsExtractor"/>).</summary>
    private static DateTimeOffset? HeaderDate(JsonElement root, JsonElement structure)
    {
        var header = new List<(int, int)>();
        if (structure.TryGetProperty("dateline", out var d) && d.ValueKind == JsonValueKind.Object) header.Add((Int(d, "start"), Int(d, "end")));
        foreach (var b in Array(structure, "blocks"))
            if (Str(b, "kind") == "byline") header.Add((Int(b, "start"), Int(b, "end")));
        if (header.Count == 0) return null;
        foreach (var q in Array(root, "quantities"))
        {
            if (Str(q, "kind") != "date" || Str(q, "value_text") is not { Length: 10 } iso) continue;
            int qs = Int(q, "start"), qe = Int(q, "end");
            if (!header.Any(h => qs < h.Item2 && h.Item1 < qe)) continue;
            if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var date))
                return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        return null;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static double Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
