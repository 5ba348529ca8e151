using System.Data.Common;
using System.Text;
using FleetManager.Core.Text;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The one translation of <see cref="OrderQuery"/> and <see cref="LedgerQuery"/> into SQL for both back-ends:
/// the conditions, their order and the page; the dialect supplies placeholders and the few spellings that differ.
/// </summary>
internal static class OrderFilterSql
{
    /// <summary>Adds the query's filters as parameters of <paramref name="command"/> and returns the WHERE/ORDER/LIMIT tail (aliases <c>o</c>, <c>l</c>).</summary>
    public static string Where(SqlDialect dialect, DbCommand command, OrderQuery query)
    {
        var conditions = new List<string>();
        if (query.LoadingFrom is { } from)
        {
            conditions.Add("o.loading_date >= " + dialect.AddDate(command, from));
        }

        if (query.LoadingTo is { } to)
        {
            conditions.Add("o.loading_date <= " + dialect.AddDate(command, to));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = dialect.AddText(command, query.Country.Trim().ToUpperInvariant());
            conditions.Add($"(o.loading_country = {country} OR o.unloading_country = {country})");
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerContains))
        {
            conditions.Add(dialect.CustomerContains(dialect.AddText(command, TextFold.Fold(query.CustomerContains.Trim()))));
        }

        if (!string.IsNullOrWhiteSpace(query.ReferenceNumber))
        {
            conditions.Add(dialect.ReferenceMatches(dialect.AddText(command, query.ReferenceNumber.Trim())));
        }

        if (query.RequestType is { } requestType)
        {
            conditions.Add("o.request_type = " + dialect.AddText(command, SpecText.Of(requestType)));
        }

        if (query.Classification is { } classification)
        {
            conditions.Add("l.classification = " + dialect.AddText(command, SpecText.Of(classification)));
        }

        if (query.MessageId is { } messageId)
        {
            conditions.Add("l.message_id = " + dialect.AddText(command, messageId));
        }

        var sql = new StringBuilder();
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY o.id");
        dialect.AppendPage(sql, command, query.Limit, query.Offset);
        return sql.ToString();
    }

    /// <summary>The <c>order_list</c> column a browse sorts by (alias <c>x</c>); the order id for an unknown name.</summary>
    public static string BrowseSortColumn(string sort) => sort switch
    {
        "reference_number" => "x.reference_sort",
        "customer" => "x.customer_sort",
        "loading_date" => "x.loading_date",
        "unloading_date" => "x.unloading_date",
        "weight_kg" => "x.weight_sort",
        _ => "x.order_id",
    };

    /// <summary>
    /// The WHERE clause of an orders-list view over <c>order_list x</c> (empty when nothing filters), its values added
    /// as parameters; with <paramref name="withCursor"/>, also the keyset condition "after the cursor's (sort value, id)";
    /// with <paramref name="probeSearch"/>, the search tested per row (<see cref="SqlDialect.SearchProbe"/>) instead of
    /// through the search index's match set.
    /// </summary>
    public static string BrowseWhere(SqlDialect dialect, DbCommand command, OrderBrowseQuery query, bool withCursor, bool probeSearch = false)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var folded = TextFold.Fold(query.Search.Trim());
            conditions.Add(probeSearch ? dialect.SearchProbe(command, folded) : dialect.SearchMatches(command, folded));
        }

        if (query.Statuses.Count > 0)
        {
            conditions.Add("x.status IN (" + string.Join(", ", query.Statuses.Distinct().Select(s => dialect.AddText(command, Corrections.OrderStatusNames.Of(s)))) + ")");
        }

        if (query.RequestType is { } requestType)
        {
            conditions.Add("x.request_type = " + dialect.AddText(command, SpecText.Of(requestType)));
        }

        if (query.LoadingFrom is { } from)
        {
            conditions.Add("x.loading_date >= " + dialect.AddText(command, SpecText.Of(from)));
        }

        if (query.LoadingTo is { } to)
        {
            // Missing dates are '' and must not pass an upper bound.
            conditions.Add($"x.loading_date <> '' AND x.loading_date <= {dialect.AddText(command, SpecText.Of(to))}");
        }

        if (query.Countries.Count > 0)
        {
            var countries = string.Join(", ", query.Countries.Select(c => dialect.AddText(command, c.Trim().ToUpperInvariant())));
            conditions.Add($"(x.loading_country IN ({countries}) OR x.unloading_country IN ({countries}))");
        }

        if (!string.IsNullOrWhiteSpace(query.LaneFrom))
        {
            conditions.Add("x.loading_country = " + dialect.AddText(command, query.LaneFrom.Trim().ToUpperInvariant()));
        }

        if (!string.IsNullOrWhiteSpace(query.LaneTo))
        {
            conditions.Add("x.unloading_country = " + dialect.AddText(command, query.LaneTo.Trim().ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Source))
        {
            var source = dialect.AddText(command, query.Source);
            conditions.Add($"substr(x.source_key, 1, length({source})) = {source}");
        }

        if (query.NeedsReview)
        {
            conditions.Add("x.status = 'new' AND x.incomplete = 1");
        }

        if (query.ConfidenceBelow is { } below)
        {
            conditions.Add("x.confidence < " + dialect.AddDouble(command, below));
        }

        if (withCursor && query.After is { } after && OrderBrowseQuery.ParseCursor(after) is { } cursor)
        {
            var column = BrowseSortColumn(query.Sort);
            var comparison = query.Descending ? "<" : ">";
            var id = dialect.AddLong(command, cursor.Id);
            if (column == "x.order_id")
            {
                conditions.Add($"x.order_id {comparison} {id}");
            }
            else
            {
                var value = column == "x.weight_sort"
                    ? dialect.AddDouble(command, double.TryParse(cursor.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) ? weight : -1)
                    : dialect.AddText(command, cursor.Value);
                conditions.Add(dialect.KeysetAfter(column, comparison, value, id));
            }
        }

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>The whole statement of a ledger page: rows after <see cref="LedgerQuery.AfterId"/> matching the query, by id.</summary>
    public static string Ledger(SqlDialect dialect, DbCommand command, LedgerQuery query)
    {
        var sql = new StringBuilder($"SELECT {OrderRows.LedgerColumns} FROM ledger l WHERE l.id > ").Append(dialect.AddLong(command, query.AfterId));
        if (query.Status is { } status)
        {
            sql.Append(" AND l.status = ").Append(dialect.AddText(command, status == LedgerStatus.Quarantined ? "quarantined" : "processed"));
        }

        if (query.ProcessedSince is { } since)
        {
            sql.Append(" AND ").Append(dialect.ProcessedAtOrAfter(dialect.AddInstant(command, since)));
        }

        if (query.MessageId is { } messageId)
        {
            sql.Append(" AND l.message_id = ").Append(dialect.AddText(command, messageId));
        }

        sql.Append(" ORDER BY l.id LIMIT ").Append(dialect.AddInt(command, query.Limit));
        return sql.ToString();
    }
}
