using Hearsay.Attributions;
using Hearsay.Document;

namespace Hearsay.Coreference;

/// <summary>
/// Rules, in order: (1) sources that hold a name, and appositions "role + name", teach the entity its
/// roles, nationality and gender; (2) in text order, a surname alone links to the person with that
/// surname; a definite description or a pronoun links to the most recent compatible speaker in the
/// running text (headings and captions are not running text); an indefinite description with no
/// antecedent waits for the first person named later with the same role (a teaser that introduces
/// "ein russischer Militärexperte" before the body names him).
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly Article a;
    private readonly TokenView v;
    private readonly AttributionLexicon lex;
    private readonly Dictionary<int, int> lastSpoke = new(); // entity -> offset of its latest source mention

    /// <summary>The token view built at construction (its mention index predates the mentions added here).</summary>
    internal TokenView View => v;

    public SpeakerResolver(Article article, AttributionLexicon lexicon)
    {
        a = article;
        lex = lexicon;
        v = new TokenView(article, lexicon);
    }

    public void Run()
    {
        var sources = a.Attributions.Where(x => x.Source.Span is not null)
            .Select(x => x.Source).Distinct().OrderBy(s => s.Span!.Value.Start).ToList();
        // Pass 1: names.
        foreach (var src in sources) LearnFromName(src);
        // Pass 2: everything else, in text order.
        var pendingIndefinite = new List<SourceRef>();
        foreach (var src in sources)
        {
            if (src.EntityId >= 0) { Note(src); continue; }
            if (src.Kind is not (SourceKind.Person or SourceKind.Unknown)) continue;
            var span = src.Span!.Value;
            int first = a.TokenIndexAt(span.Start);
            int end = a.TokenIndexAt(span.End);
            if (end - first == 1 && v.IsPronoun(first))
            {
                lex.Pronouns.TryGet(v.S(first), out var g);
                int e = Antecedent(span.Start, g, null, null);
                if (e >= 0) Link(src, e, MentionKind.Pronoun);
                continue;
            }
            var (role, roleGender) = RoleOf(src, first, end);
            var nationality = NationalityIn(first, end);
            bool indefinite = v.Is(first, "ein") || v.Is(first, "eine") || v.Is(first, "einer") || v.Is(first, "a") || v.Is(first, "an");
            if (role is null) continue; // neither pronoun nor description: nothing to resolve against
            if (indefinite) { pendingIndefinite.Add(src); continue; }
            int ent = Antecedent(span.Start, roleGender, role, nationality);
            if (ent >= 0) Link(src, ent, MentionKind.Description);
        }
        foreach (var src in pendingIndefinite)
        {
            int first = a.TokenIndexAt(src.Span!.Value.Start), end = a.TokenIndexAt(src.Span!.Value.End);
            var (role, _) = RoleOf(src, first, end);
            int ent = Cataphor(src.Span.Value.End, role, NationalityIn(first, end));
            if (ent >= 0) Link(src, ent, MentionKind.Description);
        }
        foreach (var att in a.Attributions)
            if (att.Source.EntityId >= 0 && att.Source.Kind == SourceKind.Unknown) att.Source.Kind = SourceKind.Person;
        RestoreTextOrder();
    }

    /// <summary>
    /// The hook from the coreference layer: a person or unknown source still without an entity takes the
    /// person entity of the chain its markable (a pronoun or description with the source's span, or heading
    /// it) belongs to. Run after the markables are chained.
    /// </summary>
    public void LinkFromChains()
    {
        if (a.Markables.Count == 0) return;
        bool linked = false;
        foreach (var src in a.Attributions.Select(x => x.Source).Distinct())
        {
            if (src.EntityId >= 0 || src.Span is not { } span || src.Kind is not (SourceKind.Person or SourceKind.Unknown)) continue;
            foreach (var m in a.Markables)
            {
                if (m.Span.Start < span.Start) continue;
                if (m.Span.Start > span.Start) break;
                if (m.EntityId < 0 || m.Kind == MarkableKind.Name || a.Entities[m.EntityId].Type != EntityType.Person) continue;
                if (m.Span.End > span.End) continue;
                Link(src, m.EntityId, m.Kind == MarkableKind.Pronoun ? MentionKind.Pronoun : MentionKind.Description);
                linked = true;
                break;
            }
        }
        if (linked)
        {
            foreach (var att in a.Attributions)
                if (att.Source.EntityId >= 0 && att.Source.Kind == SourceKind.Unknown) att.Source.Kind = SourceKind.Person;
            RestoreTextOrder();
        }
    }

    /// <summary>Mentions added here were appended; put all mentions back in text order and renumber the references.</summary>
    private void RestoreTextOrder()
    {
        var order = Enumerable.Range(0, a.Mentions.Count).OrderBy(i => a.Mentions[i].Span.Start).ThenBy(i => i).ToArray();
        bool sorted = true;
        for (int i = 0; i < order.Length && sorted; i++) sorted = order[i] == i;
        if (sorted) return;
        var newIndex = new int[order.Length];
        for (int n = 0; n < order.Length; n++) newIndex[order[n]] = n;
        var mentions = order.Select(i => a.Mentions[i]).ToList();
        a.Mentions.Clear();
        a.Mentions.AddRange(mentions);
        foreach (var e in a.Entities)
        {
            for (int k = 0; k < e.Mentions.Count; k++) e.Mentions[k] = newIndex[e.Mentions[k]];
            e.Mentions.Sort();
        }
        // Continued statements share their speaker's SourceRef: renumber each one once.
        foreach (var src in a.Attributions.Select(x => x.Source).Distinct())
            if (src.MentionId >= 0) src.MentionId = newIndex[src.MentionId];
    }

    /// <summary>A source that names someone: link or create the entity; learn role, nationality, gender.</summary>
    private void LearnFromName(SourceRef src)
    {
        var span = src.Span!.Value;
        int first = a.TokenIndexAt(span.Start), end = a.TokenIndexAt(span.End);
        int ent = src.EntityId;
        if (ent < 0 && src.Kind is SourceKind.Person or SourceKind.Unknown)
        {
            // Name tokens: the run of capitalized words right after the role noun ("Senator John Smith"),
            // or before an apposition ("Maria Lopez, a spokeswoman"), or the whole phrase without a role.
            int roleTok = src.Role is { } r ? a.TokenIndexAt(r.Start) : -1;
            int comma = -1;
            for (int k = first; k < end; k++) if (v.IsComma(k)) { comma = k; break; }
            int nameStart = comma > first && roleTok > comma ? first : roleTok >= 0 ? roleTok + 1 : first;
            int limit = comma > first && roleTok > comma ? comma : end;
            while (nameStart < limit && !(v.IsNameWord(nameStart) && !IsRoleWord(nameStart))) nameStart++;
            int nameEnd = nameStart;
            while (nameEnd < limit && v.IsNameWord(nameEnd) && !IsRoleWord(nameEnd)) nameEnd++;
            if (limit != end && nameEnd == limit) end = limit;
            if (nameEnd > nameStart && (nameEnd == end) && !IsCommonNounOnly(nameStart, nameEnd) && !HoldsOtherNames(nameStart, nameEnd))
            {
                var nameSpan = a.SpanOfTokens(nameStart, nameEnd - 1);
                ent = FindPersonByName(a.Slice(nameSpan), nameEnd - nameStart == 1);
                // A determiner without a role marks an institution ("The White House"), not a person.
                if (ent < 0 && (nameEnd - nameStart >= 2 || roleTok >= 0) && (roleTok >= 0 || v.Fn(first) != FunctionClass.Determiner) && !OverlapsName(nameSpan))
                    ent = NewPerson(a.StringOf(nameSpan));
                if (ent >= 0)
                {
                    var kind = a.Entities[ent].Canonical.Length > nameSpan.Length ? MentionKind.PartialName : MentionKind.Name;
                    AddMention(ent, nameSpan, kind);
                    src.EntityId = ent;
                    src.Kind = SourceKind.Person;
                }
            }
        }
        if (src.EntityId < 0) return;
        var entity = a.Entities[src.EntityId];
        if (entity.Type != EntityType.Person) return;
        var (role, gender) = RoleOf(src, first, end);
        if (role is not null && !entity.Roles.Contains(role)) entity.Roles.Add(role);
        if (entity.Gender == Gender.Unknown && gender is Gender.Masculine or Gender.Feminine) entity.Gender = gender;
        var nat = NationalityIn(first, end);
        if (nat is not null && !entity.Attributes.Contains(nat)) entity.Attributes.Add(nat);
    }

    /// <summary>Whether the run holds a name the entity stage gave to someone or something else ("Russland", "Kreml"),
    /// the name of a work, event or product, or a compound word led by a name ("EU-weit"; the rule stages' view leaves
    /// those two out): then it is no one person's name.</summary>
    private bool HoldsOtherNames(int start, int end)
    {
        var run = a.SpanOfTokens(start, end - 1);
        foreach (var mention in a.Mentions)
            if (mention.Span.Overlaps(run) && (mention.Kind == MentionKind.Modifier
                                              || mention.EntityId >= 0 && a.Entities[mention.EntityId].Type == EntityType.Other)) return true;
        for (int k = start; k < end; k++)
        {
            int m = v.MentionAt[k];
            if (m < 0) continue;
            var mention = a.Mentions[m];
            if (mention.Kind.Qualifies()) continue;
            bool exact = k == start && v.MentionEnd[k] == end;
            if (!exact) return true;
        }
        return false;
    }

    private bool IsRoleWord(int k) => v.IsWord(k) && (v.German ? lex.Roles.TryGet(v.S(k), out _, out _) : lex.Roles.TryGetExact(v.S(k), out _));

    private bool IsCommonNounOnly(int start, int end)
    {
        for (int k = start; k < end; k++)
            if (lex.SourceNouns.TryGet(v.S(k), out _, out _) || lex.MediaNouns.TryGet(v.S(k), out _, out _)) return true;
        return false;
    }

    private int FindPersonByName(ReadOnlySpan<char> name, bool surnameOnly)
    {
        for (int e = 0; e < a.Entities.Count; e++)
        {
            var ent = a.Entities[e];
            if (ent.Type != EntityType.Person) continue;
            var canon = ent.Canonical.AsSpan();
            if (canon.Equals(name, StringComparison.OrdinalIgnoreCase)) return e;
            if (surnameOnly)
            {
                int sp = canon.LastIndexOf(' ');
                if (sp > 0 && canon[(sp + 1)..].Equals(name, StringComparison.OrdinalIgnoreCase)) return e;
                var trimmed = name.EndsWith("s") ? name[..^1] : name; // "Korotchenkos"
                if (sp > 0 && canon[(sp + 1)..].Equals(trimmed, StringComparison.OrdinalIgnoreCase)) return e;
            }
        }
        return -1;
    }

    private int NewPerson(string name)
    {
        var e = new Entity { Id = a.Entities.Count, Type = EntityType.Person, Canonical = name };
        a.Entities.Add(e);
        return e.Id;
    }

    /// <summary>Name mentions never overlap: a span inside or across another entity's name gets no mention of its own.</summary>
    private bool OverlapsName(TextSpan span)
    {
        foreach (var other in a.Mentions)
            if (other.Kind != MentionKind.Adjective && other.Span.Overlaps(span)) return true;
        return false;
    }

    private void AddMention(int entity, TextSpan span, MentionKind kind)
    {
        foreach (var m in a.Entities[entity].Mentions)
            if (a.Mentions[m].Span == span) return;
        if (kind is MentionKind.Name or MentionKind.PartialName && OverlapsName(span)) return;
        var mention = new Mention { Span = span, Kind = kind, EntityId = entity };
        a.Mentions.Add(mention);
        a.Entities[entity].Mentions.Add(a.Mentions.Count - 1);
    }

    private void Link(SourceRef src, int entity, MentionKind kind)
    {
        src.EntityId = entity;
        src.Kind = SourceKind.Person;
        var span = src.Span!.Value;
        AddMention(entity, span, kind);
        src.MentionId = a.Mentions.FindIndex(m => m.Span == span && m.EntityId == entity);
        if (src.MentionId >= 0 && src.Role is { } r) a.Mentions[src.MentionId].Role = r;
        Note(src);
        int first = a.TokenIndexAt(span.Start), end = a.TokenIndexAt(span.End);
        var (role, _) = RoleOf(src, first, end);
        if (role is not null && !a.Entities[entity].Roles.Contains(role)) a.Entities[entity].Roles.Add(role);
    }

    private void Note(SourceRef src)
    {
        if (src.EntityId >= 0 && src.Span is { } s) lastSpoke[src.EntityId] = s.Start;
    }

    private (string? Role, Gender Gender) RoleOf(SourceRef src, int first, int end)
    {
        if (src.Role is not { } r) return (null, DeterminerGender(first));
        var word = a.Slice(r);
        var role = a.StringOf(r);
        if (lex.Roles.TryGet(word, out var info, out _)) return (role, info.Gender == Gender.Unknown ? DeterminerGender(first) : info.Gender);
        return (role, DeterminerGender(first));
    }

    private Gender DeterminerGender(int first)
    {
        if (!v.German) return Gender.Unknown;
        if (v.Is(first, "der") || v.Is(first, "ein")) return Gender.Masculine;
        if (v.Is(first, "die") || v.Is(first, "eine")) return Gender.Feminine;
        return Gender.Unknown;
    }

    /// <summary>A nationality in the phrase: an adjective mention of a country ("russische"), as its entity's ISO code or name.</summary>
    private string? NationalityIn(int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            int m = v.MentionAt[k];
            if (m < 0) continue;
            var mention = a.Mentions[m];
            if (mention.Kind == MentionKind.Adjective && mention.EntityId >= 0)
                return a.Entities[mention.EntityId].Iso ?? a.Entities[mention.EntityId].Canonical;
        }
        return null;
    }

    private bool InRunningText(int offset)
    {
        int b = a.Structure.BlockIndexAt(offset);
        return b < 0 || a.Structure.Blocks[b].IsBody;
    }

    /// <summary>The most recent compatible person before <paramref name="offset"/> in the running text, speakers first.</summary>
    private int Antecedent(int offset, Gender gender, string? role, string? nationality)
    {
        int best = -1;
        double bestScore = double.MinValue;
        for (int e = 0; e < a.Entities.Count; e++)
        {
            var ent = a.Entities[e];
            if (ent.Type != EntityType.Person) continue;
            if (!Compatible(ent, gender, nationality)) continue;
            int last = -1;
            foreach (var mi in ent.Mentions)
            {
                if (a.Mentions[mi].Kind.Qualifies()) continue;
                var s = a.Mentions[mi].Span;
                if (s.Start < offset && InRunningText(s.Start) && s.Start > last) last = s.Start;
            }
            if (lastSpoke.TryGetValue(e, out var spoke) && spoke < offset && spoke > last) last = spoke;
            if (last < 0) continue;
            double score = -(offset - last);
            if (lastSpoke.ContainsKey(e)) score += 400;             // speakers stay in focus
            if (role is not null && ent.Roles.Any(r => SameRoleFamily(r, role))) score += 300;
            if (nationality is not null && ent.Attributes.Contains(nationality)) score += 200;
            if (score > bestScore) { bestScore = score; best = e; }
        }
        return best;
    }

    /// <summary>The first person named after <paramref name="offset"/> with the same role (or nationality and a role of the same family).</summary>
    private int Cataphor(int offset, string? role, string? nationality)
    {
        int best = -1, bestAt = int.MaxValue;
        for (int e = 0; e < a.Entities.Count; e++)
        {
            var ent = a.Entities[e];
            if (ent.Type != EntityType.Person) continue;
            bool roleMatch = role is not null && ent.Roles.Any(r => SameRoleFamily(r, role));
            if (!roleMatch) continue;
            if (nationality is not null && ent.Attributes.Count > 0 && !ent.Attributes.Contains(nationality)) continue;
            foreach (var mi in ent.Mentions)
            {
                if (a.Mentions[mi].Kind.Qualifies()) continue;
                var s = a.Mentions[mi].Span;
                if (s.Start > offset && s.Start < bestAt) { bestAt = s.Start; best = e; }
            }
        }
        return best;
    }

    private static bool Compatible(Entity ent, Gender gender, string? nationality)
    {
        if (gender is Gender.Masculine && ent.Gender == Gender.Feminine) return false;
        if (gender is Gender.Feminine && ent.Gender == Gender.Masculine) return false;
        if (gender == Gender.Plural) return false;
        if (nationality is not null && ent.Attributes.Count > 0 && !ent.Attributes.Contains(nationality)) return false;
        return true;
    }

    /// <summary>Roles of one family share their head: "Militärexperte" and "Verteidigungsexperte" are both experts.</summary>
    private bool SameRoleFamily(string a1, string a2)
    {
        if (a1.Equals(a2, StringComparison.OrdinalIgnoreCase)) return true;
        if (!lex.Roles.TryGet(a1, out _, out int h1) || !lex.Roles.TryGet(a2, out _, out int h2)) return false;
        return a1.AsSpan(h1).Equals(a2.AsSpan(h2), StringComparison.OrdinalIgnoreCase);
    }
}
