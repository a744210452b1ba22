// The snippet parser and expander the snippet tests rely on: they must catch what VS Code would misread.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet, parseSnippetBody, tabStopsOf } from './snippet-syntax';

const expand = (body: string) => expandSnippet(parseSnippetBody(body).nodes);
const problemsOf = (body: string) => parseSnippetBody(body).problems.map((problem) => problem.message);

describe('snippet syntax', () => {
  it('expands placeholders to their defaults and choices to their first item', () => {
    assert.equal(expand('FROM node:${1:22}-slim AS ${2|build,deps|}\n$0'), 'FROM node:22-slim AS build\n');
  });

  it('mirrors a repeated tab stop, whichever occurrence carries the default', () => {
    assert.equal(expand('COPY --from=build /out/$1 /${1:app}\nENTRYPOINT ["/$1"]'), 'COPY --from=build /out/app /app\nENTRYPOINT ["/app"]');
  });

  it('expands nested placeholders', () => {
    assert.equal(expand('RUN ${1:make ${2:all}} && echo $2'), 'RUN make all && echo all');
  });

  it('turns escaped dollars into Dockerfile variables and keeps line-continuation backslashes', () => {
    const body = 'ENV PATH="/venv/bin:\\$PATH"\nRUN a \\\n    && b \\${HOME}';
    assert.deepEqual(problemsOf(body), []);
    assert.equal(expand(body), 'ENV PATH="/venv/bin:$PATH"\nRUN a \\\n    && b ${HOME}');
  });

  it('reports Dockerfile variables left unescaped, in both forms', () => {
    assert.equal(problemsOf('ENV PATH=/venv/bin:$PATH').length, 1);
    assert.match(problemsOf('FROM --platform=${BUILDPLATFORM} x')[0], /\\\$BUILDPLATFORM/);
    assert.equal(problemsOf('RUN dotnet publish -a $TARGETARCH').length, 1);
  });

  it('reports a bare dollar, an unclosed placeholder and a transformation', () => {
    assert.equal(problemsOf('RUN echo $ x').length, 1);
    assert.equal(problemsOf('FROM node:${1:22').length, 1);
    assert.equal(problemsOf('${1/(.*)/${1:/upcase}/}').length, 1);
  });

  it('reads choices with escaped separators', () => {
    const [tabStop] = tabStopsOf(parseSnippetBody('${1|a\\,b,c|}').nodes);
    assert.deepEqual(tabStop.choices, ['a,b', 'c']);
  });

  it('lists nested tab stops in document order', () => {
    assert.deepEqual(
      tabStopsOf(parseSnippetBody('${1:a ${2:b}} $3 $0').nodes).map((tabStop) => tabStop.index),
      [1, 2, 3, 0],
    );
  });
});
