using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using static Hearsay.Tests.Provenance.LinkerTests;

namespace Hearsay.Tests.Provenance;

/// <summary>What the graph derives for a cluster: order of appearance and its basis, origins followed through
/// relays, independent origins versus repetitions, and the typed nodes and edges.</summary>
public class GraphTests
{
    private const string Text = "Belarus is ready to send 20,000 soldiers to the border with Poland";
    private const string TextDe = "Belarus sei bereit, 20.000 Soldaten an die Grenze zu Polen zu schicken";
    private static readonly string[] Entities = ["g:BY", "g:PL"];
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static ClusterReport Single(params Hearsay.Provenance.Model.ClaimArticle[] articles)
    {
        var linker = new ClaimLinker();
        linker.AddAll(articles);
        return Assert.Single(ProvenanceBuilder.Build(linker).Claims);
    }

    [Fact]
    public void Without_dates_the_first_appearance_is_by_ingest_order_and_says_so()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", null, Claim("a1", Text, Entities, 20000)),
            Article("a2", "de", "Outlet B", null, Claim("a2", TextDe, Entities, 20000)));
        Assert.Equal("ingest-order", r.DateBasis);
        Assert.Equal("a1", r.First.Article.Id);
    }

    [Fact]
    public void Without_dates_an_article_citing_another_outlet_comes_after_it()
    {
        var r = Single(
            Article("a1", "de", "Focus Online", null, Claim("a1", TextDe, Entities, 20000, hops: ("relay", "New York Post", "g:nypost"))),
            Article("a2", "en", "New York Post", null, Claim("a2", Text, Entities, 20000)));
        Assert.Equal("ingest-order+citations", r.DateBasis);
        Assert.Equal("a2", r.First.Article.Id);
        Assert.Equal("a2", r.Appearances[1].Parent!.Article.Id);
    }

    [Fact]
    public void Dated_appearances_come_first_and_the_basis_says_the_rest_is_by_ingest_order()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", null, Claim("a1", Text, Entities, 20000)),
            Article("a2", "de", "Outlet B", Day, Claim("a2", TextDe, Entities, 20000)));
        Assert.Equal("publication-date+ingest-order", r.DateBasis);
        Assert.Equal("a2", r.First.Article.Id);
    }

    [Fact]
    public void An_article_naming_no_source_but_citing_an_earlier_outlet_inherits_its_origin()
    {
        var r = Single(
            Article("a1", "en", "New York Post", Day, Claim("a1", Text, Entities, 20000, hops: ("medium", "Russia-1", "g:russia-1"))),
            Article("a2", "de", "Focus Online", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, origin: "", hops: ("relay", "New York Post", "g:nypost"))));
        var second = r.Appearances[1];
        Assert.Equal("via-relay", second.OriginBasis);
        Assert.Equal("Oleg Smirnov", second.Origin!.Name);
        Assert.Equal("a1", second.Parent!.Article.Id);
        Assert.True(r.SingleOrigin);
        Assert.Equal(0, r.Unsourced);
    }

    [Fact]
    public void A_medium_named_as_the_origin_is_followed_to_the_source_who_spoke_on_it()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", Day, Claim("a1", Text, Entities, 20000, hops: ("medium", "Russia-1", "g:russia-1"))),
            Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, origin: "Russia-1", originKind: "media")));
        Assert.Equal(1, r.IndependentOrigins);
        Assert.Equal("Oleg Smirnov", r.Appearances[1].Origin!.Name);
    }

    [Fact]
    public void Two_named_sources_are_two_independent_origins()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", Day, Claim("a1", Text, Entities, 20000)),
            Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, origin: "Anna Kowalska")),
            Article("a3", "en", "Outlet C", Day.AddDays(2), Claim("a3", Text, Entities, 20000)));
        Assert.Equal(2, r.IndependentOrigins);
        Assert.False(r.SingleOrigin);
        Assert.Equal(1, r.Repetitions);
    }

    [Fact]
    public void A_vague_source_is_not_an_independent_origin()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", Day, Claim("a1", Text, Entities, 20000)),
            Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, origin: "Berichte", originKind: "vague")));
        Assert.Equal(1, r.IndependentOrigins);
        Assert.Equal(1, r.VagueOnly);
        Assert.True(r.SingleOrigin);
    }

    [Fact]
    public void The_graph_has_typed_nodes_and_edges_for_a_cluster()
    {
        var linker = new ClaimLinker();
        linker.Add(Article("a1", "en", "New York Post", Day, Claim("a1", Text, Entities, 20000, hops: ("medium", "Russia-1", "g:russia-1"))));
        linker.Add(Article("a2", "de", "Focus Online", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, hops: ("relay", "New York Post", "g:nypost"))));
        var g = ProvenanceBuilder.Build(linker);
        var id = g.Claims[0].Id;
        Assert.Contains(g.Nodes, n => n.Id == "claim/" + id && n.Kind == NodeKind.Claim);
        Assert.Contains(g.Nodes, n => n.Id == "source/person:smirnov" && n.Kind == NodeKind.Source && n.Type == "person");
        Assert.Contains(g.Nodes, n => n.Id == "outlet/g:russia-1" && n.Kind == NodeKind.Media);
        Assert.Contains(g.Nodes, n => n.Id == "outlet/g:nypost" && n.Kind == NodeKind.Outlet); // cited by one, publisher of the other
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.Said && e.Source == "source/person:smirnov" && e.Count == 2);
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.RelayedBy && e.Source == "source/person:smirnov" && e.Target == "outlet/g:russia-1");
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.RelayedBy && e.Source == "outlet/g:nypost" && e.Target == "outlet/g:focus");
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.AppearedIn && e.Target == "article/a2");
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.PublishedBy && e.Source == "article/a2" && e.Target == "outlet/g:focus");
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.Cites && e.Source == "article/a2" && e.Target == "outlet/g:nypost");
        Assert.All(g.Edges, e => Assert.True(g.Nodes.Any(n => n.Id == e.Source) && g.Nodes.Any(n => n.Id == e.Target)));
    }

    [Fact]
    public void A_subgraph_holds_one_claim_and_what_it_reaches()
    {
        var linker = new ClaimLinker();
        linker.Add(Article("a1", "en", "Outlet A", Day, Claim("a1", Text, Entities, 20000), Claim("a1", "Poland closes three border crossings with Belarus after the incident", ["g:BY", "g:PL"], 3, origin: "Donald Tusk")));
        linker.Add(Article("a2", "de", "Outlet B", Day, Claim("a2", TextDe, Entities, 20000), Claim("a2", "Polen schließt drei Grenzübergänge zu Belarus nach dem Vorfall", ["g:BY", "g:PL"], 3, origin: "Donald Tusk")));
        var g = ProvenanceBuilder.Build(linker);
        Assert.Equal(2, g.Claims.Count);
        var sub = g.Subgraph(g.Claims[0].Id);
        Assert.Single(sub.Claims);
        Assert.Single(sub.Nodes, n => n.Kind == NodeKind.Claim);
        Assert.All(sub.Edges, e => Assert.True(e.ClaimId is null || e.ClaimId == g.Claims[0].Id));
    }
}
