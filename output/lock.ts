/**
 * One writer per `--out`: a lock file beside the dataset folder (`.<name>.lock`), created with O_EXCL,
 * holding a random run id, the owner (host, pid, pid namespace), the start time and the command. Its
 * modification time is the heartbeat, refreshed every few seconds by a tiny worker thread, so a main
 * thread busy for a minute (writing SQLite, say) still counts as alive.
 *
 * Staleness never trusts a PID to be unique: planx is PID 1 in most containers, and PIDs are reused. A
 * lock is stale when its heartbeat is older than STALE_MS, or — a shortcut after kill -9 on the same
 * machine — when it was taken on this host, in this PID namespace, by a PID that no longer exists. A PID
 * that does exist proves nothing, so then only the heartbeat counts.
 */
import { closeSync, existsSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { OutFolderError } from './out-folder.js';

/** a lock whose heartbeat is older than this belongs to a run that died (or hangs) */
export const STALE_MS = 60_000;
const HEARTBEAT_MS = 2_000;

export interface LockInfo {
  tool: 'planx';
  run_id: string;
  host: string;
  pid: number;
  pid_ns: string | null;
  started: string;
  command: string;
}

export function lockPathFor(realOut: string): string {
  return join(dirname(realOut), `.${basename(realOut)}.lock`);
}

function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

function pidGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function readLock(path: string): { info: Partial<LockInfo> | null; ageMs: number } | null {
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  let info: Partial<LockInfo> | null = null;
  try {
    info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
  } catch {
    info = null; // half-written by a run killed while creating it: judged by its age alone
  }
  return { info, ageMs: Date.now() - st.mtimeMs };
}

/** Why the lock at `path` may be taken over, or null while its owner looks alive. */
export function staleReason(info: Partial<LockInfo> | null, ageMs: number, now = { host: hostname(), pidNs: pidNamespace() }): string | null {
  if (ageMs > STALE_MS) return `its heartbeat stopped ${Math.round(ageMs / 1000)} s ago`;
  if (info && info.host === now.host && info.pid_ns && info.pid_ns === now.pidNs && typeof info.pid === 'number' && pidGone(info.pid)) {
    return `its process ${info.pid} on this machine has exited`;
  }
  return null;
}

/** The heartbeat: a worker thread touching the lock file, independent of what the main thread is doing. */
const HEARTBEAT_SOURCE = `
const { workerData } = require('node:worker_threads');
const { utimesSync } = require('node:fs');
setInterval(() => { try { const t = new Date(); utimesSync(workerData.path, t, t); } catch {} }, workerData.every);
`;

export class OutLock {
  private heartbeat: Worker | null = null;
  private released = false;

  private constructor(
    readonly path: string,
    readonly info: LockInfo,
  ) {}

  /**
   * Take the lock for the dataset folder `realOut` (symlinks already resolved), or throw an
   * OutFolderError naming the run that holds it. A stale lock is taken over (and said so in `notes`).
   */
  static acquire(realOut: string, shown: string, notes: string[] = []): OutLock {
    const path = lockPathFor(realOut);
    const info: LockInfo = {
      tool: 'planx',
      run_id: randomBytes(8).toString('hex'),
      host: hostname(),
      pid: process.pid,
      pid_ns: pidNamespace(),
      started: new Date().toISOString(),
      command: process.argv.slice(2).join(' ').slice(0, 500),
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      let fd: number;
      try {
        fd = openSync(path, 'wx');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const held = readLock(path);
        if (!held) continue; // released in the meantime: try again
        const why = staleReason(held.info, held.ageMs);
        if (!why) {
          const i = held.info;
          const who = i ? `run ${i.run_id} (pid ${i.pid} on ${i.host}, started ${i.started}, heartbeat ${Math.round(held.ageMs / 1000)} s ago)` : 'another run';
          throw new OutFolderError(
            `--out ${shown} is being written by ${who}: one writer at a time. Wait for it to finish, or write elsewhere. (A lock whose heartbeat is older than ${STALE_MS / 1000} s is taken over; the lock file is ${path}.)`,
          );
        }
        // atomic take-over: of two runs that both found it stale, only one renames it away
        const aside = `${path}.stale-${info.run_id}`;
        try {
          renameSync(path, aside);
        } catch {
          continue;
        }
        rmSync(aside, { force: true });
        notes.push(`took over the lock of ${held.info?.run_id ? `run ${held.info.run_id}` : 'an earlier run'}: ${why}`);
        continue;
      }
      try {
        writeSync(fd, JSON.stringify(info, null, 2) + '\n');
      } finally {
        closeSync(fd);
      }
      const lock = new OutLock(path, info);
      lock.startHeartbeat();
      return lock;
    }
    throw new OutFolderError(`--out ${shown}: could not take the lock ${path} (other runs keep taking it)`);
  }

  private startHeartbeat(): void {
    try {
      this.heartbeat = new Worker(HEARTBEAT_SOURCE, { eval: true, workerData: { path: this.path, every: HEARTBEAT_MS } });
      this.heartbeat.unref(); // never keeps the process alive
      this.heartbeat.on('error', () => undefined);
    } catch {
      this.heartbeat = null; // no threads: the lock is then refreshed by refresh() calls
    }
  }

  /** Still ours? (false when another run judged it stale and took it over) */
  held(): boolean {
    if (this.released) return false;
    const now = readLock(this.path);
    return !!now?.info && now.info.run_id === this.info.run_id;
  }

  /** Release (idempotent): stop the heartbeat, remove the lock file if it is still ours. */
  release(): void {
    if (this.released) return;
    const ours = this.held();
    this.released = true;
    void this.heartbeat?.terminate();
    this.heartbeat = null;
    if (ours && existsSync(this.path)) rmSync(this.path, { force: true });
  }
}
