namespace FleetManager.Core.Geo;

/// <summary>A resolved place and how sure the match is (1 exact own name, 0.9 alternate name, 0.7 loosened name).</summary>
internal readonly record struct PlaceMatch(GazetteerEntry Entry, double Confidence);
