using System.Text.Json.Serialization;

namespace FleetManager.Google.Gmail;

// The Gmail v1 resources FleetManager reads, as the API sends them: 64-bit ids (historyId) are JSON
// strings and stay strings here; empty repeated fields are omitted, so every list is nullable.

internal sealed record GmailProfile(
    [property: JsonPropertyName("emailAddress")] string? EmailAddress,
    [property: JsonPropertyName("historyId")] string? HistoryId);

internal sealed record GmailMessageRef(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("threadId")] string? ThreadId,
    [property: JsonPropertyName("labelIds")] IReadOnlyList<string>? LabelIds);

internal sealed record GmailMessageList(
    [property: JsonPropertyName("messages")] IReadOnlyList<GmailMessageRef>? Messages,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken);

internal sealed record GmailRawMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("labelIds")] IReadOnlyList<string>? LabelIds,
    [property: JsonPropertyName("historyId")] string? HistoryId,
    [property: JsonPropertyName("internalDate")] string? InternalDate,
    [property: JsonPropertyName("raw")] string? Raw);

internal sealed record GmailMessageAdded(
    [property: JsonPropertyName("message")] GmailMessageRef? Message);

internal sealed record GmailHistoryRecord(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("messagesAdded")] IReadOnlyList<GmailMessageAdded>? MessagesAdded);

internal sealed record GmailHistoryList(
    [property: JsonPropertyName("history")] IReadOnlyList<GmailHistoryRecord>? History,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken,
    [property: JsonPropertyName("historyId")] string? HistoryId);

internal sealed record GmailLabel(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("labelListVisibility")] string? LabelListVisibility = null,
    [property: JsonPropertyName("messageListVisibility")] string? MessageListVisibility = null);

internal sealed record GmailLabelList(
    [property: JsonPropertyName("labels")] IReadOnlyList<GmailLabel>? Labels);

internal sealed record GmailModifyRequest(
    [property: JsonPropertyName("addLabelIds")] IReadOnlyList<string> AddLabelIds,
    [property: JsonPropertyName("removeLabelIds")] IReadOnlyList<string> RemoveLabelIds);

internal sealed record GmailBatchModifyRequest(
    [property: JsonPropertyName("ids")] IReadOnlyList<string> Ids,
    [property: JsonPropertyName("addLabelIds")] IReadOnlyList<string> AddLabelIds,
    [property: JsonPropertyName("removeLabelIds")] IReadOnlyList<string> RemoveLabelIds);

internal sealed record GoogleErrorItem(
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("domain")] string? Domain);

internal sealed record GoogleErrorBody(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("errors")] IReadOnlyList<GoogleErrorItem>? Errors,
    [property: JsonPropertyName("details")] IReadOnlyList<GoogleErrorItem>? Details);

internal sealed record GoogleErrorEnvelope(
    [property: JsonPropertyName("error")] GoogleErrorBody? Error);
