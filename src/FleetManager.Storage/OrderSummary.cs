using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>One row of an order list: the typed columns of an order and where it came from.</summary>
/// <param name="Id">The order's id in the order book.</param>
/// <param name="MessageId">Message-ID of the message it came from.</param>
/// <param name="LedgerKey">Ledger key of the message it came from.</param>
/// <param name="OrderIndex">Position of the order within its message (0-based).</param>
/// <param name="ReferenceNumber">The sender's reference.</param>
/// <param name="Customer">The ordering company.</param>
/// <param name="RequestType">Booking, quote request or load offer.</param>
/// <param name="LoadingCity">City of the first loading stop.</param>
/// <param name="LoadingCountry">Country of the first loading stop.</param>
/// <param name="LoadingDate">Date of the first loading stop.</param>
/// <param name="UnloadingCity">City of the last unloading stop.</param>
/// <param name="UnloadingCountry">Country of the last unloading stop.</param>
/// <param name="UnloadingDate">Date of the last unloading stop.</param>
/// <param name="VehicleType">The vehicle asked for.</param>
/// <param name="WeightKg">Total weight in kilograms.</param>
/// <param name="Price">The freight rate.</param>
public sealed record OrderSummary(
    long Id,
    string MessageId,
    string LedgerKey,
    int OrderIndex,
    string? ReferenceNumber,
    string? Customer,
    RequestType? RequestType,
    string? LoadingCity,
    string? LoadingCountry,
    DateOnly? LoadingDate,
    string? UnloadingCity,
    string? UnloadingCountry,
    DateOnly? UnloadingDate,
    VehicleType? VehicleType,
    decimal? WeightKg,
    Price? Price);
