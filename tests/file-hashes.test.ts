import { mkdtempSync, mkdirSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { hashFile, listFiles, WrittenHashes } from '../output/file-hashes.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('hashes of the files as they are written (the manifest without a second read)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'planx-hashes-'));
    mkdirSync(join(dir, 'texts'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a file appended in chunks hashes as the whole file does, multi-byte characters included', () => {
    const chunks = ['{"title":"江门市生态环境保护“十四五”规划"}\n', '{"agency":"市自然资源局"}\n', Buffer.from('{"x":"𠀀"}\n', 'utf8')];
    const h = new WrittenHashes();
    for (const c of chunks) {
      h.noteAppend('tasks.jsonl', c);
      appendFileSync(join(dir, 'tasks.jsonl'), c);
    }
    const text = '第一章 总则\n一、指导思想\n';
    writeFileSync(join(dir, 'texts', 'a.txt'), text);
    h.noteFile('texts/a.txt', text);
    const entries = h.entries();
    expect(entries.get('tasks.jsonl')).toEqual(hashFile(join(dir, 'tasks.jsonl')));
    expect(entries.get('texts/a.txt')).toEqual({ bytes: Buffer.byteLength(text), sha256: sha(text) });
    expect(listFiles(dir, entries)).toEqual(listFiles(dir));
  });

  test('a noted hash is used only while the size on disk matches; other files are read', () => {
    writeFileSync(join(dir, 'texts', 'b.txt'), 'abc');
    writeFileSync(join(dir, 'schema.json'), '{}');
    const h = new WrittenHashes();
    h.noteFile('texts/b.txt', 'abd'); // same size, other bytes: trusted (the writer is the one who wrote it)
    let listed = listFiles(dir, h.entries());
    expect(listed['texts/b.txt'].sha256).toBe(sha('abd'));
    expect(listed['schema.json']).toEqual({ bytes: 2, sha256: sha('{}') });
    writeFileSync(join(dir, 'texts', 'b.txt'), 'abcd'); // written again by someone else: read again
    listed = listFiles(dir, h.entries());
    expect(listed['texts/b.txt']).toEqual({ bytes: 4, sha256: sha('abcd') });
  });

  test('manifest.json is never listed; paths are sorted and /-separated', () => {
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, 'b.jsonl'), '');
    writeFileSync(join(dir, 'texts', 'z.txt'), 'z');
    expect(Object.keys(listFiles(dir))).toEqual(['b.jsonl', 'texts/z.txt']);
  });
});
