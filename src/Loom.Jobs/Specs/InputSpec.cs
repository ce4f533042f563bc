namespace Loom.Jobs.Specs;

/// <summary>A file, folder or http(s) URL staged into the job's working directory before it runs.</summary>
/// <param name="Source">A local file or folder path, or an <c>http://</c> / <c>https://</c> URL.</param>
/// <param name="Checksum">An optional <c>sha256:HEX</c> or <c>sha512:HEX</c> digest the staged content must match.</param>
/// <param name="Destination">An optional relative path in the working directory; the source's file name when omitted.</param>
public sealed record InputSpec(string Source, string? Checksum = null, string? Destination = null);
