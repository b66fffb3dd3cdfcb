/**
 * SIGINT (Ctrl-C) and SIGTERM (what schedulers — Kubernetes, systemd, Slurm, docker stop — send before
 * SIGKILL) for a command that writes a dataset: the first signal aborts the run (its unfinished folder is
 * removed, nothing is installed, the previous dataset stays) and the command exits 128 + the signal
 * number: 130 for SIGINT, 143 for SIGTERM. A second signal while cleaning up is noted and otherwise
 * ignored, so the clean-up finishes.
 */
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export interface SignalGuard {
  signal: AbortSignal;
  /** the signal received, if any */
  received: () => 'SIGINT' | 'SIGTERM' | null;
  dispose: () => void;
}

export function guardSignals(onFirst: (sig: 'SIGINT' | 'SIGTERM') => void): SignalGuard {
  const controller = new AbortController();
  let got: 'SIGINT' | 'SIGTERM' | null = null;
  const handler = (sig: 'SIGINT' | 'SIGTERM') => {
    if (got) {
      process.stderr.write(`\n${sig} again: still removing the unfinished dataset, one moment\n`);
      return;
    }
    got = sig;
    onFirst(sig);
    controller.abort(new Error(sig));
  };
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    received: () => got,
    dispose: () => {
      process.removeListener('SIGINT', onInt);
      process.removeListener('SIGTERM', onTerm);
    },
  };
}
