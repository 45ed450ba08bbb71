/**
 * One build at a time into one site: a lock file beside OUT_DIR naming the build's process. A lock
 * whose process is gone (a build killed, the machine restarted) is stale and taken over at once;
 * builds run on the machine that serves the folder, so the process id is the whole answer.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

interface LockRecord {
  pid: number;
  host: string;
  started: string;
}

/** True while the process runs (a process of another user counts). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock `file` for this process, or throws naming the build that holds it. Returns what
 * lets it go (also done when the process exits).
 */
export function takeBuildLock(file: string): () => void {
  const record: LockRecord = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(record)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      let holder: Partial<LockRecord> = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockRecord;
      } catch {
        // Unreadable: a lock cut short while being written; stale.
      }
      if (holder.pid !== undefined && (holder.host !== record.host || running(holder.pid))) {
        throw new Error(
          `another build (process ${holder.pid} on ${holder.host}, started ${holder.started}) is building this site; wait for it to finish, or delete ${file} if no build runs`,
          { cause: error },
        );
      }
      unlinkSync(file);
    }
  }
  const release = () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as LockRecord).pid === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return release;
}
