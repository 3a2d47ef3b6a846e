using System.Reflection;
using Morph.Protocol.Contracts;
using Morph.Protocol.Sdk;
using Binder = Morph.Protocol.Spec.Binding.Binder;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>Calls a generated service's view by its spec name, for table-driven tests over deployment.json.</summary>
internal static class ServiceReflection
{
    public static MethodInfo ViewMethod(ContractService service, string function, int arity)
    {
        var name = Binder.Pascal(function) + "Async";
        return service.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .SingleOrDefault(m => m.Name == name && m.GetParameters().Length == arity + 2)
            ?? throw new AssertFailedException($"{service.GetType().Name} has no {name} with {arity} arguments");
    }

    public static async Task<object?> CallViewAsync(ContractService service, string function, params object[] args)
    {
        var m = ViewMethod(service, function, args.Length);
        var task = (Task)m.Invoke(service, [.. args, null, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>The functions a service must be able to call with no argument.</summary>
    public static IEnumerable<ContractFunctionInfo> ParameterlessViews(ContractInfo c) =>
        c.Functions.Where(f => !f.IsExtension && f.ParameterTypes.Count == 0 && f.Mutability is "view" or "pure");
}
