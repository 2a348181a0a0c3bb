using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Tests.Store.Flux;

internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly TaskCompletionSource<Exception> _firstError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Exception> FirstError => _firstError.Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                provider._firstError.TrySetResult(exception);
            }
        }
    }
}
