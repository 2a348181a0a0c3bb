using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Consent",
                table: "Contacts",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ConsentAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentSource",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Contacts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Contacts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PropertyAddress",
                table: "Contacts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShowingAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactEvents_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactTags",
                columns: table => new
                {
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactTags", x => new { x.ContactId, x.Tag });
                    table.ForeignKey(
                        name: "FK_ContactTags_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AgentId_Consent",
                table: "Contacts",
                columns: new[] { "AgentId", "Consent" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AgentId_FirstName_LastName",
                table: "Contacts",
                columns: new[] { "AgentId", "FirstName", "LastName" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactEvents_ContactId_At",
                table: "ContactEvents",
                columns: new[] { "ContactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactTags_Tag",
                table: "ContactTags",
                column: "Tag");
        
            // Existing contacts: opted out stays opted out (with its keyword as the source); everyone else
            // may receive transactional texts only until consent to marketing is recorded.
            migrationBuilder.Sql("UPDATE \"Contacts\" SET \"Consent\" = CASE WHEN \"IsOptedOut\" THEN 'OptedOut' ELSE 'TransactionalOnly' END, " +
                "\"ConsentSource\" = CASE WHEN \"OptOutKeyword\" IS NOT NULL THEN 'keyword ' || \"OptOutKeyword\" END, \"ConsentAt\" = \"OptOutAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactEvents");

            migrationBuilder.DropTable(
                name: "ContactTags");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_AgentId_Consent",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_AgentId_FirstName_LastName",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Consent",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ConsentSource",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PropertyAddress",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ShowingAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Contacts");
        }
    }
}
