namespace Hearsay.Tests.Structure;

/// <summary>Finds files under the shared folder next to the repository (../shared from the repository
/// root), or under the folder named by the HEARSAY_SHARED environment variable.</summary>
internal static class SharedFiles
{
    public static string Path(string relative)
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env)) return System.IO.Path.Combine(env, relative);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "Hearsay.slnx"))) continue;
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", relative);
            return System.IO.Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("Cannot find the repository root (Hearsay.slnx) above " + AppContext.BaseDirectory + "; set HEARSAY_SHARED.");
    }
}
