using Hearsay.Attributions;
using Hearsay.Document;

namespace Hearsay.Coreference;

/// <summary>
/// Groups the markables into chains, in text order, with deterministic rules:
/// <list type="number">
/// <item>the mentions of one entity of the entity layer form one chain (names and surnames are already
///   resolved there);</item>
/// <item>a first-person pronoun inside a quotation joins the chain of the quotation's speaker (or of the
///   quotation, when its speaker is unknown); outside quotations, all "I" of the article form one chain, and
///   so do all "we" and all "you" (the interviewee and interviewer of an interview);</item>
/// <item>a description joins a name it stands in apposition to ("Nick Bos, the biologist"), else the latest
///   chain with the same head noun, else a person whose role it names ("the expert" → the person seen as
///   "Militärexperte"), else (an organization or place noun) the latest entity of that kind named in the last
///   sentences whose name holds the noun or, failing that, of that kind;</item>
/// <item>a third-person pronoun joins the best-scored compatible chain of the last sentences: gender and
///   number agree ("she" never a masculine person, "they" a plural or an organization, "it" a thing, place or
///   organization), animacy agrees (he/she a person), and the score prefers the recent, the subject (first
///   markable of its sentence), the often mentioned and a chain that already holds the same pronoun.</item>
/// </list>
/// </summary>
internal sealed class ChainResolver
{
    private readonly Article a;
    private readonly CorefLexicon lex;
    private readonly List<Markable> ms;
    private readonly List<ChainInfo> chains = new();
    private readonly Dictionary<int, int> chainOfEntity = new();
    private readonly Dictionary<(int Person, bool Plural, int Context), int> firstPerson = new();
    private readonly int[] sentence;
    private readonly bool[] firstInSentence;

    private sealed class ChainInfo
    {
        public int EntityId = -1;
        public Animacy Animacy;
        public Gender Gender;
        public int LastSentence;
        public int LastStart;
        public int LastEnd;
        /// <summary>The words of the chain's first learned markable without its determiner, lower case: learned markables
        /// (nouns of any kind) continue a chain only with the same words ("the storm" … "this storm").</summary>
        public uint Words;
        public int Size;
        public bool LastIsSubject;
        /// <summary>Only first- or second-person pronouns so far: the speaker or addressee of a passage, which a
        /// third-person pronoun or a description does not continue.</summary>
        public bool Speech;
        public string? Head;
        /// <summary>Bit per <see cref="Gender"/> of the third-person pronouns in the chain.</summary>
        public int PronounGenders;
    }

    public ChainResolver(Article article, CorefLexicon lexicon, List<Markable> markables)
    {
        a = article;
        lex = lexicon;
        ms = markables;
        sentence = new int[ms.Count];
        firstInSentence = new bool[ms.Count];
        int prev = -2;
        for (int i = 0; i < ms.Count; i++)
        {
            sentence[i] = Math.Max(0, a.SentenceIndexAt(ms[i].Span.Start));
            firstInSentence[i] = sentence[i] != prev;
            prev = sentence[i];
        }
    }

    public void Run()
    {
        for (int i = 0; i < ms.Count; i++)
        {
            var m = ms[i];
            int chain = -1;
            if (m.EntityId >= 0) chain = chainOfEntity.TryGetValue(m.EntityId, out var c) ? c : -1;
            else if (m.Kind == MarkableKind.Pronoun && m.Person != 3) chain = FirstOrSecondPerson(i);
            else if (m.Kind == MarkableKind.Description) chain = DescriptionAntecedent(i);
            else if (m.Kind == MarkableKind.Pronoun) chain = PronounAntecedent(i);
            Join(i, chain);
        }
    }

    private void Join(int i, int chain)
    {
        var m = ms[i];
        if (chain < 0)
        {
            chain = chains.Count;
            chains.Add(new ChainInfo { EntityId = m.EntityId, Animacy = m.Animacy, Gender = m.Gender, Speech = m.EntityId < 0 && m.Person != 3 });
            if (m.EntityId >= 0) chainOfEntity[m.EntityId] = chain;
        }
        var c = chains[chain];
        m.Chain = chain;
        if (m.EntityId < 0 && c.EntityId >= 0) m.EntityId = c.EntityId;
        if (c.Animacy == Animacy.Unknown) c.Animacy = m.Animacy;
        if (c.Gender == Gender.Unknown && m.Gender is Gender.Masculine or Gender.Feminine && m.Animacy == Animacy.Person) c.Gender = m.Gender;
        if (m.Kind == MarkableKind.Description && (!m.Learned || m.Animacy is not (Animacy.Thing or Animacy.Unknown)) && c.Head is null) c.Head = HeadWord(m);
        if (m.Kind == MarkableKind.Pronoun && m.Person == 3) c.PronounGenders |= 1 << (int)m.Gender;
        c.LastSentence = sentence[i];
        c.LastStart = m.Span.Start;
        c.LastEnd = m.Span.End;
        if (m.Learned && c.Words == 0) c.Words = WordsOf(m);
        c.LastIsSubject = firstInSentence[i];
        c.Size++;
    }

    /// <summary>A hash of a learned markable's words after a leading determiner, lower case (never 0).</summary>
    private uint WordsOf(Markable m)
    {
        int first = a.TokenIndexAt(m.Span.Start);
        int start = m.Span.Start;
        if (first < m.Head && lex.Determiners.TryGet(a.Slice(a.Tokens[first]), out _)) start = a.Tokens[first + 1].Start;
        uint h = 2166136261;
        foreach (char ch in a.Text.AsSpan(start, m.Span.End - start)) h = (h ^ char.ToLowerInvariant(ch)) * 16777619;
        return h == 0 ? 1 : h;
    }

    private string HeadWord(Markable m) => a.StringOf(a.Tokens[m.Head].Span).ToLowerInvariant();

    private int QuotationAt(int offset)
    {
        for (int q = 0; q < a.Quotations.Count; q++)
            if (a.Quotations[q].Inner.Contains(offset)) return q;
        return -1;
    }

    private int FirstOrSecondPerson(int i)
    {
        var m = ms[i];
        bool plural = m.Gender == Gender.Plural;
        int q = QuotationAt(m.Span.Start);
        int context = -1;
        if (q >= 0)
        {
            context = 1_000_000 + q;
            // The speaker of the quotation: first person singular is the speaker.
            if (m.Person == 1 && !plural)
                foreach (var att in a.Attributions)
                    if (att.Content.Overlaps(a.Quotations[q].Inner) && att.Source.EntityId >= 0)
                    {
                        if (chainOfEntity.TryGetValue(att.Source.EntityId, out var sc)) return sc;
                        // The speaker is named after the quotation: the pronoun opens the speaker's chain.
                        m.EntityId = att.Source.EntityId;
                        return -1;
                    }
        }
        return firstPerson.TryGetValue((m.Person, plural, context), out var c) ? c : Remember(i, (m.Person, plural, context));
    }

    private int Remember(int i, (int, bool, int) key)
    {
        // A new chain for this speaker context; Join creates it, so reserve its number.
        firstPerson[key] = chains.Count;
        return -1;
    }

    private int DescriptionAntecedent(int i)
    {
        var m = ms[i];
        // Apposition: "Nick Bos, the biologist," / "the biologist, Nick Bos".
        if (i > 0 && Adjacent(ms[i - 1], m) && ms[i - 1].Chain >= 0 && !chains[ms[i - 1].Chain].Speech && Agrees(chains[ms[i - 1].Chain], m)) return ms[i - 1].Chain;
        if (i + 1 < ms.Count && Adjacent(m, ms[i + 1]) && ms[i + 1].EntityId >= 0 && ms[i + 1].Kind == MarkableKind.Name
            && chainOfEntity.TryGetValue(ms[i + 1].EntityId, out var next) && Agrees(chains[next], m)) return next;
        if (m.Indefinite) return -1;
        if (m.Learned && m.Animacy is Animacy.Thing or Animacy.Unknown)
        {
            var words = WordsOf(m);
            int same = -1, sameAt = -1;
            for (int c = 0; c < chains.Count; c++)
                if (chains[c].Words == words && chains[c].LastStart > sameAt) { same = c; sameAt = chains[c].LastStart; }
            return same;
        }
        var head = HeadWord(m);
        int best = -1;
        int bestAt = -1;
        for (int c = 0; c < chains.Count; c++)
        {
            var ch = chains[c];
            if (ch.Head == head && !ch.Speech && ch.LastStart > bestAt && Agrees(ch, m)) { best = c; bestAt = ch.LastStart; }
        }
        if (best >= 0) return best;
        if (m.Animacy == Animacy.Person)
        {
            for (int c = 0; c < chains.Count; c++)
            {
                var ch = chains[c];
                if (ch.EntityId < 0 || ch.LastStart <= bestAt || !Agrees(ch, m)) continue;
                if (a.Entities[ch.EntityId].Roles.Any(r => SameHead(r, head))) { best = c; bestAt = ch.LastStart; }
            }
            return best;
        }
        if (m.Animacy is Animacy.Organization or Animacy.Place)
        {
            int s = sentence[i];
            int named = -1, namedAt = -1;
            for (int c = 0; c < chains.Count; c++)
            {
                var ch = chains[c];
                if (ch.EntityId < 0 || ch.Animacy != m.Animacy) continue;
                if (a.Entities[ch.EntityId].Canonical.Contains(head, StringComparison.OrdinalIgnoreCase) && ch.LastStart > namedAt) { named = c; namedAt = ch.LastStart; }
                if (s - ch.LastSentence <= 2 && ch.LastStart > bestAt) { best = c; bestAt = ch.LastStart; }
            }
            return named >= 0 ? named : best;
        }
        return -1;
    }

    private bool SameHead(string role, string head)
    {
        if (role.Equals(head, StringComparison.OrdinalIgnoreCase)) return true;
        return lex.German && role.EndsWith(head, StringComparison.OrdinalIgnoreCase) && role.Length - head.Length >= 3;
    }

    /// <summary>Two markables separated by a comma only (or nothing): an apposition.</summary>
    private bool Adjacent(Markable x, Markable y)
    {
        if (x.Span.End > y.Span.Start) return false;
        int k = a.TokenIndexAt(x.Span.End);
        int y0 = a.TokenIndexAt(y.Span.Start);
        // The possessive left out of a name markable is not a gap.
        if (k < y0 && a.Tokens[k].Start < x.Span.End) k++;
        return y0 - k == 1 && a.Tokens[k].Length == 1 && a.Text[a.Tokens[k].Start] == ',';
    }

    private static bool Agrees(ChainInfo c, Markable m)
    {
        if (m.Animacy != Animacy.Unknown && c.Animacy != Animacy.Unknown && m.Animacy != c.Animacy)
        {
            // A group of people and an organization may be one ("the police" … "officers").
            bool groupish = m.Animacy is Animacy.Group or Animacy.Organization && c.Animacy is Animacy.Group or Animacy.Organization;
            if (!groupish) return false;
        }
        if (m.Gender is Gender.Masculine && c.Gender == Gender.Feminine) return false;
        if (m.Gender is Gender.Feminine && c.Gender == Gender.Masculine) return false;
        return true;
    }

    private int PronounAntecedent(int i)
    {
        var m = ms[i];
        var form = a.Slice(m.Span);
        lex.Pronouns.TryGet(form, out var pf);
        int s = sentence[i];
        // Sentences back: a person is talked of over longer stretches than a thing ("it") or a group ("they").
        int window = m.Gender is Gender.Masculine or Gender.Feminine ? 4 : 2;
        int best = -1;
        double bestScore = double.MinValue;
        for (int c = 0; c < chains.Count; c++)
        {
            var ch = chains[c];
            int dist = s - ch.LastSentence;
            if (dist < 0 || dist > window) continue;
            if (ch.Speech || !PronounAgrees(ch, m, pf)) continue;
            // A pronoun is no part of its antecedent ("its path" … "its").
            if (ch.LastStart <= m.Span.Start && ch.LastEnd >= m.Span.End) continue;
            double score = -1.0 * dist - 0.002 * (m.Span.Start - ch.LastStart)
                           + (ch.LastIsSubject ? 0.6 : 0) + 0.4 * Math.Log(ch.Size)
                           + ((ch.PronounGenders & (1 << (int)m.Gender)) != 0 ? 0.5 : 0)
                           + (ch.EntityId >= 0 ? 0.3 : 0);
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    private bool PronounAgrees(ChainInfo ch, Markable m, CorefLexicon.PronounForm pf)
    {
        switch (m.Gender)
        {
            case Gender.Masculine:
                if (lex.German) return ch.Gender is Gender.Masculine || ch.Gender == Gender.Unknown && ch.Animacy == Animacy.Person;
                return ch.Animacy == Animacy.Person && ch.Gender != Gender.Feminine;
            case Gender.Feminine when pf.Ambiguous:
                // German "sie": a woman, a feminine noun, or a plural.
                return ch.Gender is Gender.Feminine or Gender.Plural || ch.Animacy == Animacy.Group
                       || ch.Gender == Gender.Unknown && ch.Animacy is Animacy.Person or Animacy.Organization;
            case Gender.Feminine:
                if (lex.German) return ch.Gender is Gender.Feminine || ch.Gender == Gender.Unknown && ch.Animacy == Animacy.Person;
                return ch.Animacy == Animacy.Person && ch.Gender != Gender.Masculine;
            case Gender.Neuter:
                return ch.Animacy is Animacy.Thing or Animacy.Organization or Animacy.Place && ch.Gender != Gender.Plural
                       || ch.Animacy == Animacy.Unknown && (ch.PronounGenders & (1 << (int)Gender.Neuter)) != 0;
            case Gender.Plural:
                return ch.Gender == Gender.Plural || ch.Animacy is Animacy.Group or Animacy.Organization;
            default:
                return false;
        }
    }
}
