using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The review queue's geocoding failures and the map's open lanes, selected in SQL with a limit and a count (the same
/// statements on both back-ends) instead of reading every order of the book: the stops table holds the coordinates and
/// <c>order_list</c> the status. Stops are as read: coordinates come from the geocoder, not from people.
/// </summary>
internal sealed class StopPlaceQueries(SqlDialect dialect)
{
    // A stop with no city was never sent to the geocoder: a missing field (the orders to check), not a geocoding failure.
    private const string Unplaced = "s.latitude IS NULL AND s.city IS NOT NULL AND trim(s.city) <> ''";

    private const string Located = "s.latitude IS NOT NULL AND s.longitude IS NOT NULL";

    private const string OpenStatus = "x.status NOT IN ('delivered', 'cancelled')";

    public async ValueTask<UnplacedStopSelection> UnplacedStopsAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = new List<UnplacedStopRow>();
        using (var command = dialect.CreateCommand())
        {
            command.CommandText =
                "SELECT s.order_id, o.reference_number, s.stop_index, s.type, s.postal_code, s.city, s.country FROM stops s JOIN orders o ON o.id = s.order_id " +
                $"WHERE {Unplaced} ORDER BY s.order_id, s.stop_index LIMIT {dialect.AddInt(command, limit)}";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new UnplacedStopRow(
                    reader.GetInt64(0), OrderRows.TextOrNull(reader, 1), reader.GetInt32(2), StopTypeOf(reader.GetString(3)),
                    OrderRows.TextOrNull(reader, 4), OrderRows.TextOrNull(reader, 5), OrderRows.TextOrNull(reader, 6)));
            }
        }

        // The first page is the whole answer when it is not full: no count needed.
        return new UnplacedStopSelection(rows, rows.Count < limit ? rows.Count : await CountAsync($"SELECT COUNT(*) FROM stops s WHERE {Unplaced}", cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<OpenLaneSelection> OpenLanesAsync(int limit, CancellationToken cancellationToken)
    {
        var lanes = new List<OpenLane>();
        using (var command = dialect.CreateCommand())
        {
            command.CommandText =
                "SELECT p.order_id, o.reference_number, o.customer, p.status, s.type, s.company, s.city, s.country, s.latitude, s.longitude FROM (" +
                $"SELECT x.order_id, x.status FROM order_list x WHERE {OpenStatus} AND EXISTS (SELECT 1 FROM stops s WHERE s.order_id = x.order_id AND {Located}) " +
                $"ORDER BY x.order_id LIMIT {dialect.AddInt(command, limit)}) p " +
                $"JOIN orders o ON o.id = p.order_id JOIN stops s ON s.order_id = p.order_id AND {Located} ORDER BY p.order_id, s.stop_index";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            List<Stop>? stops = null;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (lanes.Count == 0 || lanes[^1].OrderId != id)
                {
                    _ = OrderStatusNames.TryParse(reader.GetString(3), out var status);
                    stops = [];
                    lanes.Add(new OpenLane(id, OrderRows.TextOrNull(reader, 1), OrderRows.TextOrNull(reader, 2), status, stops));
                }

                stops!.Add(new Stop
                {
                    Type = StopTypeOf(reader.GetString(4)),
                    Company = OrderRows.TextOrNull(reader, 5),
                    City = OrderRows.TextOrNull(reader, 6),
                    Country = OrderRows.TextOrNull(reader, 7),
                    Latitude = reader.GetDouble(8),
                    Longitude = reader.GetDouble(9),
                });
            }
        }

        var open = await CountAsync($"SELECT COUNT(*) FROM order_list x WHERE {OpenStatus}", cancellationToken).ConfigureAwait(false);
        var unplaced = await CountAsync(
            $"SELECT COUNT(*) FROM order_list x WHERE {OpenStatus} AND NOT EXISTS (SELECT 1 FROM stops s WHERE s.order_id = x.order_id AND {Located})", cancellationToken).ConfigureAwait(false);
        return new OpenLaneSelection(lanes, open, unplaced);
    }

    private async ValueTask<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = dialect.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static StopType StopTypeOf(string type) => type == "loading" ? StopType.Loading : StopType.Unloading;
}
