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
