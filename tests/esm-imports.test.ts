// The ESM-only dependencies load under jest's ESM mode (see README "Tests").
import { describe, expect, it } from '@jest/globals';

describe('ESM dependencies load in tests', () => {
  it.each(['unified', 'remark-parse', 'remark-gfm', 'p-queue', 'cheerio', 'zod', 'ajv', 'nzh/cn', 'iconv-lite', 'chardet'])('%s', async (name) => {
    const mod = await import(name);
    expect(mod).toBeTruthy();
    expect(Object.keys(mod).length).toBeGreaterThan(0);
  });

  it('unified + remark-parse parse Markdown', async () => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const tree = unified().use(remarkParse).parse('# 一、总体要求\n\n正文。');
    expect(tree.children[0].type).toBe('heading');
  });
});
