/**
 * What planx prints about things it did not write itself — file names, document titles, error messages
 * quoting either — goes through `safe()`: control characters (an ESC starting a terminal sequence, a
 * carriage return that lets a name overwrite its own line, a line break that forges a second `FAILED`
 * line), DEL, C1 controls, and the bidi overrides that make a name read backwards are shown escaped
 * (`\x1b`, `\r`, `\u202e`) instead of acting on the terminal or the log.
 *
 * `fatalMessage()` turns an operating-system error into plain words (exit 3): no space left, a read-only
 * file system, permission denied — naming the path, with no stack trace.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function safe(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Like `safe`, but line breaks and tabs are kept (a multi-line report of planx's own, table cells). */
export function safeLines(s: string): string {
  return s.split('\n').map((line) => line.split('\t').map(safe).join('\t')).join('\n');
}

const PLAIN: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error (a failing disk or a lost network mount)',
  EMFILE: 'too many open files (raise the limit: ulimit -n)',
  ENFILE: 'too many open files on the system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the file name is too long',
  EEXIST: 'it already exists',
  EBUSY: 'the file or folder is busy',
  EXDEV: 'cannot rename across file systems',
  ENOENT: 'no such file or folder',
};

/** The plain-words message of a fatal I/O error, or null when `e` is not one. */
export function fatalMessage(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  const code = err?.code;
  if (typeof code !== 'string' || !(code in PLAIN)) return null;
  if (typeof err.syscall !== 'string' && code !== 'ENOSPC' && code !== 'EROFS') return null; // not from the OS
  const where = err.path ? ` ${err.path}${err.dest ? ` → ${err.dest}` : ''}` : '';
  const verb = err.syscall ? ` (${err.syscall}${where})` : where ? ` (${where.trim()})` : '';
  return `${PLAIN[code]}${verb} [${code}]`;
}

/**
 * `planx --help | head` closes the pipe before planx has written everything: the next write fails with EPIPE,
 * which Node throws as an unhandled 'error' event with a stack trace. A reader that stopped reading is not an
 * error of planx: stop quietly, exit 0 (the rest of the output was not wanted).
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (c) => process.exit(c)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(0);
    else throw e;
  });
}
