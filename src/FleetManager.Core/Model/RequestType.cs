using System.Text.Json.Serialization;

namespace FleetManager.Core.Model;

/// <summary>The kind of request an order is: do it, price it, or an exchange-style load offer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RequestType>))]
public enum RequestType
{
    [JsonStringEnumMemberName("booking")] Booking,
    [JsonStringEnumMemberName("quote_request")] QuoteRequest,
    [JsonStringEnumMemberName("load_offer")] LoadOffer,
}
