namespace Loom.Jobs.Tests.Local;

internal static class PosixSignalsForTests
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
}
