using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuggestionFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Intent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestionFeedback_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TextEmbeddings",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Vector = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextEmbeddings", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionFeedback_AgentId_ReplyKey",
                table: "SuggestionFeedback",
                columns: new[] { "AgentId", "ReplyKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuggestionFeedback");

            migrationBuilder.DropTable(
                name: "TextEmbeddings");
        }
    }
}
