using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using static Morph.Protocol.Tests.Generators.GeneratorKit;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The generated code runs, and survives descriptions that C# would read as line breaks.</summary>
[TestClass]
public sealed class GeneratedCodeTests
{
    private static Assembly EmitAndLoad(Compilation output)
    {
        using var ms = new MemoryStream();
        var result = output.Emit(ms);
        Assert.IsTrue(result.Success, Show(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        ms.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(ms);
    }

    [TestMethod]
    public void The_host_fires_through_its_guards()
    {
        var (_, output, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SpecGeneratorTests.SmallSpec)),
            Compilation(SpecGeneratorTests.Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var type = EmitAndLoad(output).GetType("Snap.Hosts.BondHost")!;
        object Get(object o, string p) => type.GetProperty(p)!.GetValue(o)!;
        bool TryLock(object o, ulong amount = 2) => (bool)type.GetMethod("TryLock")!.Invoke(o, [amount])!;

        var refused = Activator.CreateInstance(type)!;
        type.GetProperty("Signed")!.SetValue(refused, false);
        Assert.IsFalse(TryLock(refused), "the Authorized guard reads false");
        Assert.AreEqual("Open", Get(refused, "State").ToString());

        var host = Activator.CreateInstance(type)!;
        Assert.IsFalse(TryLock(host, amount: 1), "the Enough guard reads the trigger's argument");
        Assert.IsTrue(TryLock(host));
        Assert.AreEqual("Locked", Get(host, "State").ToString());
    }

    /// <summary>A failing guard reaches the caller as a generated enum member and its rule as the spec names it
    /// ('else Rule'; a lock without one refuses LockNotExpired); a state that permits no such trigger gives none.</summary>
    [TestMethod]
    public void A_failing_guard_names_its_rule_through_the_generated_enum()
    {
        var (_, output, diagnostics) = Run(Driver(ProtocolRuleType, new InMemoryAdditionalText("spec/small.morph", SpecGeneratorTests.SmallSpec)),
            Compilation(SpecGeneratorTests.Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var assembly = EmitAndLoad(output);
        var type = assembly.GetType("Snap.Hosts.BondHost")!;
        string? RefusalOf(object o, string trigger, ulong amount = 2) =>
            (string?)type.GetMethod("RefusalOf")!.Invoke(o, [Enum.Parse(assembly.GetType("Snap.Small.BondTrigger")!, trigger), amount]);

        var host = Activator.CreateInstance(type)!;
        Assert.AreEqual("WrongStakeAmount", RefusalOf(host, "Lock", amount: 1), "a guard over the trigger's argument names its rule");
        type.GetProperty("Signed")!.SetValue(host, false);
        Assert.AreEqual("NotOwner", RefusalOf(host, "Lock"));
        Assert.AreEqual("state", RefusalOf(host, "Release"), "Open permits no Release");
        type.GetProperty("Signed")!.SetValue(host, true);
        Assert.IsTrue((bool)type.GetMethod("TryLock")!.Invoke(host, [2UL])!);
        Assert.AreEqual("LockNotExpired", RefusalOf(host, "Release"));
        type.GetProperty("Now")!.SetValue(host, 10UL);   // lockBlocks = 10 L1 blocks after Lock (at 0)
        Assert.IsNull(RefusalOf(host, "Release"));

        // RuleOf maps onto the configured enum itself, so a misspelt rule is a compile error, not a run-time surprise.
        var lifecycle = assembly.GetType("Snap.Small.BondLifecycle")!;
        var guard = Enum.Parse(assembly.GetType("Snap.Small.BondGuard")!, "Authorized");
        Assert.AreEqual(Morph.Protocol.Transactions.ProtocolRule.NotOwner, lifecycle.GetMethod("RuleOf")!.Invoke(null, [guard]));
    }

    [TestMethod]
    public void A_rule_the_configured_enum_lacks_is_a_compile_error_in_the_generated_mapping()
    {
        var spec = SpecGeneratorTests.SmallSpec.Replace("else NotOwner", "else NoSuchRule");
        var (_, output, _) = Run(Driver(ProtocolRuleType, new InMemoryAdditionalText("spec/small.morph", spec)), Compilation(SpecGeneratorTests.Host));
        var errors = Errors(output);
        Assert.IsTrue(errors.Any(e => e.Id == "CS0117" && e.GetMessage().Contains("NoSuchRule")), Show(errors));
    }

    [TestMethod]
    public void Descriptions_with_line_breaks_quotes_and_backslashes_compile_and_keep_their_text()
    {
        // CR, NEL, LS and PS end a line in C#; in a doc comment the rest would become code, in a literal an error.
        var doc = "a\rb\u0085c\u2028d\u2029e \"q\" \\ <x> & \tf";
        var spec = "namespace Snap.Odd;\nlifecycle Odd \"" + doc.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" {\n  state S initial \"" +
                   doc.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\";\n}\n";
        var (driver, output, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/odd.morph", spec)), Compilation());
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors) + "\n" + Result(driver).GeneratedSources.Single(s => s.HintName == "Lifecycles/Odd.g.cs").SourceText);
        var field = (IFieldSymbol)output.GetTypeByMetadataName("Snap.Odd.OddLifecycle")!.GetMembers("Description").Single();
        Assert.AreEqual(doc, field.ConstantValue);
    }
}
