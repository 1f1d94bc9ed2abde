namespace PdeKit.Runtime;

/// <summary>The native runtime (libtorch, TorchSharp) could not be set up; the message says why and what to do.</summary>
public sealed class PdeKitRuntimeException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public PdeKitRuntimeException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public PdeKitRuntimeException(string message, Exception inner) : base(message, inner) { }
}
