using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PowerDialer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DoNotCallAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DialerCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgentCallSid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContactCallSid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedOutcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUpMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpBody = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: true),
                    ContactEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialerCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialerCalls_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialerCalls_ContactEvents_ContactEventId",
                        column: x => x.ContactEventId,
                        principalTable: "ContactEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DialerCalls_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialerFollowUps",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialerFollowUps", x => new { x.AgentId, x.Outcome });
                    table.ForeignKey(
                        name: "FK_DialerFollowUps_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialerFollowUps_Templates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "Templates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DialerSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CurrentEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoAdvance = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialerSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialerSessions_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialerSettings",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MachineDetection = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialerSettings", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_DialerSettings_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialerEntries_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialerEntries_DialerSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "DialerSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_AgentCallSid",
                table: "DialerCalls",
                column: "AgentCallSid",
                unique: true,
                filter: "\"AgentCallSid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_AgentId_Status",
                table: "DialerCalls",
                columns: new[] { "AgentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_ContactCallSid",
                table: "DialerCalls",
                column: "ContactCallSid",
                unique: true,
                filter: "\"ContactCallSid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_ContactEventId",
                table: "DialerCalls",
                column: "ContactEventId");

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_ContactId_CreatedAt",
                table: "DialerCalls",
                columns: new[] { "ContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DialerCalls_SessionId_EntryId",
                table: "DialerCalls",
                columns: new[] { "SessionId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_DialerEntries_ContactId",
                table: "DialerEntries",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DialerEntries_SessionId_Position",
                table: "DialerEntries",
                columns: new[] { "SessionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DialerFollowUps_TemplateId",
                table: "DialerFollowUps",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_DialerSessions_AgentId_Active",
                table: "DialerSessions",
                column: "AgentId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DialerSessions_AgentId_StartedAt",
                table: "DialerSessions",
                columns: new[] { "AgentId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialerCalls");

            migrationBuilder.DropTable(
                name: "DialerEntries");

            migrationBuilder.DropTable(
                name: "DialerFollowUps");

            migrationBuilder.DropTable(
                name: "DialerSettings");

            migrationBuilder.DropTable(
                name: "DialerSessions");

            migrationBuilder.DropColumn(
                name: "DoNotCallAt",
                table: "Contacts");
        }
    }
}
