// The UI smoke test: what a person does in the editor, in a real browser against code-server with
// the installed VSIX. Open the Dockerfile from the Explorer, see the squiggle and the size lens,
// hover FROM for the stage's size table, click the lens for the breakdown, see the Problems row,
// open the lightbulb menu, apply "ADD → COPY", see the text change; then type a
// snippet prefix and accept it from the suggest widget.
// Each step waits for what it expects to see, with a deadline; a screenshot is kept after the
// steps that show something and whenever a step fails.
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface UiSmokeOptions {
  context: BrowserContext;
  /** code-server's base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  /** The folder to open; it holds the fixtures, with `Dockerfile` at its top. */
  workspace: string;
  screenshotDir: string;
  log: (line: string) => void;
}

export interface StepResult {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  error?: string;
  screenshot?: string;
}

interface Step {
  name: string;
  /** Saved after the step passes, so a person can look at what the test saw. */
  screenshot?: string;
  run: (page: Page) => Promise<void>;
}

const STEP_DEADLINE_MS = 30_000;
/** The FROM line of the fixture `Dockerfile`, and the instructions its size table has a row for. */
const BASE_IMAGE = 'python:3.12-slim';
const FROM_LINE = `FROM ${BASE_IMAGE}`;
const TABLE_KEYWORDS = ['FROM', 'COPY', 'RUN', 'ADD'];
/** The line the quick fix is applied to, and what it must become. */
const ADD_LINE = 'ADD src/ /app/src/';
const COPY_LINE = 'COPY src/ /app/src/';
/** A snippet accepted from the suggest widget, and lines of its text with the defaults filled in. */
const SNIPPET_PREFIX = 'lw-user-create';
const SNIPPET_LINES = ['COPY --chown=app:app . /app', 'USER app'];

/** Monaco renders spaces as no-break spaces. */
function normalize(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

function editorLine(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-lines .view-line').filter({ hasText: text });
}

async function editorText(page: Page): Promise<string> {
  return normalize(await page.locator('.monaco-editor .view-lines').first().textContent());
}

const steps: Step[] = [
  {
    name: 'the workbench loads the fixtures folder',
    run: async (page) => {
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.getByRole('treeitem', { name: 'Dockerfile', exact: true }).waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'a click on Dockerfile in the Explorer opens it',
    run: async (page) => {
      await page.getByRole('treeitem', { name: 'Dockerfile', exact: true }).click();
      await editorLine(page, FROM_LINE).waitFor();
      await editorLine(page, ADD_LINE).waitFor();
    },
  },
  {
    name: 'the ADD line gets a squiggle',
    run: async (page) => {
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
    },
  },
  {
    name: 'the size lens shows above FROM',
    screenshot: '01-diagnostics-and-lens.png',
    run: async (page) => {
      const lens = sizeLens(page);
      await lens.waitFor();
      const title = normalize(await lens.textContent());
      if (!/≈ .+ est\.|size unknown/.test(title)) throw new Error(`unexpected size lens "${title}"`);
    },
  },
  {
    name: 'hovering FROM shows the per-instruction size table',
    screenshot: '02-size-hover-over-from.png',
    run: async (page) => {
      // A person points at the FROM keyword; the hover appears after the editor's hover delay.
      await editorLine(page, FROM_LINE).hover({ position: { x: 12, y: 8 } });
      const table = sizeHover(page).locator('table');
      await table.waitFor();
      const text = normalize(await table.innerText());
      for (const header of ['line', 'instruction', 'size', 'basis']) {
        if (!text.includes(header)) throw new Error(`the size table has no "${header}" column:\n${text}`);
      }
      // One row per instruction that adds a layer: FROM, COPY, RUN and ADD in this Dockerfile.
      const rows = await table.locator('tbody tr').allInnerTexts();
      const keywords = rows.map((row) => normalize(row).split(/\s+/)[1]);
      if (keywords.join(' ') !== TABLE_KEYWORDS.join(' ')) throw new Error(`size table rows ${keywords.join(', ')}, expected ${TABLE_KEYWORDS.join(', ')}:\n${text}`);
      if (!(await table.isVisible())) throw new Error('the size table is not visible');
    },
  },
  {
    name: 'a click on the size lens opens the stage breakdown',
    screenshot: '03-stage-breakdown.png',
    run: async (page) => {
      // Move away first, so the hover closes and does not cover the lens.
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await sizeHover(page).waitFor({ state: 'hidden' });
      await sizeLens(page).locator('a').first().click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor();
      const text = normalize(await dialog.innerText());
      for (const expected of [`FROM ${BASE_IMAGE}`, 'line 1 FROM:', 'line 4 RUN:']) {
        if (!text.includes(expected)) throw new Error(`the breakdown does not show "${expected}":\n${text}`);
      }
    },
  },
  {
    name: 'the breakdown closes with Escape',
    run: async (page) => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'the Problems panel lists the Layerwise finding',
    screenshot: '04-problems-panel.png',
    run: async (page) => {
      await page.locator('[id="status.problems"]').click();
      await problemRow(page, 'LW201').waitFor();
    },
  },
  {
    name: 'the lightbulb menu offers the ADD → COPY fix',
    screenshot: '05-quick-fix-menu.png',
    run: async (page) => {
      // Code actions follow the cursor: put it inside the squiggle, on the ADD keyword at the line start.
      await editorLine(page, ADD_LINE).click({ position: { x: 6, y: 6 } });
      // The lightbulb sits in the glyph margin when the line's text leaves no room beside it.
      const lightbulb = page
        .locator('.monaco-editor [class*="codicon-gutter-lightbulb"]')
        .or(page.locator('.monaco-editor .lightBulbWidget:visible'))
        .first();
      await lightbulb.waitFor();
      await lightbulb.click();
      await quickFixItem(page).waitFor();
    },
  },
  {
    name: 'applying the fix turns the line into COPY',
    screenshot: '06-after-fix.png',
    run: async (page) => {
      // The action list re-renders on hover, which keeps Playwright's actionability check waiting;
      // a plain mouse click where the item is drawn is what a person does.
      const box = await quickFixItem(page).boundingBox();
      if (!box) throw new Error('the quick fix item has no box on screen');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await editorLine(page, COPY_LINE).waitFor();
      const text = await editorText(page);
      if (text.includes(ADD_LINE)) throw new Error(`the ADD line is still there:\n${text}`);
      await problemRow(page, 'LW201').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'typing a snippet prefix and accepting the suggestion inserts the snippet',
    screenshot: '07-snippet-from-suggest.png',
    run: async (page) => {
      await editorLine(page, COPY_LINE).click();
      // The fixture ends with a newline, so the end of the file is an empty line in the last stage.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(SNIPPET_PREFIX);
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row.focused').filter({ hasText: SNIPPET_PREFIX }).waitFor();
      await page.keyboard.press('Enter');
      // Its placeholders are linked: the user name typed once appears in every line that names it.
      for (const line of SNIPPET_LINES) await editorLine(page, line).waitFor();
      const text = await editorText(page);
      if (text.includes(SNIPPET_PREFIX)) throw new Error(`the typed prefix is still there:\n${text}`);
      // The stage now switches to its own user: the root-user finding goes away.
      await problemRow(page, 'LW202').waitFor({ state: 'detached' });
    },
  },
];

function sizeLens(page: Page): Locator {
  return page.locator('.monaco-editor .codelens-decoration').filter({ hasText: /est\.|size unknown/ }).first();
}

/** The hover widget that holds the size table (the editor keeps hidden hover widgets around too). */
function sizeHover(page: Page): Locator {
  return page.locator('.monaco-hover').filter({ hasText: 'instruction' }).first();
}

function problemRow(page: Page, code: string): Locator {
  return page.locator('.markers-panel .monaco-list-row').filter({ hasText: code });
}

function quickFixItem(page: Page): Locator {
  return page.locator('.action-widget .monaco-list-row').filter({ hasText: /COPY/ }).first();
}

async function screenshot(page: Page, dir: string, name: string): Promise<string | undefined> {
  const path = join(dir, name);
  try {
    await page.screenshot({ path, timeout: 10_000 });
    return path;
  } catch {
    return undefined;
  }
}

export async function runUiSmoke(options: UiSmokeOptions): Promise<StepResult[]> {
  const { context, url, workspace, screenshotDir, log } = options;
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_DEADLINE_MS);
  const results: StepResult[] = [];
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    let failed = false;
    for (const [index, step] of steps.entries()) {
      if (failed) {
        results.push({ name: step.name, state: 'skipped' });
        log(`  - ${step.name} (skipped)`);
        continue;
      }
      try {
        await step.run(page);
        const shot = step.screenshot ? await screenshot(page, screenshotDir, step.screenshot) : undefined;
        results.push({ name: step.name, state: 'passed', screenshot: shot });
        log(`  ✔ ${step.name}`);
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? error.message.split('\n').slice(0, 8).join('\n') : String(error);
        const shot = await screenshot(page, screenshotDir, `failure-ui-step-${index + 1}.png`);
        results.push({ name: step.name, state: 'failed', error: message, screenshot: shot });
        log(`  ✖ ${step.name}: ${message}${shot ? ` (screenshot ${shot})` : ''}`);
      }
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return results;
}
