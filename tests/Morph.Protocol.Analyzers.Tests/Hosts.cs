namespace Morph.Protocol.Analyzers.Tests;

/// <summary>A hand-written stand-in for a generated host: the same attributes the generator puts on CanFire{T}/Fire{T}
/// (see obj/generated/**/Hosts/*.g.cs), on a tiny lifecycle with every kind of trigger.</summary>
internal static class Hosts
{
    public const string Bond = """
        public enum BondTrigger { Lock, Release, Slash, Defend, Tick, Revert }
        public enum BondGuard { LockBlocksElapsed, Authorized }
        public static class BondLifecycle { public const string Name = "Bond"; internal static BondGuard GuardOf(string name) => Enum.Parse<BondGuard>(name); }
        public partial class Bond
        {
            public bool CanFire(BondTrigger t) => true;
            public bool CanFire(BondTrigger t, out BondGuard? failed) { failed = null; return true; }
            internal void Fire(BondTrigger t) { }
            [LifecycleTrigger("Bond", "Lock", TriggerKind.External, Causes = new[] { "Bond.Revert" })] public bool CanFireLock(int amount, out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Lock", TriggerKind.External, Causes = new[] { "Bond.Revert" })] internal void FireLock(int amount) { }
            [LifecycleTrigger("Bond", "Release", TriggerKind.External, Pays = "bond", Lock = "lockBlocks")] public bool CanFireRelease(out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Release", TriggerKind.External, Pays = "bond", Lock = "lockBlocks")] internal void FireRelease() { }
            [LifecycleTrigger("Bond", "Slash", TriggerKind.Internal, Slashes = true)] public bool CanFireSlash(out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Slash", TriggerKind.Internal, Slashes = true)] internal void FireSlash() { }
            [LifecycleTrigger("Bond", "Defend", TriggerKind.Internal, Pays = "bond", Waives = "*", WaiverGuard = "Authorized")] public bool CanFireDefend(out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Defend", TriggerKind.Internal, Pays = "bond", Waives = "*", WaiverGuard = "Authorized")] internal void FireDefend() { }
            [LifecycleTrigger("Bond", "Tick", TriggerKind.Time)] public bool CanFireTick(out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Tick", TriggerKind.Time)] internal void FireTick() { }
            [LifecycleTrigger("Bond", "Revert", TriggerKind.Internal)] public bool CanFireRevert(out BondGuard? failed) { failed = null; return true; }
            [LifecycleTrigger("Bond", "Revert", TriggerKind.Internal)] internal void FireRevert() { }
            [LifecycleGuard("Bond", "Authorized", "NotOwner")] private partial bool Authorized();
        }
        public class Ledger
        {
            [Payout] public void Pay(int amount) { }
            [SlashEffect] public void TakeStake(int amount) { }
        }
        """;
}
