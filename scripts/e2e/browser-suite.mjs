// Runs the editor suite inside code-server's extension host. code-server's CLI has no
// --extensionDevelopmentPath, but its web workbench takes the same two settings from the URL
// payload; VS Code then calls run() of extensionTestsPath and reports the result through
// window.codeAutomationExit, which only exists when the page exposes it. No page, no extension host.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.LAYERWISE_E2E_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(profileDir) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function remoteUri(url, path) {
  return `vscode-remote://${new URL(url).host}${path}`;
}

export function suiteUrl({ url, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(url, extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(url, extensionTestsPath)],
  ];
  return `${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * @returns {Promise<{exitCode: number | undefined, results: {passed: number, failed: number, tests: Array<{title: string, state: string, error?: string}>} | undefined}>}
 */
export async function runSuiteInBrowser({ context, url, workspace, extensionDevelopmentPath, extensionTestsPath, resultsFile, logDir, deadlineMs }) {
  rmSync(resultsFile, { force: true });
  const consoleLines = [];
  const page = await context.newPage();
  let reportExit;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  try {
    await page.exposeFunction('codeAutomationLog', (level, message) => consoleLines.push(`[${level}] ${message}`));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    page.on('console', (message) => consoleLines.push(`[browser ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[page error] ${error.message}`));

    await page.goto(suiteUrl({ url, workspace, extensionDevelopmentPath, extensionTestsPath }));
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve(undefined), deadlineMs);
    });
    const exitCode = await Promise.race([exited, deadline]);
    clearTimeout(timer);
    if (exitCode === undefined) consoleLines.push(`[runner] the suite did not finish within ${deadlineMs} ms`);
    if (exitCode !== 0) {
      const name = exitCode === undefined ? 'failure-suite-timeout.png' : 'failure-suite.png';
      await page.screenshot({ path: join(logDir, name), timeout: 10_000 }).catch(() => undefined);
    }
    return { exitCode, results: readResults(resultsFile) };
  } finally {
    writeFileSync(join(logDir, 'suite-browser-console.log'), consoleLines.join('\n') + '\n');
    await page.close().catch(() => undefined);
  }
}
