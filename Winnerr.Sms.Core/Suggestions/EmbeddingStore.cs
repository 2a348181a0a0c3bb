using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Sentence embeddings by text: from memory, else from the TextEmbeddings table, else computed once and
/// persisted (written off the request, never through the inbox writer). Past texts are never embedded twice.
/// </summary>
public sealed class EmbeddingStore(IDbContextFactory<SmsDbContext> dbFactory, ILogger<EmbeddingStore> logger)
{
    private const int MaxInMemory = 50_000;
    private readonly ConcurrentDictionary<string, float[]> _memory = new();

    public int Computed => _computed;
    private int _computed;

    public async Task<float[][]> GetAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var keys = texts.Select(t => Key(generator, t)).ToArray();
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_memory.TryGetValue(keys[i], out var hit)) result[i] = hit;
            else missing.Add(i);
        }
        if (missing.Count == 0) return result;

        // Only a batch of past texts is worth a database look-up; a single new text is computed at once.
        if (missing.Count > 1)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var wanted = missing.Select(i => keys[i]).Distinct().ToList();
            var stored = new Dictionary<string, byte[]>();
            foreach (var chunk in wanted.Chunk(500))
                foreach (var row in await db.TextEmbeddings.AsNoTracking().Where(e => chunk.Contains(e.Hash)).ToListAsync(ct))
                    stored[row.Hash] = row.Vector;
            missing.RemoveAll(i =>
            {
                if (!stored.TryGetValue(keys[i], out var bytes)) return false;
                result[i] = Remember(keys[i], MemoryMarshal.Cast<byte, float>(bytes).ToArray());
                return true;
            });
            if (missing.Count == 0) return result;
        }

        var toCompute = missing.Select(i => texts[i]).Distinct().ToList();
        var fresh = new Dictionary<string, float[]>();
        foreach (var chunk in toCompute.Chunk(32))
        {
            var embeddings = await generator.GenerateAsync(chunk, cancellationToken: ct);
            for (var j = 0; j < chunk.Length; j++) fresh[chunk[j]] = embeddings[j].Vector.ToArray();
        }
        Interlocked.Add(ref _computed, fresh.Count);
        var rows = new List<TextEmbedding>();
        foreach (var i in missing)
        {
            result[i] = Remember(keys[i], fresh[texts[i]]);
            if (rows.All(r => r.Hash != keys[i])) rows.Add(new TextEmbedding { Hash = keys[i], Vector = MemoryMarshal.AsBytes(result[i].AsSpan()).ToArray() });
        }
        _ = PersistAsync(rows);
        return result;
    }

    private float[] Remember(string key, float[] vector)
    {
        if (_memory.Count >= MaxInMemory) _memory.Clear();
        _memory[key] = vector;
        return vector;
    }

    private async Task PersistAsync(List<TextEmbedding> rows)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var hashes = rows.Select(r => r.Hash).ToList();
            var known = await db.TextEmbeddings.Where(e => hashes.Contains(e.Hash)).Select(e => e.Hash).ToListAsync();
            db.TextEmbeddings.AddRange(rows.Where(r => !known.Contains(r.Hash)));
            await db.SaveChangesAsync();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A cache row lost (a concurrent insert of the same text, a locked database) is computed again next time.
            logger.LogDebug(ex, "Persisting {Count} embeddings failed", rows.Count);
        }
    }

    /// <summary>The model and the exact text: the same text under another model is another vector.</summary>
    private static string Key(IEmbeddingGenerator<string, Embedding<float>> generator, string text)
    {
        var model = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? generator.GetType().Name;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + text)));
    }
}
