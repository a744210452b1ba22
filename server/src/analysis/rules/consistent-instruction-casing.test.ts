import { testRule } from '../testing/rule-tester';
import rule from './consistent-instruction-casing';

testRule(rule, {
  valid: [
    { name: 'BuildKit: all upper case', code: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n' },
    { name: 'BuildKit: all lower case', code: 'from alpine\nrun echo hello > /greeting.txt\nentrypoint ["cat", "/greeting.txt"]\n' },
    { name: 'comments and directives are not instructions', code: '# syntax=docker/dockerfile:1\nFROM alpine\n# run something\nRUN true\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: mixed keywords (tie goes to upper case)',
      code: 'From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]\n',
      errors: [
        { message: "Write 'From' as 'FROM': the other instructions are in upper case.", line: 1, column: 1, endColumn: 5 },
        { line: 2 },
        { line: 3, endColumn: 11 },
      ],
      output: 'FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT ["cat", "/greeting.txt"]\n',
    },
    {
      name: 'the lower-case majority wins, ONBUILD triggers included, CRLF',
      code: 'from alpine\r\nrun true\r\nRUN false\r\nonbuild RUN make\r\n',
      errors: [{ message: /^Write 'RUN' as 'run'/, line: 3 }, { line: 4, column: 9 }],
      output: 'from alpine\r\nrun true\r\nrun false\r\nonbuild run make\r\n',
    },
    {
      name: 'a keyword split by a continuation gets no fix (backtick escape)',
      code: '# escape=`\nFROM alpine\nRUN true\nRUN true\nRU`\nn echo\n',
      errors: [{ line: 5 }],
      output: null,
    },
  ],
});
