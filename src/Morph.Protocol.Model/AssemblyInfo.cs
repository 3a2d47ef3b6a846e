// The domain model of the Morph staking protocol (../shared/PROTOCOL.md). Lifecycles and contract
// bindings are generated from spec/*.morph; this assembly's hand-written code completes those partials.
