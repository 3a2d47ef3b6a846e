// viem's decodeEventLog on the corpus written by LogDecodeVersusViem.cs: { abi, logs (distinct), count }.
// The logs are cycled to `count`; 3 warm-up passes, then the best and the median of 10 timed passes.
// Usage: node bench.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { decodeEventLog } from 'viem';

const corpus = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { abi, count } = corpus;
const logs = Array.from({ length: count }, (_, i) => corpus.logs[i % corpus.logs.length]);

function pass() {
  const t0 = process.hrtime.bigint();
  let known = 0;
  for (const log of logs) {
    const decoded = decodeEventLog({ abi, topics: log.topics, data: log.data, strict: true });
    if (decoded.eventName) known++;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (known !== logs.length) throw new Error('decode failed');
  return ms;
}

for (let i = 0; i < 3; i++) pass();
const times = Array.from({ length: 10 }, pass).sort((a, b) => a - b);
console.log(`viem ${JSON.parse(readFileSync(new URL('./node_modules/viem/package.json', import.meta.url), 'utf8')).version}: ${logs.length} logs, ` +
  `best ${times[0].toFixed(1)} ms, median ${times[5].toFixed(1)} ms per 100,000 (${(times[0] * 1e6 / logs.length).toFixed(0)} ns per log, best)`);
