using FleetManager.Storage.Users;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The dashboard's built-in users (<see cref="IOrderStore.Users"/>, schema step 6) on both back-ends.</summary>
public abstract partial class OrderStoreContractTests
{
    private static readonly DateTimeOffset UserAddedAt = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UsersAdd_ThenFind_KeepsNameRoleHashAndTimesFoundInAnyCase()
    {
        var store = Open();

        Assert.True(await store.Users.AddAsync("Anna.Kowalska", UserRoleNames.Dispatcher, "AQAAAAIAAYagAAAAEHash", UserAddedAt, CancellationToken.None));

        var found = await store.Users.FindAsync("anna.KOWALSKA", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(new UserAccount("Anna.Kowalska", "dispatcher", "AQAAAAIAAYagAAAAEHash", UserAddedAt, UserAddedAt), found);
        Assert.Null(await store.Users.FindAsync("anna", CancellationToken.None));
    }

    [Fact]
    public async Task UsersAdd_NameTakenInAnotherCase_ReturnsFalseAndKeepsTheFirst()
    {
        var store = Open();
        await store.Users.AddAsync("anna", UserRoleNames.Admin, "hash-1", UserAddedAt, CancellationToken.None);

        var added = await store.Users.AddAsync("ANNA", UserRoleNames.Viewer, "hash-2", UserAddedAt.AddMinutes(1), CancellationToken.None);

        Assert.False(added);
        var only = Assert.Single(await store.Users.ListAsync(CancellationToken.None));
        Assert.Equal(("anna", "admin", "hash-1"), (only.Name, only.Role, only.PasswordHash));
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_ThrowsAndAddsNothing()
    {
        var store = Open();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Users.AddAsync("anna", "root", "hash", UserAddedAt, CancellationToken.None));

        Assert.Empty(await store.Users.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UsersList_SeveralUsers_OrderedByNameIgnoringCase()
    {
        var store = Open();
        await store.Users.AddAsync("zoe", UserRoleNames.Viewer, "h", UserAddedAt, CancellationToken.None);
        await store.Users.AddAsync("Bert", UserRoleNames.Admin, "h", UserAddedAt, CancellationToken.None);
        await store.Users.AddAsync("anna", UserRoleNames.Dispatcher, "h", UserAddedAt, CancellationToken.None);

        Assert.Equal(["anna", "Bert", "zoe"], (await store.Users.ListAsync(CancellationToken.None)).Select(u => u.Name));
    }

    [Fact]
    public async Task UsersRemove_ExistingInAnotherCase_RemovesItOnceThenReturnsFalse()
    {
        var store = Open();
        await store.Users.AddAsync("anna", UserRoleNames.Viewer, "h", UserAddedAt, CancellationToken.None);

        Assert.True(await store.Users.RemoveAsync("Anna", CancellationToken.None));
        Assert.False(await store.Users.RemoveAsync("anna", CancellationToken.None));
        Assert.Null(await store.Users.FindAsync("anna", CancellationToken.None));
    }

    [Fact]
    public async Task UsersSetRoleAndPassword_Existing_ChangeThemAndTheChangedTimeOnly()
    {
        var store = Open();
        await store.Users.AddAsync("anna", UserRoleNames.Dispatcher, "old-hash", UserAddedAt, CancellationToken.None);
        var later = UserAddedAt.AddHours(2);

        Assert.True(await store.Users.SetRoleAsync("ANNA", UserRoleNames.Viewer, later, CancellationToken.None));
        Assert.True(await store.Users.SetPasswordHashAsync("anna", "new-hash", later.AddMinutes(5), CancellationToken.None));

        Assert.Equal(new UserAccount("anna", "viewer", "new-hash", UserAddedAt, later.AddMinutes(5)), await store.Users.FindAsync("anna", CancellationToken.None));
        Assert.False(await store.Users.SetRoleAsync("bert", UserRoleNames.Admin, later, CancellationToken.None));
        Assert.False(await store.Users.SetPasswordHashAsync("bert", "x", later, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.Users.SetRoleAsync("anna", "Admin", later, CancellationToken.None));
    }

    [Fact]
    public async Task Users_AddedByOneInstance_SeenByAnotherOnTheSameStore()
    {
        var first = Open();
        var second = Open();

        await first.Users.AddAsync("anna", UserRoleNames.Admin, "h", UserAddedAt, CancellationToken.None);

        Assert.Equal("admin", (await second.Users.FindAsync("anna", CancellationToken.None))?.Role);
        Assert.True(await second.Users.RemoveAsync("anna", CancellationToken.None));
        Assert.Null(await first.Users.FindAsync("anna", CancellationToken.None));
    }
}
