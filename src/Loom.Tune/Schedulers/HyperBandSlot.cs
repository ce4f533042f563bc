namespace Loom.Tune.Schedulers;

/// <summary>Where a trial sits in HyperBand: its band (one round of all brackets) and its bracket there.</summary>
/// <param name="Band">The band's index.</param>
/// <param name="Bracket">The bracket's index in the band, which is its <c>s</c>.</param>
internal readonly record struct HyperBandSlot(int Band, int Bracket);
