/**
 * HTML building blocks of the review report. Everything that comes from a document — text, titles,
 * agency names, messages, ids — is untrusted and goes through `esc` (text and attribute values alike);
 * nothing is ever inserted unescaped. As a second wall, every page carries a Content-Security-Policy that
 * allows no script and no network access at all: the report is plain HTML + CSS, charts are inline SVG.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML text and for double- or single-quoted attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/** `href="#…"` for an element id (any characters; browsers match the percent-decoded fragment). */
export function hrefTo(id: string, page = ''): string {
  return `${page}#${encodeURIComponent(id)}`;
}

/** File name of a document's page (doc ids are safe file names; encoded for the link). */
export function pageOf(docId: string): string {
  return `doc-${docId}.html`;
}

export function pageHref(docId: string): string {
  return encodeURIComponent(pageOf(docId));
}

/**
 * The title of the plan itself: `plan_title` when the dataset has it (a cover notice's title, 关于印发…的通知,
 * is not the plan's), else `title`. Read defensively: older datasets have no plan_title.
 */
export function planTitle(doc: { title: string } & Record<string, unknown>): string {
  const p = doc.plan_title;
  return typeof p === 'string' && p.trim() ? p : noticeSubject(doc.title);
}

const NOTICE_QUOTED = /关于(?:印发|转发|下发|公布)[^《]*《([^》]+)》[^《》]*的通知$/;
const NOTICE_PLAIN = /关于(?:印发|转发|下发)(.+)的通知$/;
/** For a dataset without plan_title: the plan a cover notice issues (`关于印发《X》的通知` → X), else the title. */
export function noticeSubject(title: string): string {
  const m = NOTICE_QUOTED.exec(title) ?? NOTICE_PLAIN.exec(title);
  return m ? m[1].trim() : title;
}

/** `line 12`, and `p. 3` beside it for a record from a paginated source (PDF). */
export function where(r: { line?: number | null; page?: number | null }): string {
  const parts = [];
  if (r.line != null) parts.push(`line ${r.line}`);
  if (r.page != null) parts.push(`p. ${r.page}`);
  return parts.join(' · ');
}

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { --task:#fff3bf; --asg:#d0ebff; --tgt:#d3f9d8; --sec:#e5dbff; --tbl:#f1f3f5; --fn:#ffe3e3; --ind:#c3fae8; --prj:#ffec99; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.7 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #212529; }
header { padding: 12px 24px; background: #343a40; color: #f8f9fa; }
header a { color: #a5d8ff; }
header h1 { margin: 0; font-size: 20px; }
main { display: grid; grid-template-columns: minmax(220px, 22%) 1fr; gap: 0; }
nav.toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding: 12px; border-right: 1px solid #dee2e6; font-size: 13px; }
nav.toc ul { list-style: none; padding-left: 12px; margin: 0; }
section.body { padding: 12px 24px; min-width: 0; }
.text { white-space: pre-wrap; word-break: break-word; font-size: 15px; background: #fff; }
.hl { border-radius: 2px; }
.sec { background: var(--sec); font-weight: 600; }
.task { background: var(--task); position: relative; }
.task:target, .sec:target, tr:target, .fn:target { outline: 3px solid #f08c00; }
.task[data-tip]:hover::after { content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; width: 30em; max-width: 70vw;
  white-space: pre-line; background: #212529; color: #f8f9fa; padding: 6px 8px; border-radius: 4px; font-size: 13px; font-weight: normal; line-height: 1.5; pointer-events: none; }
.asg { background: var(--asg); }
/* the four roles, told apart in the text and in the legend (lead strongest) */
.role-lead { background: #a5d8ff; font-weight: 600; } .role-participate { background: #d0ebff; border-bottom: 2px dotted #1c7ed6; }
.role-implement { background: #eebefa; } .role-responsible { background: #ffd8a8; }
.tgt { background: var(--tgt); text-decoration: underline dotted; }
.fn, .fnref { background: var(--fn); }
.tbl { background: var(--tbl); }
a.ind, a.prj { color: inherit; text-decoration: none; }
a.ind { background: var(--ind); } a.prj { background: var(--prj); }
a.diag { text-decoration: none; font-size: 12px; vertical-align: super; }
.sev-error { color: #c92a2a; } .sev-warning { color: #e67700; } .sev-info { color: #1971c2; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ced4da; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f1f3f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { max-width: 100%; overflow-x: auto; }
table.index td:first-child { min-width: 16em; max-width: 36em; overflow-wrap: anywhere; }
table.index th { white-space: normal; }
a.sort { color: inherit; text-decoration: none; } a.sort:hover { text-decoration: underline; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 0; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 2px; }
h2 { margin-top: 28px; border-bottom: 1px solid #dee2e6; }
.muted { color: #868e96; font-size: 13px; }
svg text { font-family: inherit; }
`;

export function page(title: string, body: string, opts: { up?: string; standalone?: boolean } = {}): string {
  const nav = opts.standalone ? '' : opts.up ? `<a href="${esc(opts.up)}">← all documents</a> · <a href="compare.html">compare</a>` : '<a href="compare.html">compare documents →</a>';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${nav}<h1>${esc(title)}</h1></header>
${body}
</body>
</html>
`;
}

/** A table from rows of already-escaped cell HTML. */
export function table(head: string[], rows: string[][], attrs: Array<string | null> = []): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r, i) => `<tr${attrs[i] ?? ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}
