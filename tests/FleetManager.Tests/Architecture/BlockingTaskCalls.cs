using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace FleetManager.Tests.Architecture;

/// <summary>
/// Finds, in compiled code, the calls that block a thread until a task completes (sync-over-async): <c>.Result</c>,
/// <c>.Wait()</c>, <c>WaitAll</c>/<c>WaitAny</c>, <c>RunSynchronously</c> and an awaiter's <c>GetResult()</c> written by
/// hand. Read from the IL rather than the source text because <c>.Result</c> is also the name of ordinary properties
/// (an outcome's result); an awaiter's <c>GetResult()</c> is allowed only in the state machines the compiler writes for
/// <c>await</c>, where the task has already completed.
/// </summary>
internal static class BlockingTaskCalls
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static readonly HashSet<string> Awaiters = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.TaskAwaiter`1",
        "System.Runtime.CompilerServices.ValueTaskAwaiter",
        "System.Runtime.CompilerServices.ValueTaskAwaiter`1",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter",
    };

    /// <summary>Each blocking call in <paramref name="assembly"/>, as "Type.Method calls Target.Member".</summary>
    public static IReadOnlyList<string> In(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            // The entry point the compiler writes for an asynchronous Main (top-level statements that await) waits for it:
            // that is how a process ends when its work ends, not a thread blocked inside the work.
            var stateMachine = typeof(IAsyncStateMachine).IsAssignableFrom(type);
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (method == assembly.EntryPoint && method.Name.StartsWith('<'))
                {
                    continue;
                }

                foreach (var called in CalledBy(method))
                {
                    if (IsBlocking(called, stateMachine))
                    {
                        found.Add($"{type.FullName}.{method.Name} calls {NameOf(called.DeclaringType!)}.{called.Name}");
                    }
                }
            }
        }

        return found;
    }

    private static string NameOf(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;

    private static bool IsBlocking(MethodBase called, bool inStateMachine)
    {
        var declaring = called.DeclaringType;
        if (declaring is null)
        {
            return false;
        }

        var definition = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        var name = definition.FullName ?? "";
        return name switch
        {
            "System.Threading.Tasks.Task" => called.Name is "Wait" or "WaitAll" or "WaitAny" or "RunSynchronously",
            "System.Threading.Tasks.Task`1" or "System.Threading.Tasks.ValueTask`1" => called.Name == "get_Result",
            _ => called.Name == "GetResult" && Awaiters.Contains(name) && !inStateMachine,
        };
    }

    /// <summary>The methods <paramref name="method"/>'s IL calls (call, callvirt, newobj, ldftn).</summary>
    private static IEnumerable<MethodBase> CalledBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } info ? info.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var opCode = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                MethodBase? called;
                try
                {
                    called = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    called = null;
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            at += OperandSize(opCode.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
