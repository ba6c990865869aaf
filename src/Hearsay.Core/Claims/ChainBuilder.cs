using Hearsay.Attributions;
using Hearsay.Document;

namespace Hearsay.Claims;

/// <summary>
/// Builds sourcing chains and assessments. Rules a reader should know:
/// <list type="bullet">
/// <item>A nested attribution (a speaker citing "Berichte") puts the inner source first and the speaker next.</item>
/// <item>A source "in dem Bericht" whose report is cited as a source nearby is carried by that report; the
///   report's own statements then rest on that source too (marked inferred).</item>
/// <item>A generic medium ("im staatlichen Fernsehen") resolves to the media outlet the same speaker is
///   quoted on elsewhere in the article, and a relay stated for one of a speaker's statements carries
///   over to the speaker's other statements from the same medium (both marked inferred).</item>
/// </list>
/// </summary>
internal sealed class ChainBuilder
{
    private readonly Article a;
    private readonly AttributionLexicon? lex;
    private readonly Dictionary<int, Attribution> carriedBy = new();          // report attribution id -> a source quoted in it
    private readonly Dictionary<int, List<Attribution>> bySpeaker = new();    // entity id -> that speaker's attributions

    public ChainBuilder(Article article, AttributionLexicon lexicon)
    {
        a = article;
        lex = article.Language is "de" or "en" ? lexicon : null;
        foreach (var att in article.Attributions)
        {
            if (att.Source.EntityId < 0) continue;
            if (!bySpeaker.TryGetValue(att.Source.EntityId, out var list)) bySpeaker[att.Source.EntityId] = list = new List<Attribution>();
            list.Add(att);
        }
    }

    /// <summary>Links a source that sits "in dem Bericht" to the attribution whose source is that report.</summary>
    public void Carriers()
    {
        if (lex is null) return;
        // Reports cited as sources, in text order; a source "in dem Bericht" looks back a short way for its report.
        var docs = a.Attributions.Where(x => x.Source.Kind == SourceKind.Document && x.Source.Span is not null)
            .OrderBy(x => x.Source.Span!.Value.Start).ToList();
        if (docs.Count == 0) return;
        foreach (var att in a.Attributions)
        {
            if (att.Medium is not { } medium) continue;
            var head = LastWord(medium);
            if (head.IsEmpty) continue;
            int lo = 0, hi = docs.Count;
            while (lo < hi) { int mid = (lo + hi) >> 1; if (docs[mid].Source.Span!.Value.Start < medium.Start) lo = mid + 1; else hi = mid; }
            for (int d = lo - 1; d >= 0; d--)
            {
                var doc = docs[d];
                var ds = doc.Source.Span!.Value;
                if (medium.Start - ds.End > 1500) break;
                if (doc == att || !SameHead(head, LastWord(ds))) continue;
                att.CarrierId = doc.Id;
                carriedBy.TryAdd(doc.Id, att);
                break;
            }
        }
    }

    private ReadOnlySpan<char> LastWord(TextSpan span)
    {
        var s = a.Slice(span).TrimEnd();
        int i = s.Length;
        while (i > 0 && char.IsLetter(s[i - 1])) i--;
        return s[i..];
    }

    private static bool SameHead(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.Equals(y, StringComparison.OrdinalIgnoreCase)) return true;
        // inflection: Bericht / Berichts / Berichte, report / reports
        int n = Math.Min(x.Length, y.Length);
        if (n < 4) return false;
        int common = 0;
        while (common < n && char.ToLowerInvariant(x[common]) == char.ToLowerInvariant(y[common])) common++;
        return common >= n - 1 && Math.Abs(x.Length - y.Length) <= 2;
    }

    public void ClaimFor(Attribution att)
    {
        var claim = new Claim { Id = a.Claims.Count, Content = att.Content, AttributionId = att.Id };
        var chain = claim.Chain;

        // Origin: a nested source first, then the speaker who passed it on.
        chain.Add(SourceLink(att.Source, ChainRole.Origin, inferred: false));
        var parent = att.ParentId >= 0 ? a.Attributions[att.ParentId] : null;
        var frame = att;
        if (parent is not null)
        {
            chain.Add(SourceLink(parent.Source, ChainRole.Speaker, inferred: false));
            frame = parent;
        }
        // A source quoted inside a report: the report carries it.
        if (frame.CarrierId >= 0)
            chain.Add(SourceLink(a.Attributions[frame.CarrierId].Source, ChainRole.Document, inferred: false));
        // A report whose statements come from a source quoted in it.
        if (carriedBy.TryGetValue(frame.Id, out var carried) && carried != frame && frame.Source.Kind == SourceKind.Document)
        {
            chain[0] = SourceLink(carried.Source, ChainRole.Origin, inferred: true);
            chain.Insert(1, SourceLink(frame.Source, ChainRole.Document, inferred: false));
            claim.Assessment.Notes.Add("The report's statement is taken to rest on the source the article names inside it.");
        }

        AddMediumAndRelays(frame, chain);
        AddAuthorAndOutlet(chain);

        foreach (var h in att.Hedges) claim.Hedges.Add(h);
        QuantitiesIn(att.Content, claim.Quantities);
        a.Claims.Add(claim);
    }

    private ChainLink SourceLink(SourceRef src, ChainRole role, bool inferred)
    {
        string name;
        if (src.EntityId >= 0) name = a.Entities[src.EntityId].Canonical;
        else if (src.Span is { } s) name = CleanPhrase(s);
        else name = "unknown";
        return new ChainLink(role, name, src.Kind, src.Span, src.EntityId, inferred);
    }

    /// <summary>The phrase without its leading determiner ("eine nordkoreanische Quelle" → "nordkoreanische Quelle").</summary>
    private string CleanPhrase(TextSpan span)
    {
        var text = a.StringOf(span);
        int sp = text.IndexOf(' ');
        if (sp > 0 && lex is not null && lex.Function.TryGet(text.AsSpan(0, sp), out var f) && f == FunctionClass.Determiner)
            return text[(sp + 1)..];
        return text;
    }

    private void AddMediumAndRelays(Attribution att, List<ChainLink> chain)
    {
        int mediumEntity = att.MediumEntityId;
        bool mediumInferred = false;
        // Resolve a generic medium, or a missing one, through the same speaker's other statements.
        var siblings = att.Source.EntityId >= 0 && bySpeaker.TryGetValue(att.Source.EntityId, out var same)
            ? same.Where(x => x != att).ToList()
            : new List<Attribution>();
        if (mediumEntity < 0 && att.Medium is not null)
        {
            var other = siblings.FirstOrDefault(x => x.MediumEntityId >= 0);
            if (other is not null && CompatibleMedium(att.Medium.Value, other.MediumEntityId)) { mediumEntity = other.MediumEntityId; mediumInferred = true; }
        }
        // "in dem Bericht" when the report is already in the chain as the carrier is not a second hop
        if (att.Medium is { } m && !(att.CarrierId >= 0 && mediumEntity < 0))
        {
            string name = mediumEntity >= 0 ? a.Entities[mediumEntity].Canonical : a.StringOf(m);
            chain.Add(new ChainLink(ChainRole.Medium, name, SourceKind.Media, m, mediumEntity, mediumInferred));
        }
        var relays = att.Relays.Select(r => (r, inferred: false)).ToList();
        if (relays.Count == 0)
        {
            // A relay named for the speaker's statement from the same medium (or with no medium given) carries over.
            foreach (var other in siblings)
            {
                if (other.Relays.Count == 0) continue;
                bool sameMedium = other.MediumEntityId < 0 || mediumEntity < 0 || other.MediumEntityId == mediumEntity;
                if (!sameMedium) continue;
                if (att.Medium is null && other.MediumEntityId >= 0)
                {
                    chain.Add(new ChainLink(ChainRole.Medium, a.Entities[other.MediumEntityId].Canonical, SourceKind.Media, other.Medium, other.MediumEntityId, true));
                }
                relays.AddRange(other.Relays.Select(r => (r, inferred: true)));
                break;
            }
        }
        foreach (var (r, inferred) in relays)
        {
            string name = r.EntityId >= 0 ? a.Entities[r.EntityId].Canonical : r.Name is { } n ? CleanPhrase(n) : a.StringOf(r.Span);
            chain.Add(new ChainLink(ChainRole.Relay, name, SourceKind.Media, r.Name ?? r.Span, r.EntityId, inferred || r.Inferred));
        }
    }

    /// <summary>A generic medium ("Fernsehen", "television") is compatible with a broadcaster; state markers need state media.</summary>
    private bool CompatibleMedium(TextSpan medium, int entity)
    {
        if (lex is null) return false;
        var e = a.Entities[entity];
        bool state = false, broadcast = false, any = false;
        foreach (var word in Words(medium))
        {
            if (lex.StateMarkers.Contains(word)) state = true;
            if (lex.MediaNouns.TryGet(word, out var mn, out _))
            {
                any = true;
                if (mn.Kind == "broadcast") broadcast = true;
                if (mn.State) state = true;
            }
        }
        if (!any) return false;
        if (state && !e.StateMedia) return false;
        if (broadcast && e.Subtype is not null && e.Subtype is not ("tv" or "radio" or "broadcaster")) return false;
        return true;
    }

    private IEnumerable<string> Words(TextSpan span)
    {
        foreach (var w in a.StringOf(span).Split(new[] { ' ', '-', ',' }, StringSplitOptions.RemoveEmptyEntries)) yield return w;
    }

    private void AddAuthorAndOutlet(List<ChainLink> chain)
    {
        foreach (var author in a.Structure.Authors)
            chain.Add(new ChainLink(ChainRole.Author, a.StringOf(author), SourceKind.Person, author, -1, false));
        if (!string.IsNullOrEmpty(a.Metadata.Outlet))
            chain.Add(new ChainLink(ChainRole.Outlet, a.Metadata.Outlet!, SourceKind.Media, null, -1, false));
        else if (a.Structure.DatelineAgency is { } agency)
            chain.Add(new ChainLink(ChainRole.Relay, a.StringOf(agency), SourceKind.Media, agency, -1, false));
    }

    /// <summary>Sentences of the headline and teaser that the author states without attribution.</summary>
    public void HeadlineClaims()
    {
        foreach (var s in a.Sentences)
        {
            if (s.BlockIndex < 0) continue;
            var kind = a.Structure.Blocks[s.BlockIndex].Kind;
            if (kind is not (BlockKind.Title or BlockKind.Teaser)) continue;
            if (a.Attributions.Any(x => s.Span.Overlaps(x.Content) || s.Span.Contains(x.Cue))) continue;
            // Questions and pure speculation are not assertions.
            var last = a.Text[s.Span.End - 1];
            if (last == '?') continue;
            var claim = new Claim { Id = a.Claims.Count, Content = s.Span };
            AddAuthorAndOutlet(claim.Chain);
            if (claim.Chain.Count == 0) claim.Chain.Add(new ChainLink(ChainRole.Author, "the article", SourceKind.Unknown, null, -1, false));
            QuantitiesIn(s.Span, claim.Quantities);
            for (int h = 0; h < a.Hedges.Count; h++)
                if (s.Span.Contains(a.Hedges[h].Cue)) claim.Hedges.Add(h);
            a.Claims.Add(claim);
        }
    }

    /// <summary>Indexes of the quantities whose number lies in the span (quantities are sorted by start).</summary>
    private void QuantitiesIn(TextSpan span, List<int> into)
    {
        var qs = a.Quantities;
        int lo = 0, hi = qs.Count;
        while (lo < hi) { int mid = (lo + hi) >> 1; if (qs[mid].Span.Start < span.Start - 64) lo = mid + 1; else hi = mid; }
        for (int q = lo; q < qs.Count && qs[q].Span.Start < span.End; q++)
            if (span.Contains(qs[q].Number)) into.Add(q);
    }

    /// <summary>Claims by the values of their counted quantities, to find claims that state the same numbers.</summary>
    private Dictionary<(QuantityKind, double), List<Claim>> ByValue()
    {
        var map = new Dictionary<(QuantityKind, double), List<Claim>>();
        foreach (var c in a.Claims)
            foreach (var qi in c.Quantities)
            {
                var q = a.Quantities[qi];
                if (q.Kind is not (QuantityKind.Count or QuantityKind.Measure or QuantityKind.Money or QuantityKind.Percent) || q.Value == 0) continue;
                if (!map.TryGetValue((q.Kind, q.Value), out var list)) map[(q.Kind, q.Value)] = list = new List<Claim>();
                if (list.Count == 0 || list[^1] != c) list.Add(c);
            }
        return map;
    }

    private IEnumerable<Claim> SharingQuantity(Claim claim, Dictionary<(QuantityKind, double), List<Claim>> byValue)
    {
        var seen = new HashSet<int>();
        foreach (var qi in claim.Quantities)
        {
            var q = a.Quantities[qi];
            if (!byValue.TryGetValue((q.Kind, q.Value), out var list)) continue;
            foreach (var other in list)
                if (other != claim && seen.Add(other.Id)) yield return other;
        }
    }

    public void Assess()
    {
        var byValue = ByValue();
        foreach (var claim in a.Claims)
        {
            var asm = claim.Assessment;
            var att = claim.AttributionId >= 0 ? a.Attributions[claim.AttributionId] : null;
            if (att is null)
            {
                asm.Origin = OriginKind.Unattributed;
                asm.FirstHand = true;
                // The body sentences that carry the same numbers: a headline restating an attributed claim.
                foreach (var other in SharingQuantity(claim, byValue))
                    if (other.AttributionId >= 0) claim.Supports.Add(other.Id);
                if (claim.Supports.Count > 0)
                {
                    var supportOrigins = claim.Supports.Select(id => a.Claims[id].Chain[0].Name).Distinct().ToList();
                    asm.Notes.Add($"Stated as fact, but the body attributes it to {string.Join(", ", supportOrigins)}.");
                    asm.IndependentSources = supportOrigins.Count;
                }
                else asm.Notes.Add("Stated by the author without a source.");
                asm.HedgedByAuthor = claim.Hedges.Count > 0;
                continue;
            }
            var origin = claim.Chain[0];
            asm.Origin = origin.Kind switch
            {
                SourceKind.Anonymous => OriginKind.Anonymous,
                SourceKind.Vague => OriginKind.Vague,
                SourceKind.Document when origin.EntityId < 0 => OriginKind.Document,
                SourceKind.Unknown when origin.EntityId < 0 && !LooksNamed(origin) => OriginKind.Vague,
                _ => OriginKind.Named,
            };
            // A medium alone (a statement, a broadcast) can be witnessed by the author; a relay, a passing speaker
            // or a carrying document cannot.
            bool relayed = claim.Chain.Any(l => l.Role is ChainRole.Relay or ChainRole.Speaker or ChainRole.Document);
            asm.FirstHand = !relayed;
            asm.HedgedByAuthor = att.Hedges.Any(h => IsAuthorHedge(att, a.Hedges[h]));
            asm.StateMediaOrigin = claim.Chain.Any(l => l.EntityId >= 0 && a.Entities[l.EntityId].StateMedia)
                                   || (att.Medium is { } m && SaysStateMedia(m));
            // Independent sources: distinct origins among the article's claims that share its numbers.
            var origins = new HashSet<string> { origin.Name };
            foreach (var other in SharingQuantity(claim, byValue))
                if (other.AttributionId >= 0) origins.Add(other.Chain[0].Name);
            asm.IndependentSources = origins.Count;

            if (asm.IndependentSources == 1) asm.Notes.Add("single source");
            asm.Notes.Add(asm.Origin switch
            {
                OriginKind.Anonymous => "anonymous source",
                OriginKind.Vague => "vague source",
                OriginKind.Document => "unnamed document",
                _ => "named source",
            });
            var relays = claim.Chain.Where(l => l.Role == ChainRole.Relay).Select(l => l.Name).ToList();
            if (relays.Count > 0) asm.Notes.Add($"second-hand: relayed by {string.Join(", ", relays)}");
            else if (!asm.FirstHand) asm.Notes.Add("not first-hand");
            if (asm.StateMediaOrigin) asm.Notes.Add("state media origin");
            if (asm.HedgedByAuthor)
            {
                var cues = att.Hedges.Where(h => IsAuthorHedge(att, a.Hedges[h])).Select(h => a.StringOf(a.Hedges[h].Cue)).Distinct();
                asm.Notes.Add($"hedged by the author ({string.Join(", ", cues.Select(c => "'" + c + "'"))})");
            }
            var docs = claim.Chain.Where(l => l.Role == ChainRole.Document).ToList();
            if (docs.Count > 0 && asm.Origin == OriginKind.Anonymous) asm.Notes.Add("anonymous source inside a report");
        }
    }

    /// <summary>A source phrase with a capitalized word after its first: a name the entity stage did not type.</summary>
    private static bool LooksNamed(ChainLink link)
    {
        var words = link.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Skip(1).Any(w => w.Length > 1 && char.IsUpper(w[0])) || (words.Length == 1 && words[0].Length > 1 && char.IsUpper(words[0][0]) && words[0].Any(char.IsUpper));
    }

    /// <summary>A hedge in the attributing frame (outside a verbatim quote) is the author's, not the speaker's.</summary>
    private static bool IsAuthorHedge(Attribution att, Hedge h) =>
        h.Kind != HedgeKind.ScareQuotes ? !att.Content.Contains(h.Cue) || h.Cue == att.Cue || h.Scope == att.Content && h.Kind == HedgeKind.Distancing
                                       : att.Kind != AttributionKind.Direct;

    private bool SaysStateMedia(TextSpan medium)
    {
        if (lex is null) return false;
        foreach (var w in Words(medium))
        {
            if (lex.StateMarkers.Contains(w)) return true;
            if (lex.MediaNouns.TryGet(w, out var mn, out _) && mn.State) return true;
        }
        return false;
    }

}
