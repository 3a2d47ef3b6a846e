using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using YamlDotNet.RepresentationModel;

namespace Morph.Protocol.Simulation;

/// <summary>A step that cannot run as written (an unknown actor, no L2 yet): reported with the step's line.</summary>
internal sealed class StepError(string message) : Exception(message);

/// <summary>The outcome of a scenario file: the steps as run, and the first unexpected outcome (step, rule, expectation).</summary>
public sealed record ScenarioResult(ScenarioFile File, Network Network, IReadOnlyList<StepOutcome> Steps, string? Failure, long InvariantChecks)
{
    public bool Passed => Failure is null;
}

/// <summary>Runs a <see cref="ScenarioFile"/> on a fresh <see cref="Network"/>, checking every step's expectation
/// (a transaction is expected to apply unless the step says <c>expect: { refused: Rule }</c>) and, after every step,
/// all invariants. Stops at the first unexpected outcome and names the step, its line, the rule and the expectation.</summary>
public sealed class ScenarioRunner(ScenarioFile file)
{
    private readonly List<StepOutcome> _steps = [];
    private Network _n = null!;
    private long _checks;

    public static ScenarioResult Run(string path) => new ScenarioRunner(ScenarioFile.Load(path)).Run();

    /// <param name="recorder">Receives the journal's entries: the options first, then every accepted command.</param>
    public ScenarioResult Run(IProgress<(string, ulong, ulong)>? progress = null, Action<byte[]>? recorder = null)
    {
        _n = new Network(file.Options) { VerifyRefusals = true };
        if (recorder is not null) { recorder(_n.OptionsEntry()); _n.Recorder = recorder; }
        foreach (var step in file.Steps)
        {
            string? failure;
            try { failure = Execute(step); }
            catch (ScenarioException e) { return new ScenarioResult(file, _n, _steps, e.Message, _checks); }   // it names its own line
            catch (StepError e) { failure = e.Message; }
            if (failure is null && _n.CheckInvariants() is { Count: > 0 } broken) failure = $"invariants broken: {string.Join("; ", broken)}";
            _checks++;
            progress?.Report((step.Action, (ulong)step.Index, (ulong)file.Steps.Count));
            if (failure is not null) return new ScenarioResult(file, _n, _steps, $"{file.Path}:{step.Line}: step {step.Index} ({step.Action}): {failure}", _checks);
        }
        return new ScenarioResult(file, _n, _steps, null, _checks);
    }

    private string? Execute(ScenarioStep s)
    {
        var arg = s.Argument;
        var owner = _n.L1.Genesis.Owner;
        switch (s.Action)
        {
            case "whitelist": return Tx(s, owner, _n.L1(owner, new L1StakingContract.UpdateWhitelistCall(new ValueArray<Address>(Names(arg).Select(Who).ToArray()), new ValueArray<Address>([]))));
            case "register": return Each(s, arg, name => Tx(s, Who(name), _n.Register(_n.Staker(StakerNumber(name)))));
            case "withdraw": return Each(s, arg, name => Tx(s, Who(name), _n.L1(Who(name), new L1StakingContract.WithdrawCall())));
            case "claimWithdrawal": return Each(s, arg, name => Tx(s, Who(name), _n.L1(Who(name), new L1StakingContract.ClaimWithdrawalCall(Who(name)))));
            case "markL2Genesis": return Tx(s, owner, _n.L1(owner, new RollupContract.MarkL2GenesisCall()));
            case "enableBls": return Tx(s, owner, _n.L1(owner, new RollupContract.EnableBlsCall()));
            case "resetSequencerSet": return Tx(s, owner, _n.L1(owner, new RollupContract.ResetSequencerSetCall(new ValueArray<Address>(Names(arg).Select(Who).ToArray()))));
            case "corruptNextBatch": _n.CorruptNextBatch(); return Note(s, "the next batch is fraudulent");
            case "challenge":
            {
                var b = LastBatch(s);
                return Tx(s, DefaultScenario.Challenger, _n.L1(DefaultScenario.Challenger, new RollupContract.ChallengeStateCall(b.Index, b.Hash), value: _n.Parameters.ChallengeDeposit));
            }
            case "settle":
            {
                var b = _n.L1.Rollup.BatchAt(LastBatch(s).Index)!;
                if (b.ChallengeBlock is not { } c) return "the last batch is not challenged";
                while (_n.L1.Block <= c + _n.Parameters.ProofWindow) _n.AdvanceL2((ulong)_n.Options.L2BlocksPerL1Block);
                return Tx(s, DefaultScenario.Challenger, _n.L1(DefaultScenario.Challenger, new RollupContract.SettleChallengeCall(b.Index)));
            }
            case "claimChallengeReward": return Tx(s, DefaultScenario.Challenger, _n.L1(DefaultScenario.Challenger, new RollupContract.ClaimRewardCall(DefaultScenario.Challenger)));
            case "approve":
                return Each(s, arg, name =>
                    Tx(s, Who(name), _n.Token(Who(name), new MorphTokenContract.ApproveCall(L2.Genesis.StakingAddress, UInt256.MaxValue)))
                    ?? Tx(s, Who(name), _n.Token(Who(name), new MorphTokenContract.ApproveCall(L2.Genesis.DistributionAddress, UInt256.MaxValue))));
            case "delegate": return Tx(s, From(arg), _n.Staking(From(arg), new L2StakingContract.DelegateStakeCall(Who(Field(arg, "to")), Morph(arg))));
            case "undelegate": return Tx(s, From(arg), _n.Staking(From(arg), new L2StakingContract.UndelegateCall(Who(Field(arg, "to")), Morph(arg))));
            case "redelegate": return Tx(s, From(arg), _n.Staking(From(arg), new L2StakingContract.RedelegateCall(Who(Field(arg, "staker")), Who(Field(arg, "to")), Morph(arg))));
            case "claimAll": return Each(s, arg, name => Tx(s, Who(name), _n.Distribute(Who(name), new DistributeContract.ClaimAllRewardsCall())));
            case "claimCommission":
                return Each(s, arg, name => Tx(s, Who(name), _n.Distribute(Who(name), new DistributeContract.ClaimCommissionOfCall(
                    L2.Staking.Incarnations.LastOrDefault(x => x.Address == Who(name))?.RegistrationNonce ?? 0))));
            case "unjail": return Each(s, arg, name => Tx(s, Who(name), _n.Staking(Who(name), new L2StakingContract.UnjailCall())));
            case "restartL2": return Tx(s, L2.Genesis.Owner, _n.Staking(L2.Genesis.Owner, new L2StakingContract.RestartL2Call()));
            case "offline": foreach (var name in Names(arg)) _n.SetLive(Who(name), false); return Note(s, string.Join(", ", Names(arg)));
            case "online": foreach (var name in Names(arg)) _n.SetLive(Who(name), true); return Note(s, string.Join(", ", Names(arg)));
            case "advance": return Advance(s, arg);
            case "check": return Check(s, arg);
            default: return $"unknown action '{s.Action}'";
        }
    }

    private L2Network L2 => _n.L2 ?? throw new StepError("no L2 yet: markL2Genesis first");

    private string? Advance(ScenarioStep s, YamlNode? arg)
    {
        foreach (var (k, v) in file.Map(arg ?? throw new StepError("advance needs l2, l1, epochs or batches, e.g. 'advance: { l2: 100 }'")).Children)
        {
            var count = (ulong)file.Int(v);
            switch (file.Scalar(k))
            {
                case "l2": _n.AdvanceL2(count); break;
                case "l1": _n.AdvanceL1(count); break;
                case "epochs": _n.AdvanceL2(count * _n.Parameters.EpochLength); break;
                case "batches":
                    var target = _n.L1.Rollup.LastCommitted + count;
                    for (int guard = 0; _n.L1.Rollup.LastCommitted < target; guard++)
                    {
                        if (guard > 10_000) return $"no batch committed in {guard * 10} L2 blocks (actors: {_n.ActorRefusals.LastOrDefault()})";
                        _n.AdvanceL2(10);
                    }
                    break;
                default: throw file.Error(k, $"advance by l2, l1, epochs or batches, not '{file.Scalar(k)}'");
            }
        }
        return Note(s, $"L1 {_n.L1.Block}, L2 {_n.L2?.Height ?? 0}");
    }

    private string? Check(ScenarioStep s, YamlNode? arg)
    {
        foreach (var (k, v) in file.Map(arg ?? throw new StepError("check needs what to check, e.g. 'check: { l2: Halted }'")).Children)
        {
            var what = file.Scalar(k);
            string? wrong = what switch
            {
                "rollup" => Expect("the rollup", file.Scalar(v), _n.L1.Rollup.State.ToString()),
                "l2" => Expect("L2", file.Scalar(v), L2.State.ToString()),
                "l1State" => file.Map(v).Children.Select(c => Expect($"{file.Scalar(c.Key)} on L1", file.Scalar(c.Value), _n.L1.Staking.Find(Who(file.Scalar(c.Key)))?.State.ToString() ?? "None")).FirstOrDefault(x => x is not null),
                "l2State" => file.Map(v).Children.Select(c => Expect($"{file.Scalar(c.Key)} on L2", file.Scalar(c.Value),
                    L2.Staking.Incarnations.LastOrDefault(x => x.Address == Who(file.Scalar(c.Key)))?.State.ToString() ?? "absent")).FirstOrDefault(x => x is not null),
                "inL2Set" => Names(v).Where(n => !L2.ContractSet.Contains(Who(n))).Select(n => $"{n} is not in the L2 set").FirstOrDefault(),
                "notInL2Set" => Names(v).Where(n => L2.ContractSet.Contains(Who(n))).Select(n => $"{n} is in the L2 set").FirstOrDefault(),
                "balance" => file.Map(v).Children.Select(c => Expect($"{file.Scalar(c.Key)}'s MORPH", $"{(ulong)file.Int(c.Value) * DefaultScenario.Morph}", L2.Token.BalanceOf(Who(file.Scalar(c.Key))).ToString())).FirstOrDefault(x => x is not null),
                "epochsClosedAtLeast" => L2.LastClosedEpoch is { } e && e + 1 >= (ulong)file.Int(v) ? null : $"expected at least {file.Int(v)} closed epochs, got {(L2.LastClosedEpoch is { } c ? c + 1 : 0)}",
                _ => throw file.Error(k, $"unknown check '{what}' (rollup, l2, l1State, l2State, inL2Set, notInL2Set, balance, epochsClosedAtLeast)"),
            };
            if (wrong is not null) return wrong;
        }
        return Note(s, "as expected");
    }

    private static string? Expect(string what, string expected, string actual) => expected == actual ? null : $"expected {what} {expected}, got {actual}";

    private string? Tx(ScenarioStep s, Address sender, TxResult r)
    {
        _steps.Add(new StepOutcome(_n.L1.Block, _n.L2?.Height ?? 0, $"{s.Action} by {Name(sender)}", r.IsOk ? "ok" : $"refused {r.Rule}"));
        if (s.ExpectRefused is { } rule)
            return r.Rule?.ToString() == rule ? null : $"expected refused {rule}, got {(r.IsOk ? "ok" : $"refused {r.Error}")}";
        return r.IsOk ? null : $"expected ok, got refused {r.Error}";
    }

    private string? Note(ScenarioStep s, string result)
    {
        _steps.Add(new StepOutcome(_n.L1.Block, _n.L2?.Height ?? 0, s.Action, result));
        return null;
    }

    private static string? Each(ScenarioStep s, YamlNode? arg, Func<string, string?> one)
    {
        foreach (var name in NamesOf(arg)) if (one(name) is { } wrong) return wrong;
        return null;
    }

    private IEnumerable<string> Names(YamlNode? node) => NamesOf(node);

    private static IEnumerable<string> NamesOf(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => ((YamlScalarNode)c).Value ?? ""),
        YamlScalarNode s => [s.Value ?? ""],
        _ => [],
    };

    private string Field(YamlNode? arg, string key) =>
        file.Map(arg!).Children.TryGetValue(new YamlScalarNode(key), out var v) ? file.Scalar(v) : throw file.Error(arg!, $"missing '{key}'");

    private Address From(YamlNode? arg) => Who(Field(arg, "from"));
    private UInt256 Morph(YamlNode? arg) => (ulong)file.Int(file.Map(arg!).Children[new YamlScalarNode("morph")]) * DefaultScenario.Morph;

    private int StakerNumber(string name) =>
        name.StartsWith("staker") && int.TryParse(name[6..], out var i) && i >= 1 && i <= file.Options.DevnetStakers ? i
            : throw new StepError($"'{name}' is not staker1..staker{file.Options.DevnetStakers}");

    private Address Who(string name) => name switch
    {
        "owner" => _n.L1.Genesis.Owner,
        "challenger" => DefaultScenario.Challenger,
        _ when file.Holders.TryGetValue(name, out var a) => a,
        _ when name.StartsWith("staker") => _n.Staker(StakerNumber(name)).Address,
        _ => throw new StepError($"unknown actor '{name}' (owner, challenger, staker1..staker{file.Options.DevnetStakers}, or a holder: {string.Join(", ", file.Holders.Keys)})"),
    };

    private string Name(Address a) =>
        a == _n.L1.Genesis.Owner ? "owner" : a == DefaultScenario.Challenger ? "challenger" : file.Holders.FirstOrDefault(h => h.Value == a).Key
        ?? (Enumerable.Range(1, file.Options.DevnetStakers).FirstOrDefault(i => _n.Staker(i).Address == a) is var i and > 0 ? $"staker{i}" : a.ToString());

    private CommittedBatch LastBatch(ScenarioStep s) =>
        _n.Batches.Values.LastOrDefault() ?? throw new ScenarioException(file.Path, s.Line, s.Column, "no batch committed yet");
}
