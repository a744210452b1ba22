import { testRule } from '../testing/rule-tester';
import rule from './yum-cache-not-cleaned';

const COST = /keeps yum's repository metadata and package cache \(often tens of MB\) in this layer: end the RUN with `yum clean all`/;

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'FROM centos:7\nRUN rm -rf /foo/bar && yum install -y bash && rm -rf /var/cache/yum/*\n',
    'FROM centos:7\nRUN bash -c `# not even a yum command`\n',
    { name: 'yum is dnf on EL 8+: dnf clean all counts', code: 'FROM rockylinux:9\nRUN yum install -y tar && dnf clean all\n' },
    { name: 'cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { name: 'tmpfs mount', code: 'FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum install -y httpd\n' },
    { name: 'heredoc with the clean', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n' },
    { name: 'ONBUILD triggers run in the child image', code: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n' },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM centos:7 AS build\nRUN yum install -y gcc && gcc -o /app main.c\n\nFROM scratch\nCOPY --from=build /app /app\n',
    },
    { name: 'yum remove fetches nothing', code: 'FROM centos:7\nRUN yum remove -y httpd\n' },
  ],
  invalid: [
    {
      name: 'install without clean: the clean is appended',
      code: 'FROM centos:7\nRUN yum install -y mariadb-10.4\n',
      errors: [{ message: COST, line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM centos:7\nRUN yum install -y mariadb-10.4 \\\n    && yum clean all\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd\n',
      errors: [{ message: /^`yum install`/, column: 22 }],
      output: 'FROM centos:7\nRUN yum clean all && yum install -y httpd \\\n    && yum clean all\n',
    },
    {
      name: 'hadolint’s strict matching: `yum clean` alone or `yum clean cache` is not enough',
      code: 'FROM centos:7\nRUN yum install -y bash && yum clean cache\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7\nRUN yum install -y bash && yum clean cache \\\n    && yum clean all\n',
    },
    {
      name: 'removing another cache does not count',
      code: 'FROM centos:7\nRUN yum install -y bash && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7\nRUN yum install -y bash && rm -rf /var/lib/apt/lists/* \\\n    && yum clean all\n',
    },
    {
      name: 'through sudo (the clean does not repeat it), and a path to the program is kept',
      code: 'FROM centos:7\nRUN sudo /usr/bin/yum -y update\n',
      errors: [{ message: /^`yum update`/, column: 10 }],
      output: 'FROM centos:7\nRUN sudo /usr/bin/yum -y update \\\n    && /usr/bin/yum clean all\n',
    },
    {
      name: 'one finding per RUN, on the first install left uncleaned',
      code: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b && yum install -y c\n',
      errors: [{ column: 42 }],
      output: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b && yum install -y c \\\n    && yum clean all\n',
    },
    {
      name: 'escape=` writes backtick continuations',
      code: '# escape=`\nFROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM centos:7\nRUN yum install -y httpd `\n    && yum clean all\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: 'FROM centos:7\r\nRUN yum install -y httpd\r\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7\r\nRUN yum install -y httpd \\\r\n    && yum clean all\r\n',
    },
    {
      name: 'a stage the shipped stage is built on ships its layers',
      code: 'FROM centos:7 AS base\nRUN yum install -y httpd\nFROM base\nCMD ["httpd"]\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7 AS base\nRUN yum install -y httpd \\\n    && yum clean all\nFROM base\nCMD ["httpd"]\n',
    },
    {
      name: 'heredoc: reported, not rewritten',
      code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: null,
    },
    {
      name: 'exec form: reported, not rewritten',
      code: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
