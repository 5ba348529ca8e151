using FleetManager.Storage.Users;

namespace FleetManager.Storage.Tests.Contract;

/// <summary>The dashboard's built-in users (<see cref="IOrderStore.Users"/>, schema step 6) on both back-ends.</summary>
public abstract partial class OrderStoreContractTests
{
    private static readonly DateTimeOffset UserAddedAt = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UsersAdd_ThenFind_KeepsNameRoleHashAndTimesFoundInAnyCase()
    {
        var store = Open();

        Assert.True(store.Users.Add("Anna.Kowalska", UserRoleNames.Dispatcher, "AQAAAAIAAYagAAAAEHash", UserAddedAt));

        var found = store.Users.Find("anna.KOWALSKA");
        Assert.NotNull(found);
        Assert.Equal(new UserAccount("Anna.Kowalska", "dispatcher", "AQAAAAIAAYagAAAAEHash", UserAddedAt, UserAddedAt), found);
        Assert.Null(store.Users.Find("anna"));
    }

    [Fact]
    public void UsersAdd_NameTakenInAnotherCase_ReturnsFalseAndKeepsTheFirst()
    {
        var store = Open();
        store.Users.Add("anna", UserRoleNames.Admin, "hash-1", UserAddedAt);

        var added = store.Users.Add("ANNA", UserRoleNames.Viewer, "hash-2", UserAddedAt.AddMinutes(1));

        Assert.False(added);
        var only = Assert.Single(store.Users.List());
        Assert.Equal(("anna", "admin", "hash-1"), (only.Name, only.Role, only.PasswordHash));
    }

    [Fact]
    public void UsersAdd_UnknownRole_ThrowsAndAddsNothing()
    {
        var store = Open();

        Assert.Throws<ArgumentException>(() => store.Users.Add("anna", "root", "hash", UserAddedAt));

        Assert.Empty(store.Users.List());
    }

    [Fact]
    public void UsersList_SeveralUsers_OrderedByNameIgnoringCase()
    {
        var store = Open();
        store.Users.Add("zoe", UserRoleNames.Viewer, "h", UserAddedAt);
        store.Users.Add("Bert", UserRoleNames.Admin, "h", UserAddedAt);
        store.Users.Add("anna", UserRoleNames.Dispatcher, "h", UserAddedAt);

        Assert.Equal(["anna", "Bert", "zoe"], store.Users.List().Select(u => u.Name));
    }

    [Fact]
    public void UsersRemove_ExistingInAnotherCase_RemovesItOnceThenReturnsFalse()
    {
        var store = Open();
        store.Users.Add("anna", UserRoleNames.Viewer, "h", UserAddedAt);

        Assert.True(store.Users.Remove("Anna"));
        Assert.False(store.Users.Remove("anna"));
        Assert.Null(store.Users.Find("anna"));
    }

    [Fact]
    public void UsersSetRoleAndPassword_Existing_ChangeThemAndTheChangedTimeOnly()
    {
        var store = Open();
        store.Users.Add("anna", UserRoleNames.Dispatcher, "old-hash", UserAddedAt);
        var later = UserAddedAt.AddHours(2);

        Assert.True(store.Users.SetRole("ANNA", UserRoleNames.Viewer, later));
        Assert.True(store.Users.SetPasswordHash("anna", "new-hash", later.AddMinutes(5)));

        Assert.Equal(new UserAccount("anna", "viewer", "new-hash", UserAddedAt, later.AddMinutes(5)), store.Users.Find("anna"));
        Assert.False(store.Users.SetRole("bert", UserRoleNames.Admin, later));
        Assert.False(store.Users.SetPasswordHash("bert", "x", later));
        Assert.Throws<ArgumentException>(() => store.Users.SetRole("anna", "Admin", later));
    }

    [Fact]
    public void Users_AddedByOneInstance_SeenByAnotherOnTheSameStore()
    {
        var first = Open();
        var second = Open();

        first.Users.Add("anna", UserRoleNames.Admin, "h", UserAddedAt);

        Assert.Equal("admin", second.Users.Find("anna")?.Role);
        Assert.True(second.Users.Remove("anna"));
        Assert.Null(first.Users.Find("anna"));
    }
}
