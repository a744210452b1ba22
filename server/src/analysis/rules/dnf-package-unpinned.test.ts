import { testRule } from '../testing/rule-tester';
import rule from './dnf-package-unpinned';

const HTTPD = 'Pin `httpd` to a version (`dnf install httpd-<version>`): unpinned, each build installs whatever the repository has that day';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3041.
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 mod_ssl-2.4.62-1.fc40.x86_64 && dnf clean all\n',
    { name: 'microdnf', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y ruby-3.0.7\n' },
    { name: 'rpm files', code: 'FROM fedora:40\nRUN dnf install -y ./app-1.0.rpm https://example.com/epel-release-latest-9.noarch.rpm\n' },
    { name: 'a module with its stream', code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20/common\n' },
    { name: 'groups and capabilities', code: "FROM fedora:40\nRUN dnf install -y @c-development 'pkgconfig(zlib)' /usr/bin/make\n" },
    { name: 'option values', code: 'FROM fedora:40\nRUN dnf --enablerepo crb --setopt install_weak_deps=False install -y --exclude kernel jq-1.7.1\n' },
    { name: 'variables', code: 'FROM fedora:40\nARG V\nRUN dnf install -y "httpd-${V}" $PACKAGES\n' },
    {
      name: 'global options with values around the subcommand',
      code: 'FROM fedora:40\nRUN dnf --installroot /mnt/rootfs install curl-7.76.1-19.el9_1.1 \\\n    -y --releasever 9 --setopt install_weak_deps=false --nodocs\n',
    },
    { name: 'group installs have no version', code: 'FROM fedora:40\nRUN dnf -y group install "Development Tools" && dnf clean all\n' },
    { name: 'a name built from variables', code: 'FROM almalinux:9\nARG PY=3.12-3.12.1-4.el9\nRUN microdnf install -y python${PY}\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      errors: [{ message: HTTPD, line: 2, column: 20, endColumn: 25 }],
      output: null,
    },
    {
      name: 'microdnf names itself in the message',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs ruby\n',
      errors: [{ message: 'Pin `ruby` to a version (`microdnf install ruby-<version>`): unpinned, each build installs whatever the repository has that day', column: 34 }],
      output: null,
    },
    {
      name: 'dnf module install without a stream, and a dash without a version',
      code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs && dnf install -y python3-pip\n',
      errors: [{ message: /^Pin the module `nodejs` to a stream/, column: 27 }, { message: /^Pin `python3-pip`/, column: 52 }],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, CRLF',
      code: 'FROM fedora:40\r\nRUN <<EOF\r\ndnf install -y httpd\r\nEOF\r\nONBUILD RUN dnf install -y httpd\r\n',
      errors: [{ message: HTTPD, line: 3, column: 16 }, { message: HTTPD, line: 5, column: 28 }],
      output: null,
    },
  ],
});
