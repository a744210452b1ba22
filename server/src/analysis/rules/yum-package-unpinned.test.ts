import { testRule } from '../testing/rule-tester';
import rule from './yum-package-unpinned';

const HTTPD = 'Pin `httpd` to a version (`yum install httpd-<version>`): unpinned, each build installs whatever the repository has that day';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3033.
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 mod_ssl-2.4.6-99.el7.centos.x86_64 && yum clean all\n',
    { name: 'local and remote .rpm files', code: 'FROM centos:7\nRUN yum install -y /tmp/app.rpm https://example.com/epel-release-latest-7.noarch.rpm\n' },
    { name: 'a module with its stream', code: 'FROM rockylinux:8\nRUN yum module install -y nodejs:20\n' },
    { name: 'an epoch, a comparison, a pattern', code: "FROM centos:7\nRUN yum install -y 'perl-4:5.16*' 'httpd >= 2.4' 'php-*'\n" },
    { name: 'groups, files and capabilities', code: "FROM centos:7\nRUN yum install -y @development /usr/bin/make 'pkgconfig(zlib)'\n" },
    { name: 'option values', code: 'FROM centos:7\nRUN yum --enablerepo epel install -y --setopt tsflags=nodocs -x kernel jq-1.6\n' },
    { name: 'variables', code: 'FROM centos:7\nARG V\nRUN yum install -y httpd$V "$PACKAGES"\n' },
    { name: 'a version from an ARG', code: 'FROM rockylinux:9\nARG WHICH_VERSION=2.21-30.el9_6\nRUN yum install -y which-${WHICH_VERSION} && yum clean all\n' },
    { name: 'groupinstall', code: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n' },
    { name: 'other subcommands', code: 'FROM centos:7\nRUN yum update -y && yum remove -y httpd && yum clean all\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      errors: [{ message: HTTPD, line: 2, column: 20, endColumn: 25 }],
      output: null,
    },
    {
      name: 'a dash alone is not a version (hadolint accepts python3-pip)',
      code: 'FROM centos:7\nRUN yum install -y python3-pip gcc-c++\n',
      errors: [{ message: /^Pin `python3-pip`/, column: 20, endColumn: 31 }, { message: /^Pin `gcc-c\+\+`/, column: 32 }],
      output: null,
    },
    {
      name: 'a module without a stream',
      code: 'FROM rockylinux:8\nRUN yum module install -y nodejs\n',
      errors: [{ message: 'Pin the module `nodejs` to a stream (`nodejs:<stream>`): unpinned, each build installs the default stream', column: 27 }],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, escape=` and CRLF',
      code: '# escape=`\r\nFROM centos:7\r\nRUN <<EOF\r\nyum install -y httpd\r\nEOF\r\nONBUILD RUN yum install -y `\r\n    httpd\r\n',
      errors: [{ message: HTTPD, line: 4, column: 16 }, { message: HTTPD, line: 7, column: 5 }],
      output: null,
    },
  ],
});
