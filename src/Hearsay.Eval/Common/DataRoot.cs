namespace Hearsay.Eval;

/// <summary>The folder holding the evaluation corpora (one subfolder per dataset). Every file a dataset
/// needs is asked for through <see cref="Require"/>, which fails loudly, naming the path, when it is missing:
/// a missing corpus is never a silent pass.</summary>
public sealed class DataRoot
{
    public const string EnvironmentVariable = "HEARSAY_DATA";
    public const string DefaultRelative = "../shared/data";

    public DataRoot(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    /// <summary>The data folder: the explicit one, else $HEARSAY_DATA, else ../shared/data from the current directory.</summary>
    public static DataRoot Resolve(string? explicitPath, Func<string, string?>? env = null, string? currentDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return new DataRoot(explicitPath);
        var fromEnv = (env ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return new DataRoot(fromEnv);
        return new DataRoot(System.IO.Path.Combine(currentDirectory ?? Environment.CurrentDirectory, DefaultRelative));
    }

    /// <summary>The full path of a file or folder under the root; throws <see cref="EvalDataMissingException"/> when absent.</summary>
    public string Require(params string[] parts)
    {
        var full = System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());
        if (!File.Exists(full) && !Directory.Exists(full)) throw new EvalDataMissingException(full);
        return full;
    }

    /// <summary>Files matching a pattern in a required folder; throws when the folder is missing or holds none.</summary>
    public string[] RequireFiles(string folder, string pattern, params string[] parts)
    {
        var dir = Require(new[] { folder }.Concat(parts).ToArray());
        var files = Directory.GetFiles(dir, pattern);
        if (files.Length == 0) throw new EvalDataMissingException(System.IO.Path.Combine(dir, pattern));
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}

/// <summary>An evaluation file or folder is missing.</summary>
public sealed class EvalDataMissingException(string path)
    : Exception($"Evaluation data not found: {path}. Point --data (or {DataRoot.EnvironmentVariable}) at the folder holding the corpora.")
{
    public string MissingPath { get; } = path;
}
