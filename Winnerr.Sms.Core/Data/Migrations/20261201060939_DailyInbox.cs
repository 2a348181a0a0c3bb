using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DailyInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "Conversations",
                type: "TEXT",
                maxLength: 1600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastMessageDirection",
                table: "Conversations",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastMessageStatus",
                table: "Conversations",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsReply",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AgentSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgentId_NeedsReply",
                table: "Conversations",
                columns: new[] { "AgentId", "NeedsReply" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentSessions_UserId_EndedAt",
                table: "AgentSessions",
                columns: new[] { "UserId", "EndedAt" });

            // Plain SQL, as PostgreSQL runs it too: each thread's last message decides its preview marker
            // and whether it waits for a reply.
            migrationBuilder.Sql("""
                UPDATE "Conversations" SET
                    "LastMessageDirection" = (SELECT m."Direction" FROM "Messages" m WHERE m."ConversationId" = "Conversations"."Id" ORDER BY m."CreatedAt" DESC, m."Id" DESC LIMIT 1),
                    "LastMessageStatus" = (SELECT m."Status" FROM "Messages" m WHERE m."ConversationId" = "Conversations"."Id" ORDER BY m."CreatedAt" DESC, m."Id" DESC LIMIT 1);
                UPDATE "Conversations" SET "NeedsReply" = TRUE WHERE "LastMessageDirection" = 'Inbound';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentSessions");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgentId_NeedsReply",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "LastMessageDirection",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "LastMessageStatus",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NeedsReply",
                table: "Conversations");
        }
    }
}
