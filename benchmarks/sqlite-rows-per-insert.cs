// How many rows per multi-row INSERT are cheapest through Microsoft.Data.Sqlite, 28 parameters a row (the
// order_list row's shape since schema step 11, SqlDialect.ListRowsPerInsert; 17 before it): each parameter is bound by name, which SQLite answers by a
// linear walk of the statement's parameter names, so a statement of n parameters costs n²/2 comparisons.
// Writes 8,000 rows, 500 per transaction, as the list's catch-up does, and prints wall and CPU time per size.
//
//   dotnet run -c Release benchmarks/sqlite-rows-per-insert.cs
//
// File-based program: the repository's Directory.Build.props and central package versions apply.

#:package Microsoft.Data.Sqlite
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

const int Rows = 8000, Columns = 28;
var databasePath = Path.Combine(Path.GetTempPath(), "rows-per-insert.db");
foreach (var chunk in new[] { 50, 50, 25, 16, 10, 8, 4, 2, 1, 50, 8, 4, 2, 1 })
{
    File.Delete(databasePath);
    using var connection = new SqliteConnection("Data Source=" + databasePath);
    connection.Open();
    using (var c = connection.CreateCommand())
    {
        c.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (" + string.Join(", ", Enumerable.Range(0, Columns).Select(i => i == 0 ? "c0 INTEGER PRIMARY KEY" : $"c{i} TEXT")) + ")";
        c.ExecuteNonQuery();
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    for (var batch = 0; batch < Rows; batch += 500)
    {
        using var transaction = connection.BeginTransaction();
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        for (var start = batch; start < batch + 500; start += chunk)
        {
            var end = Math.Min(batch + 500, start + chunk);
            write.Parameters.Clear();
            var sql = new StringBuilder("INSERT INTO t VALUES ");
            for (var r = start; r < end; r++)
            {
                sql.Append(r == start ? "(" : ", (");
                for (var col = 0; col < Columns; col++)
                {
                    var name = "$p" + (write.Parameters.Count + 1);
                    write.Parameters.Add(new SqliteParameter(name, col == 0 ? r + 1 : (object)("value " + r + " " + col)));
                    sql.Append(col == 0 ? "" : ", ").Append(name);
                }
                sql.Append(')');
            }
            sql.Append(" ON CONFLICT (c0) DO NOTHING RETURNING c0");
            var text = sql.ToString();
            if (write.CommandText != text) write.CommandText = text;
            using var reader = write.ExecuteReader();
            while (reader.Read()) { }
        }
        transaction.Commit();
    }
    Console.WriteLine($"{chunk,3} rows/statement: {watch.Elapsed.TotalMilliseconds,7:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,7:F0} ms CPU");
}
