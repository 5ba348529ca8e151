namespace FleetManager.Core.Geo;

/// <summary>How a key names a place; a place's own names outrank the looser ones.</summary>
internal enum NameRank
{
    /// <summary>The GeoNames name, its ASCII form, or a curated exonym/local name.</summary>
    Own = 0,

    /// <summary>A GeoNames alternate name (other languages, historic forms).</summary>
    Alternate = 1,

    /// <summary>An own name without its qualifier: "Frankfurt" for "Frankfurt am Main".</summary>
    CoreOfOwn = 2,
}
