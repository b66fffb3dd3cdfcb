// Hostile inputs (issue 10 part 4): zip bombs, a PDF of a million glyphs, 100 000 nested tags, files over
// --max-bytes, unreadable files, FIFOs, symlink loops, and file names built to escape or collide in --out.
// Each is bounded: refused with a message naming the file and the limit, or processed; the others go on.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { readSource } from '../readers/index.js';
import { boundNesting } from '../readers/html-depth.js';
import { findInputs, parseByteSize } from '../pipeline/inputs.js';
import { docIdFor } from '../pipeline/run.js';
import { CLI, ensureBuilt, runCli } from './cli-build.js';
import { FIXTURES } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-hostile-'));
const PLAN = '关于推进某项工作的实施方案\n\n一、总体要求\n\n到2025年，完成改造任务100个。\n';
const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { inputs: Array<{ path: string; status: string; error: string | null; doc_id: string | null }> };
const byName = (m: ReturnType<typeof manifest>) => new Map(m.inputs.map((i) => [i.path.split('/').pop()!, i]));

beforeAll(async () => {
  await ensureBuilt();
}, 180_000);

describe('zip bombs and gigantic entries in a .docx', () => {
  const worklist = readFileSync(join(FIXTURES, 'docx', 'worklist.docx'));

  it('a real bomb (150 MB of blanks deflated to a few hundred KB) is refused before inflating', async () => {
    const zip = await JSZip.loadAsync(worklist);
    zip.file('word/document.xml', Buffer.alloc(150 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024); // checked: ~150 KB, a ratio above 1000:1
    await expect(readSource('bomb.docx', bomb)).rejects.toThrow(/^bomb\.docx: refused: part word\/document\.xml is a zip bomb \(0\.1 MB inflating to 150\.0 MB\)/);
  }, 30_000);

  it('an entry that inflates past the size it declares is stopped while inflating', async () => {
    const zip = await JSZip.loadAsync(worklist);
    zip.file('word/document.xml', '<w:document>' + ' '.repeat(100_000) + '</w:document>');
    const b = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // central directory: claim 1000 bytes for document.xml (it has 100 025)
    for (let i = b.length - 46; i >= 0; i--) {
      if (b.readUInt32LE(i) === 0x02014b50 && b.toString('utf8', i + 46, i + 46 + b.readUInt16LE(i + 28)) === 'word/document.xml') b.writeUInt32LE(1000, i + 24);
    }
    await expect(readSource('liar.docx', b)).rejects.toThrow(/^liar\.docx: not a readable \.docx file \(part word\/document\.xml is corrupt or truncated: .*too many bytes/);
  });

  it('an archive of more than 20 000 entries is refused', async () => {
    const zip = await JSZip.loadAsync(worklist);
    for (let i = 0; i < 20_001; i++) zip.file(`junk/${i}`, '');
    const b = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(readSource('many.docx', b)).rejects.toThrow(/^many\.docx: .*more than 20000 entries/);
  }, 30_000);
});

/** A one-page PDF whose content stream shows `n` single glyphs of a 1-point font, each `step` points after the last. */
function glyphPdf(n: number, step = '0.01'): Buffer {
  const content = 'BT /F1 1 Tf 10 10 Td\n' + `(a) Tj ${step} 0 Td\n`.repeat(n) + 'ET\n';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('a PDF of a million tiny glyphs', () => {
  it('is refused with the page and the limits named, not taken for a scan', async () => {
    const pdf = glyphPdf(1_000_000);
    expect(pdf.length).toBeGreaterThan(17_000_000); // 17 bytes per glyph operator pair
    await expect(readSource('glyphs.pdf', pdf)).rejects.toThrow(/^glyphs\.pdf: refused: no page could be read; page 1 skipped: \d+ text runs .*\(limits 20000 \/ 60000\)/);
  }, 60_000);

  it('a page of a few hundred glyphs is still read (the bound is not hit by a real page)', async () => {
    const s = await readSource('few.pdf', glyphPdf(300, '0.6')); // Helvetica's a is 0.556 wide: no overlap
    expect(s.text.replace(/\s/g, '')).toBe('a'.repeat(300));
  });
});

describe('deeply nested HTML', () => {
  it('100 000 nested <div><span> render their text without a stack overflow, the excess tags dropped', async () => {
    const n = 100_000;
    const html = '<html><body>' + '<div><span>'.repeat(n) + '第一条 本办法自发布之日起施行。' + '</span></div>'.repeat(n) + '</body></html>';
    const s = await readSource('deep.html', Buffer.from(html));
    expect(s.text.trim()).toBe('第一条 本办法自发布之日起施行。');
    // html and body are levels 1-2, so of the 400 000 div/span tags those past level 1000 go: 2 × (200 000 - 998)
    expect(s.warnings?.find((w) => w.code === 'html-too-deep')?.message).toBe('398004 tags nested deeper than 1000 levels were dropped (their text is kept)');
  }, 30_000);

  it('boundNesting drops exactly the tags past the bound and leaves a shallow page as it is', () => {
    expect(boundNesting('<div><div><div>x</div></div></div>', 2)).toEqual({ html: '<div><div>x</div></div>', dropped: 2 });
    // void elements, self-closing tags, auto-closed <p>, comments and script text do not count as depth
    const page = '<div><br><img src=a><p>a<p>b<x/><!-- <div><div><div> --><script>"<div><div><div>"</script></div>';
    expect(boundNesting(page, 1)).toEqual({ html: page, dropped: 0 });
  });
});

describe('--max-bytes', () => {
  it('parses sizes with suffixes (binary units) and refuses anything else', () => {
    expect(parseByteSize('50MB')).toBe(52_428_800);
    expect(parseByteSize('1.5G')).toBe(1_610_612_736);
    expect(parseByteSize('4096')).toBe(4096);
    expect(parseByteSize('2 kb')).toBe(2048);
    expect(() => parseByteSize('12XB')).toThrow(/not a size: "12XB"/);
    expect(() => parseByteSize('0')).toThrow(/at least 1 byte/);
  });

  it('a file over the limit fails unread with its size and the limit, the others are extracted; also from the config', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), PLAN);
    writeFileSync(join(dir, 'in', 'big.txt'), PLAN + '。'.repeat(1000)); // 3000 + 85 bytes
    const size = statSync(join(dir, 'in', 'big.txt')).size;
    const r = await runCli(['extract', 'in', '--out', 'ds', '-q', '--max-bytes', '2KB'], { cwd: dir });
    expect(r.code).toBe(1);
    const m = byName(manifest(join(dir, 'ds')));
    expect(m.get('a.txt')?.status).toBe('ok');
    expect(m.get('big.txt')).toMatchObject({ status: 'failed', error: `in/big.txt: refused unread: its size 3.0 KB (${size} bytes) is over the limit of 2.0 KB (2048 bytes) (raise it with --max-bytes or maxBytes in the config)` });
    writeFileSync(join(dir, 'planx.config.json'), JSON.stringify({ maxBytes: '3KB' }));
    const c = await runCli(['extract', 'in', '--out', 'ds2', '-q'], { cwd: dir });
    expect(manifest(join(dir, 'ds2')).inputs.find((i) => i.path.endsWith('big.txt'))?.error).toMatch(/over the limit of 3\.0 KB \(3072 bytes\)/);
    expect(c.code).toBe(1);
    const bad = await runCli(['extract', 'in', '--out', 'ds3', '--max-bytes', '12XB'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a size: "12XB"/);
  }, 60_000);
});

describe('unreadable inputs and odd file types', () => {
  it('a FIFO named .txt (in a folder or named explicitly) is refused without blocking; a folder named x.txt is searched', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'x.txt'), { recursive: true });
    writeFileSync(join(dir, 'in', 'x.txt', 'inner.txt'), PLAN);
    writeFileSync(join(dir, 'in', 'a.txt'), PLAN);
    execFileSync('mkfifo', [join(dir, 'in', 'pipe.txt')]);
    execFileSync('mkfifo', [join(dir, 'named.txt')]);
    const r = await runCli(['extract', 'in', 'named.txt', '--out', 'ds', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    const m = byName(manifest(join(dir, 'ds')));
    expect(m.get('pipe.txt')?.error).toBe('in/pipe.txt: not a regular file (a FIFO): nothing to read');
    expect(m.get('named.txt')?.error).toBe('named.txt: not a regular file (a FIFO): nothing to read');
    expect(m.get('a.txt')?.status).toBe('ok');
    expect(m.get('inner.txt')?.status).toBe('ok');
  }, 60_000);

  it('a file without read permission fails with "permission denied", the others are extracted', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), PLAN);
    writeFileSync(join(dir, 'in', 'secret.txt'), PLAN);
    chmodSync(join(dir, 'in', 'secret.txt'), 0o000);
    // root reads a mode-000 file anyway: as root, run the CLI as `nobody` (uid 65534) in a folder it may write
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o777), chmodSync(join(dir, 'in'), 0o777);
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'extract', 'in', '--out', 'ds', '-q'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}), env: { ...process.env, HOME: dir } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(1);
    const m = byName(manifest(join(dir, 'ds')));
    expect(m.get('secret.txt')?.error).toBe("in/secret.txt: cannot read: permission denied (EACCES); check the file's permissions");
    expect(m.get('a.txt')?.status).toBe('ok');
    expect(r.stderr).toContain('in/secret.txt: cannot read: permission denied');
  }, 60_000);

  it('symlink loops in an input folder are cut: each file once, a self-link reported', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), PLAN);
    writeFileSync(join(dir, 'sub', 'b.txt'), PLAN);
    symlinkSync('..', join(dir, 'sub', 'up')); // sub/up → dir: a cycle
    symlinkSync('self.txt', join(dir, 'self.txt')); // ELOOP
    const { files, problems } = findInputs([dir]);
    expect(files.map((f) => relative(dir, f))).toEqual(['a.txt', 'sub/b.txt']);
    expect(problems).toEqual([{ path: join(dir, 'self.txt'), error: 'cannot stat: ELOOP' }]);
  });
});

describe('hostile file names', () => {
  it('doc ids are safe names: no path syntax, controls, bidi overrides; at most 200 UTF-8 bytes, cut between characters', () => {
    expect(docIdFor('x/../../etc.txt')).toBe('etc');
    expect(docIdFor('/in/...txt')).toBe('_');
    expect(docIdFor('/in/a\nb\r\u0001c.txt')).toBe('a_b__c');
    expect(docIdFor('/in/\u202egnp.exe.txt')).toBe('_gnp.exe');
    expect(docIdFor('/in/a\u0085b.txt')).toBe('a_b'); // C1 NEL
    const long = docIdFor(`/in/${'规'.repeat(80)}.txt`); // 240 bytes → 66 characters (198 bytes)
    expect(long).toBe('规'.repeat(66));
    expect(docIdFor(`/in/a${'😀'.repeat(60)}.txt`)).toBe('a' + '😀'.repeat(49)); // 1 + 49×4 = 197 bytes, no half pair
  });

  it('a folder of hostile names writes nothing outside --out, and texts/ names are safe and distinct', async () => {
    const dir = tmp();
    const inDir = join(dir, 'in');
    mkdirSync(join(inDir, 'sub'), { recursive: true });
    const names = ['a\nb.txt', 'c\u0001d.txt', '\u202etxt.exe.txt', `${'规'.repeat(80)}.txt`, 'Case.txt', 'case.txt', '\u00e9.txt', 'e\u0301.txt', '...txt', '-rf.txt'];
    for (const n of names) writeFileSync(join(inDir, n), PLAN);
    writeFileSync(join(inDir, 'sub', 'x.txt'), PLAN);
    const before = listAll(dir);
    // an argument that climbs out of its folder and back names the same file; the output still goes to ds/
    const r = await runCli(['extract', 'in', 'in/sub/../../in/sub/x.txt', '--out', 'ds', '-q'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = listAll(dir).filter((p) => !before.includes(p));
    // ...txt starts with a dot: a hidden file, not listed from a folder (findInputs), so not in the run
    expect(manifest(join(dir, 'ds')).inputs.map((i) => i.path.split('/').pop())).not.toContain('...txt');
    expect(created.filter((p) => !p.startsWith('ds/') && p !== 'ds')).toEqual([]);
    const texts = readdirSync(join(dir, 'ds', 'texts')).sort();
    // hand-derived (pipeline/doc-ids.ts): a name that had to change to be a file name (a control character,
    // a bidi override, a cut at 200 bytes, NFKC folding e+◌́ into é) keeps `-` + 8 hex digits of its path;
    // é.txt and e+◌́.txt, Case.txt and case.txt meet on one id, so each is told apart by its own path; the
    // explicit in/sub/../../in/sub/x.txt is the file sub/x.txt listed from the folder: one input, sub__x
    const h = '-[0-9a-f]{8}';
    const want = ['-rf', `_txt\\.exe${h}`, `a_b${h}`, `c_d${h}`, `Case${h}`, `case${h}`, `\u00e9${h}`, `\u00e9${h}`, 'sub__x', `${'规'.repeat(66)}${h}`];
    expect(texts).toHaveLength(want.length);
    for (const w of want) expect(texts.filter((t) => new RegExp(`^${w}\\.txt$`).test(t.normalize('NFC'))).length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toMatch(/[\u0000-\u001f\u007f-\u009f/\\\u202a-\u202e]/);
      expect(Buffer.byteLength(t)).toBeLessThanOrEqual(255);
    }
    expect(new Set(texts.map((t) => t.normalize('NFC').toLowerCase())).size).toBe(texts.length);
  }, 60_000);
});

/** Every path under `root`, relative, folders included. */
function listAll(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      out.push(relative(root, p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}
