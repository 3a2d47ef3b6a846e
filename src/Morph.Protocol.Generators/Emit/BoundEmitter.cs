using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per bound (<c>bound B(key) at most P else Rule</c>): its key record and a counter the model keeps per key,
    /// O(1) per entity entering or leaving a counted state; nothing ever scans the entities.</summary>
    internal static class BoundEmitter
    {
        public static string Emit(BoundModel b, string? ruleType)
        {
            var w = new SourceWriter();
            w.Header();
            w.Open("namespace " + b.Namespace);
            var key = b.Name + "Key";
            w.Doc($"The key bound {b.Name} counts per.");
            w.Line(SourceWriter.GeneratedCode);
            w.Line($"public readonly record struct {key}({string.Join(", ", b.Key.Select(p => AbiTypeMapping.QualifiedClrType(p.Type) + " " + AbiTypeMapping.Pascal(p.Name)))});");
            w.Line();
            w.Doc($"Bound {b.Name}: at most {b.Limit} entities per ({string.Join(", ", b.Key.Select(p => p.Name))}), refused as {b.Rule}. {b.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed class {b.Name}Bound");
            w.Line($"private readonly global::System.Collections.Generic.Dictionary<{key}, ulong> _counts = new();");
            w.Line();
            w.Doc("The parameter that limits the count.");
            w.Line($"public const string LimitParameter = {SourceWriter.Literal(b.Limit)};");
            w.Line();
            w.Doc("The rule a creation refused by the bound names.");
            w.Line($"public const string RuleName = {SourceWriter.Literal(b.Rule)};");
            if (ruleType != null)
            {
                w.Line();
                w.Line($"public const global::{ruleType} Rule = global::{ruleType}.{b.Rule};");
            }
            w.Line();
            w.Doc("How many entities count toward the key now.");
            w.Line($"public ulong Count({key} key) => _counts.TryGetValue(key, out var n) ? n : 0UL;");
            w.Line();
            w.Doc($"Whether one more fits under {b.Limit}.");
            w.Line($"public bool HasRoom({key} key, global::{b.ParametersNamespace}.ProtocolParameters parameters) => Count(key) < parameters.{AbiTypeMapping.Pascal(b.Limit)};");
            w.Line();
            w.Doc("An entity entered a counted state.");
            w.Line($"public void Enter({key} key) => _counts[key] = Count(key) + 1;");
            w.Line();
            w.Doc("An entity left the counted states (completed, claimed).");
            w.Open($"public void Leave({key} key)");
            w.Line("var n = Count(key);");
            w.Line("if (n == 0) throw new global::System.InvalidOperationException($\"bound " + b.Name + ": {key} has no entity to leave\");");
            w.Line("if (n == 1) _counts.Remove(key); else _counts[key] = n - 1;");
            w.Close();
            w.Line();
            w.Doc("How many keys hold at least one entity.");
            w.Line("public int KeyCount => _counts.Count;");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
