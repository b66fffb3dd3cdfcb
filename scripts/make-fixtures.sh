#!/usr/bin/env bash
# Make the .docx and .pdf fixtures of the reader tests (tests/fixtures/docx, tests/fixtures/pdf).
# The outputs are committed; CI never runs this script. Re-run it only to change the fixtures, then review
# the tests' hand-checked facts against the new files.
#
# Needs LibreOffice with Chinese fonts and Python 3 (Debian):
#   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk python3
#
# What it makes:
#   seed-000/001/003.{docx,pdf}      the seed texts laid out as a 公文 (scripts/fixtures/txt2fodt.mjs):
#                                    indented paragraphs, running header, `— N —` page numbers
#   seed-002.pdf                     the same, and its footnotes as real footnotes (small, at the page foot)
#                                    and its tables as unruled tables (txt2fodt.mjs --notes --tables);
#                                    seed-002.docx keeps the plain layout
#   seed-004.{docx,pdf}              the same, and its indicator table as the ruled Word table it was, cells
#                                    merged both ways (transcribed from the text: scripts/fixtures/seed-004-table.tsv)
#   worklist.{docx,pdf}              hand-written: automatic numbering 一、/（一）/1., footnotes, an endnote,
#                                    a table merged both ways, a one-cell 专栏 frame (scripts/fixtures/worklist.fodt)
#   projects-table.{docx,pdf}       written by scripts/fixtures/projects-table.mjs: a ruled 重点项目表 over three
#                                    pages, header repeated, category cells and rows cut by the page breaks
#   task-division.{docx,pdf}       written by scripts/fixtures/annex-tables.mjs: a landscape 重点任务分工表 over
#                                    pages, 责任单位 over 牵头单位/配合单位, category rows across the width, a
#                                    牵头单位 cell merged down six rows across a page break
#   annex-tables.{docx,pdf}        the same script: an indicator table (类别 merged down) with a 注 line, a project
#                                    table with a 合计 row, an unruled (borderless) table of columns
#   table-tail.pdf                  the same script: a ruled table whose last two rows alone go over the page
#   unruled-tasks.pdf               the same script: a task list set as a borderless table, narrow padding
#   boxed-table.{docx,pdf}          the same script: a 专栏 frame (one-cell table) holding a nested project table
#   chapters.{docx,pdf}              hand-written: 第X章/第X节 numbered by the heading styles (outline numbering)
#   encrypted.pdf                    worklist with an open password ("planx")
#   scanned.pdf                      one page holding only an image: no text layer
#   corrupt.docx                     seed-000.docx cut in half
#   not-a-zip.docx                   plain text named .docx
# Corpus files used by the tests (c03 .docx, c06 .pdf) are copied unchanged.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$ROOT/scripts/fixtures"
DOCX="$ROOT/tests/fixtures/docx"
PDF="$ROOT/tests/fixtures/pdf"
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DOCX" "$PDF"

command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk" >&2; exit 1; }
fc-list | grep -q "Noto Serif CJK" || { echo "Noto CJK fonts not found: apt-get install -y fonts-noto-cjk" >&2; exit 1; }

# A private LibreOffice profile: no interference with a desktop session, no first-start dialogs.
PROFILE="file://$WORK/profile"
convert() { # convert FILE FORMAT OUTDIR
  soffice -env:UserInstallation="$PROFILE" --headless --convert-to "$2" --outdir "$3" "$1" >/dev/null 2>&1
}

for n in 000 001 002 003; do
  seed=$(ls "$ROOT"/seeds/${n}_*.txt)
  node "$SRC/txt2fodt.mjs" "$seed" "$WORK/seed-$n.fodt"
done
# seed-004: the indicator table the text flattened to one cell per line, as a ruled table again.
node "$SRC/txt2fodt.mjs" --grid="$SRC/seed-004-table.tsv" "$ROOT"/seeds/004_*.txt "$WORK/seed-004.fodt"
# projects-table: a ruled project table over three pages (rows and merged cells cut by the page breaks).
node "$SRC/projects-table.mjs" "$WORK/projects-table.fodt"
# seed-002.pdf: real footnotes and unruled tables (the .docx keeps the plain layout its test was checked on).
mkdir -p "$WORK/notes"
node "$SRC/txt2fodt.mjs" --notes --tables "$ROOT"/seeds/002_*.txt "$WORK/notes/seed-002.fodt"
convert "$WORK/notes/seed-002.fodt" pdf "$WORK/notes"
# task-division, annex-tables, table-tail, unruled-tasks: reader tables as 公文 annexes carry them (the last two:
# PDF only).
node "$SRC/annex-tables.mjs" "$WORK"
mkdir -p "$WORK/tail"
mv "$WORK/table-tail.fodt" "$WORK/unruled-tasks.fodt" "$WORK/tail/"
for f in table-tail unruled-tasks; do
  convert "$WORK/tail/$f.fodt" pdf "$WORK/tail"
  cp "$WORK/tail/$f.pdf" "$PDF/"
done
cp "$SRC/worklist.fodt" "$SRC/chapters.fodt" "$WORK/"

for f in "$WORK"/*.fodt; do
  convert "$f" docx "$WORK"
  convert "$f" pdf "$WORK"
done
for f in "$WORK"/*.docx; do cp "$f" "$DOCX/"; done
for f in "$WORK"/*.pdf; do cp "$f" "$PDF/"; done
cp "$WORK/notes/seed-002.pdf" "$PDF/seed-002.pdf"

# Encrypted: LibreOffice's PDF export with an open password.
convert "$WORK/worklist.fodt" 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"planx"}}' "$WORK/enc"
cp "$WORK/enc/worklist.pdf" "$PDF/encrypted.pdf"

# Scanned: a page that is one grey-scale image of "text lines" and nothing else (written by hand: no
# image tools needed).
python3 - "$PDF/scanned.pdf" <<'PY'
import sys, zlib
w, h = 400, 300
rows = []
for y in range(h):
    line = bytearray([255] * w)
    if 30 <= y < 270 and (y // 12) % 2 == 0:
        for x in range(40, 360 - (y * 7) % 90):
            line[x] = 40
    rows.append(b'\x00' + bytes(line))
img = zlib.compress(b''.join(rows), 9)
objs = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /Columns %d >> /Length %d >>\nstream\n' % (w, h, w, len(img)) + img + b'\nendstream',
]
content = b'q 480 0 0 360 57 400 cm /Im1 Do Q'
objs.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
for off in offsets:
    out += b'%010d 00000 n \n' % off
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
open(sys.argv[1], 'wb').write(out)
PY

# Broken Word files.
size=$(stat -c %s "$DOCX/seed-000.docx")
head -c $((size / 2)) "$DOCX/seed-000.docx" > "$DOCX/corrupt.docx"
printf '这不是一个Word文件。\n' > "$DOCX/not-a-zip.docx"

# Corpus documents the tests read, unchanged.
cp "$CORPUS"/c03_*.docx "$DOCX/"
cp "$CORPUS"/c06_*.pdf "$PDF/"

# The PDF reader's rules on real PDFs (tests/readers-pdf-rules.test.ts): hand-written county plans with a
# running header, `— N —` footers (centred; right/left on odd/even pages), a TOC with leaders, footnotes at
# the page foot (1 2 3 and ① ② ③), paragraphs cut by page breaks, unruled tables, a rotated watermark and
# margin note (scripts/fixtures/pdf-rules/*.fodt). PDF only: the tests read nothing else.
mkdir -p "$WORK/rules"
for f in "$SRC"/pdf-rules/*.fodt; do
  convert "$f" pdf "$WORK/rules"
done
for f in "$WORK"/rules/*.pdf; do cp "$f" "$PDF/"; done

ls -l "$DOCX" "$PDF"
