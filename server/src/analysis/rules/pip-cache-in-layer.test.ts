import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, testRule } from '../testing/rule-tester';
import rule from './pip-cache-in-layer';

const MESSAGE = '`pip install` keeps pip’s download cache (about the size of the packages downloaded) in this layer: add `--no-cache-dir`';

testRule(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python\n',
    'FROM python:3.12\nRUN pip3 install --no-cache-dir MySQL_python semgrep\n',
    'FROM python:3.12\nRUN python -m pip install --no-cache-dir flask\n',
    { name: 'ENV PIP_NO_CACHE_DIR=true (hadolint)', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=true\nRUN pip install MySQL_python\n' },
    { name: 'pip disables the cache for any valid value, even off', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n' },
    { name: 'legacy ENV form', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR 1\nRUN pip install flask\n' },
    { name: 'ENV in the stage it is built on', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'assignment on the command', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'export in the RUN', code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'pip config', code: 'FROM python:3.12\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n' },
    { name: 'cache mount on root’s cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'cache mount on another user’s cache', code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache,uid=1000 pip install --user flask\n' },
    { name: 'pip cache purge after', code: 'FROM python:3.12\nRUN pip install flask && pip cache purge\n' },
    { name: 'rm of the cache after', code: 'FROM python:3.12\nRUN pip install flask && rm -rf ~/.cache/pip\n' },
    { name: 'an explicit --cache-dir is deliberate', code: 'FROM python:3.12\nRUN pip install --cache-dir /wheels flask\n' },
    { name: 'pipx and pipenv are not pip', code: 'FROM python:3.12\nRUN pipx install poetry && pipenv install\n' },
    { name: 'pip download is not an install', code: 'FROM python:3.12\nRUN pip download -d /wheels flask\n' },
    { name: 'ONBUILD', code: 'FROM python:3.12\nONBUILD RUN pip install -r requirements.txt\n' },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM python:3.12 AS build\nRUN python -m venv /venv && /venv/bin/pip install flask\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n',
    },
  ],
  invalid: [
    {
      name: 'pip install: the flag goes after install',
      code: 'FROM python:3.12\nRUN pip install MySQL_python\n',
      errors: [{ message: MESSAGE, line: 2, column: 5, endColumn: 16 }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python\n',
    },
    {
      name: 'pip2, pip3 and python -m pip, each reported',
      code: 'FROM python:3.12\nRUN pip2 install a && pip3 install b && python3 -m pip install c\n',
      errors: [{ column: 5 }, { column: 23 }, { column: 52, endColumn: 63 }],
      output: 'FROM python:3.12\nRUN pip2 install --no-cache-dir a && pip3 install --no-cache-dir b && python3 -m pip install --no-cache-dir c\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR with a value pip rejects does not count',
      code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=maybe\nRUN pip install flask\n',
      errors: [{ line: 3 }],
      output: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=maybe\nRUN pip install --no-cache-dir flask\n',
    },
    {
      name: 'a purge before the install does not count',
      code: 'FROM python:3.12\nRUN pip cache purge && pip install flask\n',
      errors: [{ column: 24 }],
      output: 'FROM python:3.12\nRUN pip cache purge && pip install --no-cache-dir flask\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/lib/foobar pip install flask\n',
      errors: [{ line: 2 }],
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/lib/foobar pip install --no-cache-dir flask\n',
    },
    {
      name: 'heredoc: the flag is inserted in the body',
      code: 'FROM python:3.12\nRUN <<EOF\npip install flask\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'exec form: the flag is one more JSON string',
      code: 'FROM python:3.12\nRUN ["pip", "install", "flask"]\n',
      errors: [{ line: 2 }],
      output: 'FROM python:3.12\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: 'escape=` and CRLF, continuation lines',
      code: '# escape=`\r\nFROM python:3.12\r\nRUN pip install `\r\n    flask\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM python:3.12\r\nRUN pip install --no-cache-dir `\r\n    flask\r\n',
    },
    {
      name: 'the stage the shipped stage is built on',
      code: 'FROM python:3.12 AS base\nRUN pip install flask\nFROM base\nCMD ["flask", "run"]\n',
      errors: [{ line: 2 }],
      output: 'FROM python:3.12 AS base\nRUN pip install --no-cache-dir flask\nFROM base\nCMD ["flask", "run"]\n',
    },
  ],
});

it('offers the cache mount as the alternative, as root only', () => {
  const [asRoot] = findingsOf(rule, 'FROM python:3.12\nRUN pip install flask\n');
  assert.deepEqual(
    asRoot.fixes.map((fix) => [fix.title, fix.safety, fix.edits[0].newText]),
    [
      ['Add --no-cache-dir', 'safe', ' --no-cache-dir'],
      ['Use a cache mount on /root/.cache/pip instead', 'unsafe', ' --mount=type=cache,target=/root/.cache/pip'],
    ],
  );
  const [asApp] = findingsOf(rule, 'FROM python:3.12\nUSER app\nRUN pip install --user flask\n');
  assert.deepEqual(asApp.fixes.map((fix) => fix.title), ['Add --no-cache-dir']);
});
