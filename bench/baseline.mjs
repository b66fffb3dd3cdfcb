#!/usr/bin/env node
/**
 * The reference the performance goals are measured against (issue 10): a bare Node script that only reads
 * the files, decodes them, splits them into lines and tests one regular expression per line. Whatever planx
 * does beyond that is its own cost; "text end-to-end at >= 30 % of this throughput" is one of the goals.
 *
 *   node bench/baseline.mjs FILE...      prints {files, bytes, lines, matches, ms, MBps}
 *   import { baseline } from './baseline.mjs'   the same, as a function (bench/scale.mjs uses it)
 *
 * The regular expression is a heading marker test, the first thing planx asks of every line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HEADING = /^(?:第[一二三四五六七八九十百零〇\d]{1,4}[篇章节]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.、])/;

export function baseline(files) {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  let lines = 0;
  let matches = 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  for (const f of files) {
    const buf = readFileSync(f);
    bytes += buf.length;
    const text = decoder.decode(buf);
    for (const line of text.split(/\r\n|\r|\n/)) {
      lines++;
      if (HEADING.test(line)) matches++;
    }
  }
  const ms = performance.now() - t;
  // CPU time (user + system, this process): what a loaded, shared machine disturbs least
  const c = process.cpuUsage(cpu0);
  const cpuMs = (c.user + c.system) / 1000;
  return { files: files.length, bytes, lines, matches, ms, cpuMs, MBps: bytes / 1e6 / (ms / 1000) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: node bench/baseline.mjs FILE...');
    process.exit(2);
  }
  console.log(JSON.stringify(baseline(files)));
}
