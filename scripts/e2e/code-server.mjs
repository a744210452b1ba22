// Starts code-server on 127.0.0.1 in a session (and process group) of its own, and stops it by
// killing that whole group: code-server's extension host and our language server are its
// children, and killing only the parent would leave them running.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a VSIX the way a user does, into the given extensions folder. */
export function installExtension({ entry, vsix, extensionsDir, userDataDir }) {
  const result = spawnSync(
    process.execPath,
    [entry, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout.trim();
}

async function waitUntilHealthy(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.message;
    }
    // Polling a port has no event to wait on; this is the interval between probes, not a guess.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server was not healthy within ${deadlineMs} ms (${lastError})`);
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * @returns {Promise<{url: string, port: number, pid: number, stop: () => Promise<void>, stopNow: () => void}>}
 */
export async function startCodeServer({ entry, userDataDir, extensionsDir, logFile, env = {}, healthDeadlineMs = 60_000 }) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  // detached: the child calls setsid(), so it leads a new session and process group (pgid = pid).
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...env } },
  );
  closeSync(log);
  const pgid = child.pid;

  const stopNow = () => {
    signalGroup(pgid, 'SIGKILL');
  };
  const stop = async () => {
    if (!groupAlive(pgid)) return;
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, healthDeadlineMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid: pgid, stop, stopNow };
}
