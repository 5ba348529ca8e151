using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Stops;

/// <summary>What one column of a load list holds: a part of the loading or unloading stop, or nothing of a stop.</summary>
internal readonly record struct LoadListColumn(StopType? Type, LoadListField Field);
