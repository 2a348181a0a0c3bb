namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>A row that was not imported. <see cref="Reason"/> is one or more sentences, without the row number.</summary>
public sealed record RefusedRow(int Row, string Reason);
