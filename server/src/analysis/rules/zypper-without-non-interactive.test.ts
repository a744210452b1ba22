import { testRule } from '../testing/rule-tester';
import rule from './zypper-without-non-interactive';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.24 && zypper clean\n',
    { name: 'hadolint: --no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper install --no-confirm httpd\n' },
    { name: 'the global -n / --non-interactive', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper --non-interactive remove vim\n' },
    { name: 'subcommands that never prompt', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.24 && zypper clean\n',
      errors: [{ message: '`zypper install` will wait for a confirmation no one can give in a build: use `zypper -n install`', line: 2, column: 5, endColumn: 19 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.24 && zypper clean\n',
    },
    {
      name: 'short subcommands and a global option with a value',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --root /target in httpd && zypper dup\n',
      errors: [{ line: 2, column: 5 }, { line: 2 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n --root /target in httpd && zypper -n dup\n',
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM opensuse/leap:15.6\r\nONBUILD RUN zypper rm vim\r\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM opensuse/leap:15.6\r\nONBUILD RUN zypper -n rm vim\r\n',
    },
  ],
});
