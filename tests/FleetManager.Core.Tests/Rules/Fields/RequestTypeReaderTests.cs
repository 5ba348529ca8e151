using FleetManager.Core.Rules.Fields;
using Xunit;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>Which messages are a freight exchange's alerts, whose entries are load offers.</summary>
public sealed class RequestTypeReaderTests
{
    [Theory]
    [InlineData("Uus veopakkumine sobib teie otsinguga \"EE-LT\":\nVeose ID: VT-99812\nLaadimine: EE 50090 Tartu\nPakkuja: Emajõe Logistika OÜ")]
    [InlineData("Nya laster som matchar din sökning:\nGöteborg -> Oslo, 12 t\nUtlagd av: Västkust Frakt AB")]
    [InlineData("Neue Ladungen für Ihren Suchauftrag:\nAngebots-ID 4471\n85386 Eching -> 02-672 Warszawa")]
    [InlineData("Новые грузы по вашей подписке «LV/LT → PL»:\n\n№ груза | Загрузка | Выгрузка\nGX-20931 | LV-3001 Елгава | PL 87-100 Toruń")]
    public void IsExchangeNotification_AlertWordingAndAnEntryLabel_True(string text) =>
        Assert.True(RequestTypeReader.IsExchangeNotification(text));

    [Theory]
    [InlineData("Nova carga para amanhã: 4300-069 Porto -> 28823 Coslada, 18 paletes.")]
    [InlineData("Pakkuja: Emajõe Logistika OÜ\nLaadimine: EE 50090 Tartu")]
    [InlineData("Palun veose ID: VT-99812 kinnitada.")]
    public void IsExchangeNotification_OnlyOneOfTheTwo_False(string text) =>
        // A direct order may say "new load"; an offerer or a load ID alone is no alert either.
        Assert.False(RequestTypeReader.IsExchangeNotification(text));
}
