using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CampaignId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CampaignId",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignAudiences",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactIds = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAudiences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SenderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AudienceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    PlanReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CampaignId_State",
                table: "Outbox",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CampaignId",
                table: "Messages",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAudiences_AgentId_CreatedAt",
                table: "CampaignAudiences",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_CampaignId_Position",
                table: "CampaignRecipients",
                columns: new[] { "CampaignId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_ContactId",
                table: "CampaignRecipients",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_MessageId",
                table: "CampaignRecipients",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AgentId_AudienceId",
                table: "Campaigns",
                columns: new[] { "AgentId", "AudienceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AgentId_CreatedAt",
                table: "Campaigns",
                columns: new[] { "AgentId", "CreatedAt" });

            // SQLite adds a foreign key only by rebuilding the table, and rebuilding Messages copies every message (and
            // drops the triggers other features keep on it). There the columns stay plain indexed columns; PostgreSQL
            // gets the constraints.
            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.AddForeignKey(
                    name: "FK_Messages_Campaigns_CampaignId",
                    table: "Messages",
                    column: "CampaignId",
                    principalTable: "Campaigns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);

                migrationBuilder.AddForeignKey(
                    name: "FK_Outbox_Campaigns_CampaignId",
                    table: "Outbox",
                    column: "CampaignId",
                    principalTable: "Campaigns",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.DropForeignKey(
                    name: "FK_Messages_Campaigns_CampaignId",
                    table: "Messages");

                migrationBuilder.DropForeignKey(
                    name: "FK_Outbox_Campaigns_CampaignId",
                    table: "Outbox");
            }

            migrationBuilder.DropTable(
                name: "CampaignAudiences");

            migrationBuilder.DropTable(
                name: "CampaignRecipients");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_CampaignId_State",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Messages_CampaignId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "Messages");
        }
    }
}
