global using Microsoft.EntityFrameworkCore;
global using Winnerr.Sms.Core.Agents;
global using Winnerr.Sms.Core.Compliance;
global using Winnerr.Sms.Core.Contacts;
global using Winnerr.Sms.Core.Conversations;
global using Winnerr.Sms.Core.Data;
global using Winnerr.Sms.Core.Messaging;
