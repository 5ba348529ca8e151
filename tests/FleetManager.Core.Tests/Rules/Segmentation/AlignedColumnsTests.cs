using FleetManager.Core.Rules.Segmentation;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Segmentation;

/// <summary>Plain-text tables aligned with spaces, rewritten as the " | " rows an HTML table renders to.</summary>
public sealed class AlignedColumnsTests
{
    [Fact]
    public void Rewrite_PlanAlignedWithSpaces_CellsJoinedLikeAnHtmlTable()
    {
        var text = string.Join('\n',
            "pošiljam plan:",
            "",
            "Nalog    Nakladanje        Razkladanje         Datum nakl.  Teža",
            "SP-0101  3310 Žalec        1230 Wien, AT       04.01.2027   22 t",
            "SP-0102  3000 Celje        80331 München, DE   05.01.2027",
            "",
            "Lep pozdrav");

        var rewritten = AlignedColumns.Rewrite(text);

        Assert.Equal(string.Join('\n',
            "pošiljam plan:",
            "",
            "Nalog | Nakladanje | Razkladanje | Datum nakl. | Teža",
            "SP-0101 | 3310 Žalec | 1230 Wien, AT | 04.01.2027 | 22 t",
            "SP-0102 | 3000 Celje | 80331 München, DE | 05.01.2027 | ",
            "",
            "Lep pozdrav"), rewritten);
    }

    [Fact]
    public void Rewrite_NumbersAlignedRight_StayInTheirColumn()
    {
        // " 6.200" starts one character right of "Gewicht" and "12.400": a right-aligned column, not a line off the table.
        var text = string.Join('\n',
            "Auftrag   Ladestelle         Entladestelle      Gewicht   Paletten",
            "RM-9012   65451 Kelsterbach  50-502 Wrocław     12.400    24",
            "RM-9013   63128 Dietzenbach  90-001 Łódź        18.000    33",
            "RM-9014   60314 Frankfurt    31-564 Kraków       6.200    12");

        var rewritten = AlignedColumns.Rewrite(text);

        Assert.EndsWith("\nRM-9014 | 60314 Frankfurt | 31-564 Kraków | 6.200 | 12", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_TwoCellsInOneColumn_LeftAsWritten()
    {
        // The last line's "AB  2" puts two cells in the first column: no table.
        var text = string.Join('\n',
            "Ref      Loading         Unloading          Kg",
            "AB-1     85386 Eching    02-672 Warszawa    12000",
            "AB  2    90409 Nürnberg  31-864 Kraków");

        Assert.Same(text, AlignedColumns.Rewrite(text));
    }

    [Fact]
    public void Rewrite_HeaderOverAnEmptyFirstColumn_StartsWithTheCellSeparator()
    {
        var text = string.Join('\n',
            "          Carga                    Descarga",
            "Data      29/12/2026 08:00-12:00   30/12/2026",
            "Enderezo  36940 Cangas             4100-110 Porto");

        var rewritten = AlignedColumns.Rewrite(text);

        Assert.StartsWith(" | Carga | Descarga\nData | 29/12/2026 08:00-12:00 | 30/12/2026\n", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Utovar:     ponedjeljak, 11.01.2027\nAdresa:     Zagrebačka 14, 42000 Varaždin\nIstovar:    utorak, 12.01.2027")]
    [InlineData("Ref      Loading         Unloading\nAB-1     85386 Eching    02-672 Warszawa")]
    [InlineData("Ref      Loading         Unloading\nAB-1     85386 Eching    02-672 Warszawa\nAB-2  90409 Nürnberg   31-864 Kraków")]
    [InlineData("Ref\tLoading\tUnloading\nAB-1     85386 Eching    02-672 Warszawa\nAB-2     90409 Nürnberg  31-864 Kraków")]
    public void Rewrite_NoAlignedTable_LeftAsWritten(string text)
    {
        // Two cells a line (labelled fields), too few lines, a line off the columns, tabs.
        Assert.Same(text, AlignedColumns.Rewrite(text));
    }

    [Fact]
    public void Rewrite_TableUnderARuler_ColumnsFromTheRulerWhichIsDropped()
    {
        // The ruler gives the columns, so a cell may hold single spaces ("10-03 09:00") or fill its column.
        var text = string.Join('\n',
            "Sefer No    Yükleme             Boşaltma yeri         Palet   LDM",
            "----------  ------------------  --------------------  ------  -----",
            "KRD-3081    08-03 08:00-12:00   06935 Sincan/Ankara   26      13,6",
            "KRD-3082    10-03 09:00         4006 Plovdiv (BG)     14      7");

        Assert.Equal(string.Join('\n',
            "Sefer No | Yükleme | Boşaltma yeri | Palet | LDM",
            "KRD-3081 | 08-03 08:00-12:00 | 06935 Sincan/Ankara | 26 | 13,6",
            "KRD-3082 | 10-03 09:00 | 4006 Plovdiv (BG) | 14 | 7"), AlignedColumns.Rewrite(text));
    }
}
