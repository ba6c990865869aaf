namespace Hearsay.Cli;

/// <summary>The process exit codes of <c>hearsay</c>, documented in docs/cli.md. Scripts rely on them: do not renumber.</summary>
public static class ExitCodes
{
    /// <summary>Every input was analysed and written.</summary>
    public const int Ok = 0;
    /// <summary>The command line is wrong (unknown option, bad value, missing argument) or the output file cannot be written.</summary>
    public const int Usage = 1;
    /// <summary>A named input (file, folder, data folder) does not exist, or a folder holds no articles. Nothing was analysed.</summary>
    public const int InputNotFound = 2;
    /// <summary>Some inputs could not be read (empty, binary, too large, unreadable); the others were analysed and written.</summary>
    public const int SomeInputsFailed = 3;
    /// <summary>No input could be read.</summary>
    public const int AllInputsFailed = 4;
    /// <summary>A bug in Hearsay (EX_SOFTWARE). The message names it; --verbose adds the stack trace.</summary>
    public const int InternalError = 70;
}
