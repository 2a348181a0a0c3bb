using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Winnerr.Sms.Core.Data;

/// <summary>
/// Inserts and updates rows of plain (untracked) entities with prepared statements built from the EF
/// model, inside the context's current transaction. For the inbound hot path, where EF's change tracking
/// and update pipeline cost more CPU than the database itself. Columns, names, quoting and value
/// conversions all come from the model, so a new property is written without touching this code.
/// </summary>
public sealed class RowWriter(SmsDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];

    /// <summary>What an entity's columns were when it was read; <see cref="UpdateChangedAsync{T}"/> writes only what differs.</summary>
    public sealed class Snapshot(object?[] values)
    {
        internal object?[] Values { get; } = values;
    }

    public Snapshot Take<T>(T entity) where T : class
    {
        var table = TableOf<T>();
        var values = new object?[table.Columns.Length];
        for (var i = 0; i < values.Length; i++) values[i] = table.Columns[i].Getter.GetClrValueUsingContainingEntity(entity);
        return new Snapshot(values);
    }

    /// <summary>Inserts the entity and sets its generated key.</summary>
    public async Task InsertAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var table = TableOf<T>();
        var command = Command(table.InsertSql);
        command.Parameters.Clear();
        for (var i = 0; i < table.Columns.Length; i++)
            AddParameter(command, "@p" + i, table.Columns[i], table.Columns[i].Getter.GetClrValueUsingContainingEntity(entity));
        var id = await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No key came back for the new {typeof(T).Name}.");
        table.Key.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, table.Key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Writes the columns that changed since the snapshot, and nothing else, so a column another writer
    /// changed meanwhile (a consent change on another node) is not overwritten with a stale value.
    /// Counters are written as increments for the same reason.
    /// </summary>
    public async Task UpdateChangedAsync<T>(T entity, Snapshot before, IReadOnlySet<string>? counters = null, CancellationToken ct = default) where T : class
    {
        var table = TableOf<T>();
        var changed = new List<(int Index, object? Value, bool Counter)>();
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var value = table.Columns[i].Getter.GetClrValueUsingContainingEntity(entity);
            if (Equals(value, before.Values[i])) continue;
            var counter = counters?.Contains(table.Columns[i].Property.Name) == true;
            changed.Add((i, counter ? Convert.ToInt64(value) - Convert.ToInt64(before.Values[i]) : value, counter));
        }
        if (changed.Count == 0) return;

        var command = Command(table.UpdateSql(changed.Select(c => (c.Index, c.Counter))));
        command.Parameters.Clear();
        foreach (var (index, value, counter) in changed)
        {
            if (counter) AddParameter(command, "@p" + index, value);
            else AddParameter(command, "@p" + index, table.Columns[index], value);
        }
        AddParameter(command, "@key", table.KeyColumn, table.Key.GetGetter().GetClrValueUsingContainingEntity(entity));
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("RowWriter writes inside the context's transaction: begin one first.");
        command = transaction.Connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return _commands[sql] = command;
    }

    private static void AddParameter(DbCommand command, string name, Column column, object? value) =>
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, column.Property.IsNullable));

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
    }

    private Table TableOf<T>() => Tables.GetOrAdd(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."),
        static (type, sql) => new Table(type, sql), db.GetService<ISqlGenerationHelper>());

    private static readonly ConcurrentDictionary<IEntityType, Table> Tables = new();

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, string Name);

    private sealed class Table
    {
        public IProperty Key { get; }
        public Column KeyColumn { get; }
        public Column[] Columns { get; }
        public string InsertSql { get; }
        private readonly string _name;
        private readonly ConcurrentDictionary<string, string> _updates = new();

        public Table(IEntityType type, ISqlGenerationHelper sql)
        {
            var tableName = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            _name = sql.DelimitIdentifier(tableName, type.GetSchema());
            Column ColumnOf(IProperty p) => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow property; RowWriter writes mapped CLR properties only.")
                : new Column(p, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), sql.DelimitIdentifier(p.GetColumnName(store)!));
            Key = type.FindPrimaryKey() is { Properties: [var key] } ? key : throw new InvalidOperationException($"{type.DisplayName()} needs a single-column key.");
            KeyColumn = ColumnOf(Key);
            Columns = [.. type.GetProperties().Where(p => p != Key).Select(ColumnOf)];
            InsertSql = $"INSERT INTO {_name} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))}) RETURNING {KeyColumn.Name}";
        }

        public string UpdateSql(IEnumerable<(int Index, bool Counter)> set)
        {
            var sets = set.Select(s => s.Counter ? $"{Columns[s.Index].Name} = {Columns[s.Index].Name} + @p{s.Index}" : $"{Columns[s.Index].Name} = @p{s.Index}");
            var key = string.Join(", ", sets);
            return _updates.GetOrAdd(key, k => $"UPDATE {_name} SET {k} WHERE {KeyColumn.Name} = @key");
        }
    }
}
