using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>How a Solidity type appears in generated records, and the expressions that convert it to and
    /// from the dynamic codec's AbiValue (through the hand-written AbiConvert).</summary>
    internal static class AbiTypeMapping
    {
        public static string ClrType(AbiTypeModel t) => ClrType(t, qualified: false);

        /// <summary><see cref="ClrType(AbiTypeModel)"/> with every name qualified (global::), for code a user's names cannot shadow.</summary>
        public static string QualifiedClrType(AbiTypeModel t) => ClrType(t, qualified: true);

        private static string ClrType(AbiTypeModel t, bool qualified)
        {
            var primitives = qualified ? "global::Morph.Protocol.Primitives." : "";
            return t.Kind switch
            {
                AbiKind.UInt => t.Size switch { 8 => "byte", 16 => "ushort", 32 => "uint", 64 => "ulong", _ => primitives + "UInt256" },
                AbiKind.Int => (qualified ? "global::" : "") + "System.Numerics.BigInteger",
                AbiKind.Address => primitives + "Address",
                AbiKind.Bool => "bool",
                AbiKind.FixedBytes => primitives + (t.Size == 32 ? "Bytes32" : "ByteString"),
                AbiKind.Bytes => primitives + "ByteString",
                AbiKind.String => "string",
                AbiKind.Array => primitives + "ValueArray<" + ClrType(t.Element!, qualified) + ">",
                _ => (qualified ? "global::" + Morph.Protocol.Spec.Binding.Binder.DefaultContractNamespace + "." : "") + t.StructName!,
            };
        }

        private const string Convert = "global::Morph.Protocol.Contracts.AbiConvert";

        /// <summary>An expression turning <paramref name="expr"/> (of <see cref="ClrType"/>) into an AbiValue;
        /// <paramref name="qualified"/>: every name global::, for code a user's names cannot shadow.</summary>
        public static string ToAbi(AbiTypeModel t, string expr, int depth = 0, bool qualified = false)
        {
            var convert = qualified ? Convert : "AbiConvert";
            return t.Kind switch
            {
                AbiKind.UInt => $"{convert}.FromUInt({expr})",
                AbiKind.Int => $"{convert}.FromInt({expr})",
                AbiKind.Array => $"{convert}.FromArray({expr}, static x{depth} => {ToAbi(t.Element!, "x" + depth, depth + 1, qualified)})",
                AbiKind.Struct => $"{expr}.ToAbi()",
                _ => $"{convert}.From({expr})",
            };
        }

        /// <summary>An expression turning the AbiValue <paramref name="expr"/> (already checked by the codec
        /// against the canonical type) into <see cref="ClrType"/>.</summary>
        public static string FromAbi(AbiTypeModel t, string expr, int depth = 0, bool qualified = false)
        {
            var convert = qualified ? Convert : "AbiConvert";
            return t.Kind switch
            {
                AbiKind.UInt => t.Size switch
                {
                    8 => $"{convert}.ToByte({expr})",
                    16 => $"{convert}.ToUInt16({expr})",
                    32 => $"{convert}.ToUInt32({expr})",
                    64 => $"{convert}.ToUInt64({expr})",
                    _ => $"{convert}.ToUInt256({expr})",
                },
                AbiKind.Int => $"{convert}.ToBigInteger({expr})",
                AbiKind.Address => $"{convert}.ToAddress({expr})",
                AbiKind.Bool => $"{convert}.ToBool({expr})",
                AbiKind.FixedBytes when t.Size == 32 => $"{convert}.ToBytes32({expr})",
                AbiKind.FixedBytes or AbiKind.Bytes => $"{convert}.ToByteString({expr})",
                AbiKind.String => $"{convert}.ToStr({expr})",
                AbiKind.Array => $"{convert}.ToArray({expr}, static x{depth} => {FromAbi(t.Element!, "x" + depth, depth + 1, qualified)})",
                _ => qualified ? $"global::{Morph.Protocol.Spec.Binding.Binder.DefaultContractNamespace}.{t.StructName}.FromAbi({expr})" : $"{t.StructName}.FromAbi({expr})",
            };
        }

        private static readonly string[] Reserved = { "Info", "Encode", "Decode", "FromValues", "ToValues", "Selector", "SelectorValue", "Topic0", "Topic0Bytes", "ToAbi", "FromAbi", "AbiType", "EqualityContract" };

        /// <summary>The record property for a parameter: PascalCase, positional names for unnamed ones,
        /// and a suffix where a name would hide a generated member.</summary>
        public static string PropertyName(string name, int index)
        {
            var p = name.Length == 0 ? "Arg" + index : Pascal(name);
            return Reserved.Contains(p) ? p + "Value" : p;
        }

        /// <summary>The record property of an indexed dynamic event parameter: only its keccak256 travels in the log.</summary>
        public static bool IsIndexedHash(FieldModel f) =>
            f.Indexed && f.Type.Kind is AbiKind.Bytes or AbiKind.String or AbiKind.Array or AbiKind.Struct;

        /// <summary>The binder's naming rule, so generated member names are the ones the binder checked for clashes.</summary>
        public static string Pascal(string name) => Morph.Protocol.Spec.Binding.Binder.Pascal(name);
    }
}
