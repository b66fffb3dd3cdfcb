// mulberry32: a small seeded generator, so generated inputs are the same on every machine and run.
// Shared by the scale bench (bench/scale.mjs) and the perf-golden fixture writer (tests/fixtures/perf-golden/make.mjs).
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
