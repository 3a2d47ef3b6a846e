using System.Text.Json;
using Morph.Protocol.Crypto.Ed25519;
using Morph.Protocol.L1;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.L1;

/// <summary>../shared/vectors/registration/tm_signature.json (made with @noble/curves, cross-checked with OpenSSL):
/// the registration message and the tm message are built from the case's inputs exactly as PROTOCOL.md section 2
/// says, and the tmSignature verifies (pure Ed25519, strict) exactly when the vector says.</summary>
[TestClass]
public sealed class TmSignatureVectorTests
{
    private static string VectorFile => Path.Combine(TestPaths.Vectors, "registration", "tm_signature.json");

    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorFile));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()!, c.GetRawText() }).ToList();
    }

    public static string DisplayName(System.Reflection.MethodInfo _, object[] data) => "tm_signature " + data[0];

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(DisplayName))]
    public void Vector_case(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var input = doc.RootElement.GetProperty("input");
        string S(string field) => input.GetProperty(field).GetString()!;
        var chainId = input.GetProperty("l1ChainId").GetUInt64();
        var staking = Address.Parse(S("stakingAddress").ToLowerInvariant());
        var sender = Address.Parse(S("sender").ToLowerInvariant());
        var tmKey = Bytes32.Parse(S("tmKey"));
        var blsKey = ByteString.ParseHex(S("blsPublicKey"));
        var signature = ByteString.ParseHex(S("tmSignature"));

        var registration = RegistrationMessage.Compute(chainId, staking, sender, tmKey);
        Assert.AreEqual(Bytes32.Parse(S("registrationMessage")), registration, $"{name}: registrationMessage");
        var tmMessage = RegistrationMessage.TmMessage(registration, blsKey.Span);
        Assert.AreEqual(Bytes32.Parse(S("tmMessage")), tmMessage, $"{name}: tmMessage");
        Assert.AreEqual(tmMessage, RegistrationMessage.TmMessage(chainId, staking, sender, tmKey, blsKey.Span), $"{name}: tmMessage from the inputs");

        var expected = doc.RootElement.GetProperty("output").GetBoolean();
        Assert.AreEqual(expected, Ed25519Signature.Verify(tmKey.ToArray(), tmMessage.ToArray(), signature.Span), name);
    }

    [TestMethod]
    public void The_file_has_cases_that_verify_and_cases_that_do_not()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorFile));
        var outputs = doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("output").GetBoolean()).ToList();
        Assert.IsTrue(outputs.Contains(true) && outputs.Contains(false), $"{outputs.Count} cases");
    }
}
