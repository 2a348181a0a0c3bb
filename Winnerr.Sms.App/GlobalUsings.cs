global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using Winnerr.Sms.Core.Contacts;
global using Winnerr.Sms.Core.Conversations;
global using Winnerr.Sms.Core.Data;
global using Winnerr.Sms.Core.Messaging;
global using Winnerr.Sms.Core.Conversations.Commands;
global using Winnerr.Sms.Core.Outbox;
