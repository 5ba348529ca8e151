namespace FleetManager.Storage.Sql;

/// <summary>
/// The <c>shown_*</c> columns of an <c>order_list</c> row (schema step 11): the orders page's cells that no filter or sort
/// column already holds, as the page prints them. Null where the order has no value.
/// </summary>
internal sealed record OrderListShownColumns(
    string? Reference,
    string? Customer,
    string? LoadingCity,
    string? LoadingCountry,
    string? UnloadingCity,
    string? UnloadingCountry,
    string? Cargo,
    string? Weight,
    string? Vehicle,
    string? Price);
