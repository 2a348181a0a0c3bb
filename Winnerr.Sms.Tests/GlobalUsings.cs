global using Winnerr.Sms.Core.Conversations.Commands;
