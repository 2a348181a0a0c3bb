using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SendPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FlaggedRevocation",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Messages",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Transactional");

            migrationBuilder.AddColumn<long>(
                name: "ScheduledFor",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastInboundAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevocationFlaggedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PauseCode",
                table: "AgentNumbers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "AgentNumbers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "AgentNumbers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    SenderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Reconcile = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReconcileSince = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedProviderMessages",
                columns: table => new
                {
                    Sid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedProviderMessages", x => x.Sid);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AgentId_RevocationFlaggedAt",
                table: "Contacts",
                columns: new[] { "AgentId", "RevocationFlaggedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_MessageId",
                table: "Outbox",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SenderNumber_State_Priority_DueAt_Id",
                table: "Outbox",
                columns: new[] { "SenderNumber", "State", "Priority", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_State_DueAt",
                table: "Outbox",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedProviderMessages_From_To_CreatedAt",
                table: "SimulatedProviderMessages",
                columns: new[] { "From", "To", "CreatedAt" });

            // Plain SQL that PostgreSQL runs as well as SQLite. The reply window after an opt-out starts
            // at the contact's latest inbound text.
            migrationBuilder.Sql("""
                UPDATE "Contacts" SET "LastInboundAt" =
                    (SELECT MAX(m."CreatedAt") FROM "Messages" m WHERE m."ContactId" = "Contacts"."Id" AND m."Direction" = 'Inbound');
                """);
            // Texts the old inline path stored but never recorded an outcome for (a crash between the two)
            // join the outbox to be reconciled with the provider, never resent blindly.
            migrationBuilder.Sql("""
                INSERT INTO "Outbox" ("MessageId", "SenderNumber", "Priority", "DueAt", "State", "Attempts", "Reconcile", "ReconcileSince", "CreatedAt")
                SELECT m."Id", c."AgentNumber", 0, m."CreatedAt", 'pending', 1, TRUE, m."CreatedAt", m."CreatedAt"
                FROM "Messages" m JOIN "Conversations" c ON c."Id" = m."ConversationId"
                WHERE m."Direction" = 'Outbound' AND m."Status" = 'queued' AND m."Sid" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "SimulatedProviderMessages");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_AgentId_RevocationFlaggedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "FlaggedRevocation",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ScheduledFor",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LastInboundAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "RevocationFlaggedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PauseCode",
                table: "AgentNumbers");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "AgentNumbers");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "AgentNumbers");
        }
    }
}
