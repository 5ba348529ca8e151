using FleetManager.Geocoding.Google;
using FleetManager.Geocoding.Nominatim;
using Microsoft.Extensions.Options;

namespace FleetManager.Geocoding;

/// <summary>Generated (reflection-free) validation of the Google geocoding options' attributes.</summary>
[OptionsValidator]
internal sealed partial class GoogleGeocodingOptionsValidator : IValidateOptions<GoogleGeocodingOptions>;

/// <summary>Generated (reflection-free) validation of the Nominatim options' attributes.</summary>
[OptionsValidator]
internal sealed partial class NominatimOptionsValidator : IValidateOptions<NominatimOptions>;
