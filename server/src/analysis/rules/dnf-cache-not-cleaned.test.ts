import { testRule } from '../testing/rule-tester';
import rule from './dnf-cache-not-cleaned';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y mariadb-10.4 && dnf clean all\n',
    'FROM fedora:40\nRUN dnf in -y mariadb-10.4 && dnf clean all\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y mariadb-10.4 && microdnf clean all\n',
    'FROM fedora:40\nRUN notdnf install mariadb\n',
    'FROM fedora:40\nRUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'FROM fedora:40\nRUN dnf -y upgrade-minimal && dnf clean all\n',
    { name: 'dnf5 cache mount (hadolint’s case)', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4\n' },
    { name: 'tmpfs mount', code: 'FROM fedora:41\nRUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4\n' },
    { name: 'cache mount on /var/cache/dnf', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n' },
    { name: 'ONBUILD is judged in the child image', code: 'FROM fedora:40\nONBUILD RUN dnf install -y httpd\n' },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nRUN gcc -o /app main.c\nFROM scratch\nCOPY --from=build /app /app\n',
    },
  ],
  invalid: [
    {
      name: 'dnf install without clean',
      code: 'FROM fedora:40\nRUN dnf install -y mariadb-10.4\n',
      errors: [{ message: '`dnf install` keeps the repository metadata (often tens of MB) in this layer: end the RUN with `dnf clean all`', column: 5, endColumn: 16 }],
      output: 'FROM fedora:40\nRUN dnf install -y mariadb-10.4 \\\n    && dnf clean all\n',
    },
    {
      name: 'microdnf gets microdnf clean all',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar\n',
      errors: [{ message: /^`microdnf install`.*`microdnf clean all`$/ }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar \\\n    && microdnf clean all\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM fedora:40\nRUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4\n',
      errors: [{ message: /^`dnf in`/ }],
      output: 'FROM fedora:40\nRUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4 \\\n    && dnf clean all\n',
    },
    {
      name: '`dnf -y upgrade` fills the cache too',
      code: 'FROM fedora:40\nRUN dnf -y upgrade\n',
      errors: [{ message: /^`dnf upgrade`/ }],
      output: 'FROM fedora:40\nRUN dnf -y upgrade \\\n    && dnf clean all\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM fedora:40\r\nRUN dnf install -y httpd\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM fedora:40\r\nRUN dnf install -y httpd `\r\n    && dnf clean all\r\n',
    },
    {
      name: 'heredoc: reported, not rewritten',
      code: 'FROM fedora:40\nRUN <<EOF\ndnf install -y httpd\nEOF\n',
      errors: [{ line: 3 }],
      output: null,
    },
  ],
});
