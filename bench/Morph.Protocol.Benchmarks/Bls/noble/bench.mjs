// The operations of BlsBenchmarks.cs with @noble/curves 2.x, same inputs: long signatures (G1 public keys,
// G2 signatures), DST BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_, secret keys base + i, message bytes i*7+1.
// Usage: node bench.mjs   (prints one line per operation: mean time per op)
import { bls12_381 } from '@noble/curves/bls12-381.js';

const bls = bls12_381.longSignatures;
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const BASE = 0x0263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3n;

const sk = (i) => {
  const b = new Uint8Array(32);
  let v = BASE + BigInt(i);
  for (let j = 31; j >= 0; j--) { b[j] = Number(v & 0xffn); v >>= 8n; }
  return b;
};
const hex = (b) => Buffer.from(b).toString('hex');
const msg = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 1) & 0xff);

const sks = Array.from({ length: 100 }, (_, i) => sk(i));
const pks = sks.map((s) => bls.getPublicKey(s));
const hm = bls.hash(msg, DST);
const sigs = sks.map((s) => bls.sign(hm, s));
const sig0 = sigs[0];
const pk0 = pks[0];
const pkBytes = pk0.toBytes(true);
const sigBytes = bls.Signature.toBytes(sig0);
const agg7 = bls.aggregateSignatures(sigs.slice(0, 7));
const agg100 = bls.aggregateSignatures(sigs);
const keys7 = pks.slice(0, 7);

// Same work as our FastAggregateVerify on parsed keys: sum the keys, hash the message, one 2-pairing check.
const fav = (keys, sig) => bls.verify(sig, bls.hash(msg, DST), bls.aggregatePublicKeys(keys));

if (!fav(pks, agg100)) throw new Error('FAV-100 fails');
console.log(`# check: pk0=${hex(pkBytes)}`);
console.log(`# check: sig0=${hex(sigBytes)}`);

function bench(name, fn, minMs = 3000, minIters = 5) {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT)
  let iters = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6 || iters < minIters) {
    fn();
    iters++;
    elapsed = Number(process.hrtime.bigint() - t0);
  }
  const ns = elapsed / iters;
  console.log(`${name.padEnd(24)} ${(ns / 1e3).toFixed(1).padStart(10)} us/op  (${iters} iterations)`);
}

bench('Verify', () => bls.verify(sig0, bls.hash(msg, DST), pk0));
bench('FastAggregateVerify7', () => fav(keys7, agg7));
bench('FastAggregateVerify100', () => fav(pks, agg100));
bench('HashToG2', () => bls.hash(msg, DST));
bench('Sign', () => bls.sign(bls.hash(msg, DST), sks[0]));
bench('PublicKeyDecompress', () => bls12_381.G1.Point.fromBytes(pkBytes).assertValidity());
bench('SignatureDecompress', () => bls.Signature.fromBytes(sigBytes));
