using System.Security.Cryptography;

namespace Loom.Jobs.Staging;

/// <summary>A <c>sha256:HEX</c> or <c>sha512:HEX</c> digest that a staged file must match.</summary>
/// <param name="Algorithm">The algorithm, <c>sha256</c> or <c>sha512</c>.</param>
/// <param name="Hex">The expected digest in lowercase hex.</param>
internal sealed record ExpectedChecksum(string Algorithm, string Hex)
{
    /// <summary>Reads a checksum as written in a spec.</summary>
    /// <param name="text">The checksum, <c>sha256:HEX</c> or <c>sha512:HEX</c>; hex digits in either case.</param>
    /// <returns>The checksum.</returns>
    /// <exception cref="StagingFailure">The text is not a checksum.</exception>
    public static ExpectedChecksum Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var algorithm = colon < 0 ? "" : text[..colon].ToUpperInvariant();
        var hex = colon < 0 ? "" : text[(colon + 1)..];
        var digits = algorithm switch { "SHA256" => 64, "SHA512" => 128, _ => 0 };
        if (digits == 0 || hex.Length != digits || !hex.All(char.IsAsciiHexDigit))
        {
            throw new StagingFailure($"checksum \"{text}\" is not sha256:HEX (64 hex digits) or sha512:HEX (128 hex digits)");
        }

        return new ExpectedChecksum(digits == 64 ? "sha256" : "sha512", Convert.ToHexStringLower(Convert.FromHexString(hex)));
    }

    /// <summary>Checks the file's digest.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>A task that ends when the file matches.</returns>
    /// <exception cref="StagingFailure">The file does not match.</exception>
    public async Task VerifyAsync(string path, CancellationToken cancellationToken)
    {
        byte[] digest;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file)
        {
            digest = Algorithm == "sha256"
                ? await SHA256.HashDataAsync(file, cancellationToken)
                : await SHA512.HashDataAsync(file, cancellationToken);
        }

        var actual = Convert.ToHexStringLower(digest);
        if (!string.Equals(actual, Hex, StringComparison.Ordinal))
        {
            throw new StagingFailure($"checksum mismatch: expected {Algorithm}:{Hex}, got {Algorithm}:{actual}");
        }
    }
}
