import { testRule } from '../testing/rule-tester';
import rule from './multiple-healthcheck';

testRule(rule, {
  valid: [
    'FROM busybox:1.36\nHEALTHCHECK CMD ["/bin/healthcheck"]\n',
    'FROM busybox:1.36\nHEALTHCHECK NONE\n',
    { name: 'one per stage', code: 'FROM busybox:1.36 AS base\nHEALTHCHECK CMD ["/a"]\nFROM base\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'no fix when removing it would bring two RUNs together (a merge is LW104\'s question)',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nHEALTHCHECK CMD ["/app", "health"]\nRUN mkdir /b\nHEALTHCHECK CMD ["/app", "health"]\n',
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'no fix when removing two of them would bring RUNs together',
      code: 'FROM busybox:1.36\nRUN mkdir /a\nHEALTHCHECK CMD ["/app", "health"]\nHEALTHCHECK CMD ["/app", "health"]\nRUN mkdir /b\nHEALTHCHECK CMD ["/app", "health"]\n',
      errors: [{ line: 3 }, { line: 4 }],
      output: null,
    },
    {
      name: 'hadolint example',
      code: 'FROM busybox:1.36\nHEALTHCHECK CMD /bin/healthcheck\nHEALTHCHECK CMD /bin/something\n',
      errors: [{ message: 'This HEALTHCHECK has no effect: the HEALTHCHECK on line 3 replaces it. Keep one HEALTHCHECK per stage', line: 2, column: 1, endColumn: 12 }],
      output: 'FROM busybox:1.36\nHEALTHCHECK CMD /bin/something\n',
    },
    {
      name: 'HEALTHCHECK NONE replaces a check too',
      code: 'FROM busybox:1.36\nHEALTHCHECK --interval=5s CMD ["/bin/check"]\nHEALTHCHECK NONE\n',
      errors: [{ line: 2 }],
      output: 'FROM busybox:1.36\nHEALTHCHECK NONE\n',
    },
  ],
});
