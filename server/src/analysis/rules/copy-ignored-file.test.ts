import { testRule } from '../testing/rule-tester';
import rule from './copy-ignored-file';

const ignoring = (dockerignore: string) => ({ buildContext: { dockerignore } });

testRule(rule, {
  valid: [
    { name: 'BuildKit docs: a file outside the excluded directory', code: 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\n', options: ignoring('*/tmp/*\n') },
    { name: 'the .dockerignore is unknown', code: 'FROM scratch\nCOPY secrets.env /\n' },
    { name: 'no .dockerignore', code: 'FROM scratch\nCOPY secrets.env /\n', options: { buildContext: { dockerignore: null } } },
    { name: 'patterns are relative to the root: `foo` does not match `a/foo`', code: 'FROM scratch\nCOPY a/foo /\n', options: ignoring('foo\n') },
    { name: 'an exception re-includes the file', code: 'FROM scratch\nCOPY docs/README.md /\n', options: ignoring('docs\n!docs/README.md\n') },
    { name: 'the last matching pattern wins', code: 'FROM scratch\nCOPY app.log /\n', options: ignoring('*.log\n!app.log\n') },
    { name: 'an exception below a copied directory', code: 'FROM scratch\nCOPY vendor /vendor\n', options: ignoring('vendor\n!vendor/keep\n') },
    { name: 'moby/buildkit#6512: COPY . with `*` and exceptions is not reported', code: 'FROM golang:1.25\nWORKDIR /src\nCOPY . /src/\n', options: ignoring('*\n!go.*\n!*.go\n') },
    { name: 'globs are not judged', code: 'FROM scratch\nCOPY *.log /logs/\n', options: ignoring('*.log\n') },
    { name: 'COPY --from reads a stage, not the context', code: 'FROM alpine:3.20 AS a\nFROM scratch\nCOPY --from=a /tmp/x /x\n', options: ignoring('tmp\n') },
    { name: 'ADD of a URL', code: 'FROM scratch\nADD https://example.com/tmp/x.tgz /x.tgz\n', options: ignoring('tmp\n') },
    { name: 'comments and blank lines in the .dockerignore', code: 'FROM scratch\nCOPY x /\n', options: ignoring('# x\n\n   \n') },
  ],
  invalid: [
    {
      name: 'a file in an excluded directory',
      code: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n',
      options: ignoring('tmp\n'),
      errors: [{ message: '`./tmp/helloworld.txt` is excluded by .dockerignore (line 1: `tmp`), so the build cannot copy it: change the pattern or stop copying it', line: 2, column: 6, endColumn: 26 }],
    },
    {
      name: '`*/tmp/*` excludes one level down',
      code: 'FROM scratch\nCOPY src/tmp/x.txt /x.txt\n',
      options: ignoring('*/tmp/*\n'),
      errors: [{ message: /\(line 1: `\*\/tmp\/\*`\)/ }],
    },
    {
      name: 'leading slash and `**`, CRLF in both files, ADD',
      code: 'FROM scratch\r\nADD /build/out/app.bin /app\r\nCOPY docs/a/b/notes.md /notes.md\r\n',
      options: ignoring('/build\r\n**/*.md\r\n'),
      errors: [{ message: /^`\/build\/out\/app.bin` is excluded by .dockerignore \(line 1: `\/build`\), so the build cannot add it/ }, { message: /\(line 2: `\*\*\/\*.md`\)/ }],
    },
    {
      name: 'Dockerfile and .dockerignore listed are excluded from COPY',
      code: 'FROM scratch\nCOPY Dockerfile /\n',
      options: ignoring('Dockerfile\n.dockerignore\n'),
      errors: [{ line: 2 }],
    },
    {
      name: 'multi-stage, JSON form, escape=`, an exception that is undone later',
      code: '# escape=`\nFROM alpine:3.20 AS build\nCOPY ["secrets/.env", "/src/"]\nFROM scratch\nCOPY .env.local /\n',
      options: ignoring('secrets\n.env*\n!.env.local\n.env.local\n'),
      errors: [{ line: 3, column: 7, endColumn: 21 }, { message: /\(line 4: `\.env\.local`\)/, line: 5 }],
    },
    {
      name: 'ONBUILD COPY',
      code: 'FROM alpine:3.20\nONBUILD COPY node_modules/ /app/node_modules/\n',
      options: ignoring('node_modules\n'),
      errors: [{ line: 2 }],
    },
  ],
});
