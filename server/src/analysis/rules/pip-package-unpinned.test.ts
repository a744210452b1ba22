import { testRule } from '../testing/rule-tester';
import rule from './pip-package-unpinned';

const FLASK = 'Pin `flask` to a version (`flask==<version>`, or a requirements file): unpinned, each build installs the newest release';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3013.
    'FROM python:3.12-slim\nRUN pip install flask==3.0.3 "gunicorn>=22,<23" requests~=2.32\n',
    { name: 'a requirements file', code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n' },
    { name: 'a requirements file, long option', code: 'FROM python:3.12-slim\nRUN pip install --requirement=requirements.txt\n' },
    { name: 'constraints pin the named packages', code: 'FROM python:3.12-slim\nRUN pip install -c constraints.txt flask\n' },
    { name: 'the current project', code: 'FROM python:3.12-slim\nRUN pip install .\n' },
    { name: 'an editable install', code: 'FROM python:3.12-slim\nRUN pip install -e .\n' },
    { name: 'local wheels and paths', code: 'FROM python:3.12-slim\nRUN pip install ./dist/app-1.0-py3-none-any.whl /src/lib dist/app.tar.gz\n' },
    { name: 'a VCS URL with a revision', code: 'FROM python:3.12-slim\nRUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo\n' },
    { name: 'a direct reference', code: 'FROM python:3.12-slim\nRUN pip install "app @ https://example.com/app-1.0.tar.gz"\n' },
    // The false positives hadolint users hit.
    {
      name: 'index URLs are option values, not packages',
      code: 'FROM python:3.12-slim\nRUN pip install -i https://pypi.example.com/simple --extra-index-url https://x.example.com/simple torch==2.4.1\n',
    },
    { name: 'variables', code: 'FROM python:3.12-slim\nARG V\nRUN pip install flask==$V "$PACKAGES"\n' },
    { name: 'only local wheels', code: 'FROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-index --find-links=/wheels app\n' },
    { name: 'hashes required', code: 'FROM python:3.12-slim\nRUN pip install --require-hashes -r requirements.txt\n' },
    { name: 'PIP_CONSTRAINT in the stage', code: 'FROM python:3.12-slim\nENV PIP_CONSTRAINT=/constraints.txt\nRUN pip install flask\n' },
    { name: 'PIP_CONSTRAINT on the command', code: 'FROM python:3.12-slim\nRUN PIP_CONSTRAINT=/c.txt pip install flask\n' },
    { name: 'other subcommands', code: 'FROM python:3.12-slim\nRUN pip download flask && pip uninstall -y flask && pip freeze\n' },
    { name: '--ignore-installed', code: 'FROM python:3.12-slim\nRUN pip install --ignore-installed pip==24.2\n' },
    {
      name: 'python -m pip, pinned',
      code: 'FROM python:3.12-slim\nRUN python -m pip install example==1.2.3 && python -m pip install git+https://github.com/example/example@123abcdef\n',
    },
    { name: 'a version with a default', code: 'FROM python:3.12-slim\nARG V\nRUN pip install yamllint=="${V:-1.35.1}"\n' },
    { name: 'pipx is another tool', code: 'FROM python:3.12-slim\nRUN pipx install --python "$(which python)" poetry\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      errors: [{ message: FLASK, line: 2, column: 32, endColumn: 37 }],
      output: null,
    },
    {
      name: 'pip upgrading itself is reported, as by hadolint',
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip setuptools==75.1.0\n',
      errors: [{ message: /^Pin `pip` to a version \(`pip==<version>`/, column: 38, endColumn: 41 }],
      output: null,
    },
    {
      name: 'extras and a VCS URL without a revision',
      code: 'FROM python:3.12-slim\nRUN pip3 install "uvicorn[standard]" git+https://github.com/org/repo.git\n',
      errors: [
        { message: /^Pin `uvicorn\[standard\]` to a version/, column: 18, endColumn: 37 },
        { message: /^Pin `git\+https:\/\/github.com\/org\/repo.git` to a tag or commit/, column: 38 },
      ],
      output: null,
    },
    {
      name: 'option values before the package are skipped',
      code: 'FROM python:3.12-slim\nRUN pip --timeout 60 install --target /deps -i https://pypi.example.com/simple flask\n',
      errors: [{ message: FLASK, column: 80 }],
      output: null,
    },
    {
      name: 'heredoc and ONBUILD',
      code: 'FROM python:3.12-slim\nRUN <<EOF\npip install flask\nEOF\nONBUILD RUN pip install flask\n',
      errors: [{ message: FLASK, line: 3, column: 13 }, { message: FLASK, line: 5, column: 25 }],
      output: null,
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM python:3.12-slim\r\nRUN pip install `\r\n    flask\r\n',
      errors: [{ message: FLASK, line: 4, column: 5 }],
      output: null,
    },
  ],
});
