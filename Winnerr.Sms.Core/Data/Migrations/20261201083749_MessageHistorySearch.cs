using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Winnerr.Sms.Core.History;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageHistorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AgentId",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            // Backfill before the index exists: one pass over the messages, then one index build.
            migrationBuilder.Sql("""
                UPDATE "Messages" SET "AgentId" = (SELECT c."AgentId" FROM "Conversations" c WHERE c."Id" = "Messages"."ConversationId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AgentId_CreatedAt_Id",
                table: "Messages",
                columns: new[] { "AgentId", "CreatedAt", "Id" },
                descending: new[] { false, true, true });

            // Full-text search is provider-specific: SQLite's FTS5 here; PostgreSQL brings its own (tsvector + GIN).
            if (migrationBuilder.IsSqlite())
                foreach (var sql in MessageSearchSchema.CreateSqlite()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
                foreach (var sql in MessageSearchSchema.DropSqlite()) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_Messages_AgentId_CreatedAt_Id",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "AgentId",
                table: "Messages");
        }
    }
}
