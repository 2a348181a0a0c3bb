using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Winnerr.Sms.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConsentRequestedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsentRequestedAt",
                table: "Contacts");
        }
    }
}
