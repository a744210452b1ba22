import { testRule } from '../testing/rule-tester';
import rule from './multiple-entrypoint';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nENTRYPOINT ["echo", "Hello, Norway! Hello, Sweden!"]\n',
    { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["/a"]\nFROM a\nENTRYPOINT ["/b"]\n' },
  ],
  invalid: [
    {
      name: 'no fix when removing it would bring two RUNs together (a merge is LW104\'s question)',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nENTRYPOINT ["/app"]\nRUN mkdir /b\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'no fix when removing two of them would bring RUNs together',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nENTRYPOINT ["/app"]\nENTRYPOINT ["/app"]\nRUN mkdir /b\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3 }, { line: 4 }],
      output: null,
    },
    {
      name: 'BuildKit example',
      code: 'FROM alpine:3.20\nENTRYPOINT ["echo", "Hello, Norway!"]\nENTRYPOINT ["echo", "Hello, Sweden!"]\n',
      errors: [{ message: 'This ENTRYPOINT has no effect: the ENTRYPOINT on line 3 replaces it. Keep one ENTRYPOINT per stage', line: 2, column: 1, endColumn: 11 }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["echo", "Hello, Sweden!"]\n',
    },
    {
      name: 'a continued ENTRYPOINT is deleted whole',
      code: 'FROM alpine:3.20\nENTRYPOINT ["tini", \\\n  "--"]\nCMD ["/app"]\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nCMD ["/app"]\nENTRYPOINT ["/app"]\n',
    },
  ],
});
