namespace FleetManager.Storage.Corrections;

/// <summary>
/// Where an order stands in the dispatcher's workflow: new → reviewed → assigned → in transit → delivered,
/// or cancelled. Stored as the snake_case names of <see cref="OrderStatusNames"/>.
/// </summary>
public enum OrderStatus
{
    /// <summary>Read from the mailbox, nobody has checked it yet (an order with no status row).</summary>
    New,

    /// <summary>A person checked (and perhaps corrected) what was read.</summary>
    Reviewed,

    /// <summary>A vehicle is assigned.</summary>
    Assigned,

    /// <summary>Loaded and on the road.</summary>
    InTransit,

    /// <summary>Unloaded at the last stop.</summary>
    Delivered,

    /// <summary>Will not be carried.</summary>
    Cancelled,
}
