// Decoding: every encoding a Chinese plan arrives in gives the same text; what is not text fails alone,
// with a message that names the file and says what is wrong.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeText } from '../../readers/decode.js';
import { readSource } from '../../readers/index.js';
import { extractBytes } from '../../pipeline/run.js';
import { InputError } from '../../model/source.js';
import { SEED } from '../helpers.js';

const seed = readFileSync(SEED.s000, 'utf8');
const utf8 = new TextEncoder().encode(seed);
const withBom = (bom: number[], body: Uint8Array) => Uint8Array.from([...bom, ...body]);

const variants: Array<[string, Uint8Array, string]> = [
  ['utf-8', utf8, 'utf-8'],
  ['utf-8 with BOM', withBom([0xef, 0xbb, 0xbf], utf8), 'utf-8-bom'],
  ['utf-16le with BOM', withBom([0xff, 0xfe], iconv.encode(seed, 'utf-16le')), 'utf-16le'],
  ['utf-16be with BOM', withBom([0xfe, 0xff], iconv.encode(seed, 'utf-16be')), 'utf-16be'],
  ['gbk', iconv.encode(seed, 'gbk'), 'gb18030'],
];

describe('decoding a seed in every encoding', () => {
  it.each(variants)('%s decodes to the same Chinese text', (_name, bytes, encoding) => {
    const d = decodeText('seed000.txt', bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(seed);
    // Hand-checked phrases of seed 000, including the rare ﹝﹞ brackets of its document number.
    expect(d.text).toContain('《江门市蓬江区生态环境保护“十四五”规划》编制说明');
    expect(d.text).toContain('蓬江府办函﹝2020﹞36号');
  });

  it('the GBK bytes are really not UTF-8 (the test would prove nothing otherwise)', () => {
    const gbk = iconv.encode(seed, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(gbk.length).toBeLessThan(utf8.length); // 2 bytes per Chinese character instead of 3
  });

  it('a GBK .txt through the pipeline gives the sections of the UTF-8 one', async () => {
    const titles = (r: Awaited<ReturnType<typeof extractBytes>>) => r.records.sections.map((s) => `${s.marker}${s.title}`);
    const fromUtf8 = await extractBytes('seed000.txt', utf8);
    const fromGbk = await extractBytes('seed000-gbk.txt', iconv.encode(seed, 'gbk'));
    const fromUtf16 = await extractBytes('seed000-utf16.txt', withBom([0xff, 0xfe], iconv.encode(seed, 'utf-16le')));
    // Seed 000's headings, read off the file.
    const expected = ['一、起草背景', '二、主要内容', '（一）《规划》的总体框架', '（二）《规划》目标与《规划》指标体系', '1.《规划》目标', '2.具体目标', '（三）重点任务'];
    expect(titles(fromUtf8)).toEqual(expected);
    expect(titles(fromGbk)).toEqual(expected);
    expect(titles(fromUtf16)).toEqual(expected);
    expect(fromGbk.document.source.encoding).toBe('gb18030');
    expect(fromGbk.text).toBe(fromUtf8.text);
  });

  it('decodes a short GB18030 text with four-byte sequences (characters outside GBK)', () => {
    const text = '㐀字扩展：𠀀𠀁（二〇二一年）石家庄市鹿泉区规划。'.repeat(20);
    const d = decodeText('ext.txt', iconv.encode(text, 'gb18030'), 'gb18030');
    expect(d.text).toBe(text);
  });
});

describe('what is not a text document fails alone, with a clear message', () => {
  const fails = (name: string, bytes: Uint8Array, message: RegExp) => {
    let err: unknown;
    try {
      decodeText(name, bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).path).toBe(name);
    expect((err as InputError).message).toMatch(message);
  };
  // A small deterministic generator: the same "random" bytes on every run.
  let x = 20240917;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 8;

  it('empty file', () => fails('empty.txt', new Uint8Array(0), /empty file/));
  it('binary with NUL bytes (a PNG header)', () => fails('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary content: NUL byte at offset 8/));
  it('valid UTF-8 that is mostly control characters', () => fails('ctrl.txt', Uint8Array.from({ length: 300 }, (_, i) => (i % 3 ? 0x41 : 0x07)), /binary content: 100 control characters/));
  it('random high bytes: no encoding reads them', () => fails('noise.txt', Uint8Array.from({ length: 4000 }, () => 0x80 + (rnd() % 128)), /undecodable/));
  it('a UTF-8 BOM followed by broken UTF-8', () => fails('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0x41]), /invalid UTF-8 after a UTF-8 BOM/));

  it('the Markdown and HTML readers refuse the same inputs, and pages with no text', async () => {
    const reject = async (name: string, bytes: Uint8Array, message: RegExp) => {
      await expect(readSource(name, bytes)).rejects.toThrow(InputError);
      await expect(readSource(name, bytes)).rejects.toThrow(message);
    };
    const enc = (s: string) => new TextEncoder().encode(s);
    await reject('empty.md', new Uint8Array(0), /empty\.md: empty file/);
    await reject('empty.html', new Uint8Array(0), /empty file/);
    await reject('binary.htm', Uint8Array.from([0x3c, 0x68, 0x74, 0, 0x6d]), /binary content: NUL byte/);
    await reject('blank.md', enc('---\ntitle: 草稿\n---\n\n   \n\n---\n'), /no text content/);
    await reject('scripts.html', enc('<html><head><title>空页面</title><script>document.write("正文")</script></head><body><!-- 正文 --><noscript>请启用脚本</noscript></body></html>'), /no text content/);
  });
});
