using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>MORPH, the 18-decimal L2 token (PROTOCOL.md section 3, Token): balances, allowances and the ERC-20 events.
/// A plain transfer that would credit the staking or distribution account is refused: MORPH enters them only by
/// delegation, <c>fund</c> and the mint at each close, so their balances are exactly the buckets of invariant 2.</summary>
public sealed class MorphToken
{
    public const int Decimals = 18;

    private readonly Dictionary<Address, UInt256> _balances = new();
    private readonly Dictionary<(Address Owner, Address Spender), UInt256> _allowances = new();
    private readonly Address _staking;
    private readonly Address _distribution;

    internal MorphToken(Address tokenAddress, Address stakingAccount, Address distributionAccount)
    {
        Address = tokenAddress; _staking = stakingAccount; _distribution = distributionAccount;
    }

    public Address Address { get; }
    public UInt256 TotalSupply { get; private set; }

    public UInt256 BalanceOf(Address a) => _balances.GetValueOrDefault(a);
    public UInt256 Allowance(Address owner, Address spender) => _allowances.GetValueOrDefault((owner, spender));

    /// <summary>An account MORPH may not enter by a plain transfer.</summary>
    public bool IsContractAccount(Address a) => a == _staking || a == _distribution;

    // ---- transactions (called through L2Network, which refuses everything while L2 is halted) ----

    internal TxResult Transfer(Address sender, Address to, UInt256 amount)
    {
        if (IsContractAccount(to)) return ToContract(to);
        if (BalanceOf(sender) < amount) return TxResult.Fail(ProtocolRule.InsufficientBalance, $"{sender} holds {BalanceOf(sender)}, transfer of {amount}");
        return TxResult.Ok(Move(sender, to, amount));
    }

    internal TxResult TransferFrom(Address sender, Address from, Address to, UInt256 amount)
    {
        if (IsContractAccount(to)) return ToContract(to);
        if (CheckPull(sender, from, amount) is { } refused) return refused;
        SpendAllowance(from, sender, amount);
        return TxResult.Ok(Move(from, to, amount));
    }

    internal TxResult Approve(Address owner, Address spender, UInt256 amount)
    {
        SetAllowance(owner, spender, amount);
        return TxResult.Ok(new MorphTokenContract.ApprovalEvent(owner, spender, amount));
    }

    private static TxResult ToContract(Address to) =>
        TxResult.Fail(ProtocolRule.TransferToContractAccount, $"{to} is a staking contract account: MORPH enters it only by delegation, fund or the mint");

    // ---- moves made by the staking and distribution contracts (validated by their callers first) ----

    /// <summary>InsufficientAllowance, then InsufficientBalance (section 9's order) for a pull of
    /// <paramref name="amount"/> from <paramref name="owner"/> by <paramref name="spender"/>; null when it would pass.</summary>
    internal TxResult? CheckPull(Address spender, Address owner, UInt256 amount)
    {
        if (Allowance(owner, spender) < amount)
            return TxResult.Fail(ProtocolRule.InsufficientAllowance, $"{owner} allows {spender} {Allowance(owner, spender)}, needs {amount}");
        if (BalanceOf(owner) < amount)
            return TxResult.Fail(ProtocolRule.InsufficientBalance, $"{owner} holds {BalanceOf(owner)}, needs {amount}");
        return null;
    }

    /// <summary>Pulls by allowance into <paramref name="to"/> (delegation, fund): the caller ran <see cref="CheckPull"/>.</summary>
    internal MorphTokenContract.TransferEvent Pull(Address spender, Address owner, Address to, UInt256 amount)
    {
        SpendAllowance(owner, spender, amount);
        return Move(owner, to, amount);
    }

    /// <summary>Moves MORPH the caller has already proven is there (a payout from a contract account).</summary>
    internal MorphTokenContract.TransferEvent Move(Address from, Address to, UInt256 amount)
    {
        var fromBalance = BalanceOf(from);
        if (fromBalance < amount) throw new InvalidOperationException($"MORPH: {from} holds {fromBalance}, cannot move {amount}: a caller skipped its check");
        if (from != to)
        {
            Set(from, fromBalance - amount);
            Set(to, BalanceOf(to) + amount);   // cannot overflow: every balance is part of TotalSupply
        }
        return new MorphTokenContract.TransferEvent(from, to, amount);
    }

    /// <summary>Mints to <paramref name="to"/> (genesis holders, the inflation mint at a close). Callers cap the amount
    /// so the supply stays within 2^256 − 1.</summary>
    internal MorphTokenContract.TransferEvent Mint(Address to, UInt256 amount)
    {
        TotalSupply += amount;
        Set(to, BalanceOf(to) + amount);
        return new MorphTokenContract.TransferEvent(Address.Zero, to, amount);
    }

    private void SpendAllowance(Address owner, Address spender, UInt256 amount)
    {
        var allowed = Allowance(owner, spender);
        if (allowed != UInt256.MaxValue) SetAllowance(owner, spender, allowed - amount);   // an unlimited allowance stays unlimited (ERC-20 custom)
    }

    private void SetAllowance(Address owner, Address spender, UInt256 amount)
    {
        if (amount == UInt256.Zero) _allowances.Remove((owner, spender)); else _allowances[(owner, spender)] = amount;
    }

    private void Set(Address a, UInt256 v)
    {
        if (v == UInt256.Zero) _balances.Remove(a); else _balances[a] = v;
    }

    internal void WriteState(StateWriter w)
    {
        w.Write(TotalSupply);
        w.Write((ulong)_balances.Count);
        foreach (var (a, v) in _balances.OrderBy(p => p.Key)) { w.Write(a); w.Write(v); }
        w.Write((ulong)_allowances.Count);
        foreach (var ((o, s), v) in _allowances.OrderBy(p => p.Key.Owner).ThenBy(p => p.Key.Spender)) { w.Write(o); w.Write(s); w.Write(v); }
    }
}
