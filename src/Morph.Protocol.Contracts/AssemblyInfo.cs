// Primitives, the ABI codec, the bindings runtime and the contract bindings generated from spec/contracts/*.morph.
// A service that only reads or writes the chain references this assembly alone (no Stateless, no BLS).
