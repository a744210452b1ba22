import { testRule } from '../testing/rule-tester';
import rule from './dnf-without-yes';

testRule(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd-2.4.24 && dnf clean all\n',
    { name: 'hadolint: --assumeyes', code: 'FROM fedora:41\nRUN dnf --assumeyes install httpd\n' },
    { name: 'microdnf never prompts', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd && microdnf clean all\n' },
    { name: 'subcommands that never prompt', code: 'FROM fedora:41\nRUN dnf makecache && dnf clean all\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM fedora:41\nRUN dnf install httpd-2.4.24 && dnf clean all\n',
      errors: [{ message: '`dnf install` will wait for a confirmation no one can give in a build: use `dnf install -y`', line: 2, column: 5, endColumn: 16 }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.24 && dnf clean all\n',
    },
    {
      name: 'aliases and dnf5; continuation lines',
      code: 'FROM fedora:41\nRUN dnf in httpd \\\n    && dnf5 upgrade\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM fedora:41\nRUN dnf in -y httpd \\\n    && dnf5 upgrade -y\n',
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM fedora:41\r\nONBUILD RUN dnf install httpd\r\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM fedora:41\r\nONBUILD RUN dnf install -y httpd\r\n',
    },
  ],
});
